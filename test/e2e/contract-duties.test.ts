import type { RunningContracts } from '@reglament/contracts';
import { eventually } from '@reglament/shared/testing';
import { TestSystem } from '../support/system';
import { type Party, SeedWalk } from '../support/seed-duties';

/**
 * Issue 18, contract duties: work a regulation obliges a party to do, once or on a schedule,
 * due in the contract's business calendar; each occurrence is a DUTY ticket with its own clock
 * (R-SLA-9 warning, breach), done with a note or a file. The presets create theirs with the
 * contract: 000 (the customer's portal users list within 3 working days of signing) and
 * 003 §9-13 (the supplier's test environments, quarterly hand-over, archives, standby database).
 */
describe('contract duties (issue 18; 000, 003 §9-13)', () => {
  let sys: TestSystem;
  let w: SeedWalk;

  beforeAll(async () => {
    sys = await TestSystem.start();
    w = await SeedWalk.on(sys);
  });
  afterAll(async () => {
    await sys?.stop();
  });

  interface Timer {
    metric: string;
    party: string;
    status: string;
    deadline: string | null;
    warnAt: string | null;
    breachedAt: string | null;
    stoppedAt: string | null;
  }
  interface Occurrence {
    id: string;
    dutyId: string;
    party: string;
    periodStartsOn: string;
    dueWorkingDays: number;
    status: string;
    note: string | null;
    attachmentId: string | null;
    ticket: { kind: string; status: string; closeReason: string | null; sla: { state: string; timers: Timer[] } };
  }
  const OCCURRENCES = `query($f: DutyOccurrenceFilter) { dutyOccurrences(filter: $f, first: 100) { totalCount edges { node {
    id dutyId party periodStartsOn dueWorkingDays status note attachmentId
    ticket { kind status closeReason sla { state timers { metric party status deadline warnAt breachedAt stoppedAt } } } } } } }`;

  async function occurrences(filter: Record<string, unknown>, token = w.admin): Promise<Occurrence[]> {
    const { dutyOccurrences } = await sys.ok<{ dutyOccurrences: { edges: { node: Occurrence }[] } }>(
      OCCURRENCES,
      { f: filter },
      token,
    );
    return dutyOccurrences.edges.map((e) => e.node);
  }

  /** Waits until the occurrence of `filter` exists and `ready` holds for it. */
  async function occurrence(filter: Record<string, unknown>, ready: (o: Occurrence) => boolean): Promise<Occurrence> {
    return eventually(async () => {
      const [found] = await occurrences(filter);
      return found && ready(found) ? found : null;
    });
  }

  async function dutiesOf(contractId: string, token = w.admin) {
    const { contract } = await sys.ok<{
      contract: {
        duties: {
          id: string;
          title: string;
          party: string;
          schedule: { kind: string; on: string | null; cron: string | null };
          dueWorkingDays: number;
          endsOn: string | null;
          seedClause: string | null;
        }[];
      } | null;
    }>(
      `query($id: ID!) { contract(id: $id) { duties { id title party schedule { kind on cron } dueWorkingDays endsOn seedClause } } }`,
      { id: contractId },
      token,
    );
    return contract?.duties ?? null;
  }

  async function warnedDispatcher(p: Party, ticketId: string): Promise<void> {
    await eventually(async () => {
      const { myNotifications } = await sys.ok<{
        myNotifications: { edges: { node: { kind: string; ticketId: string | null } }[] };
      }>(`{ myNotifications(first: 100) { edges { node { kind ticketId } } } }`, {}, p.dispatcher);
      return myNotifications.edges.some((e) => e.node.kind === 'SLA_WARNING' && e.node.ticketId === ticketId);
    });
  }

  const COMPLETE = `mutation($id: ID!, $note: String, $file: AttachmentInput) {
    completeDutyOccurrence(id: $id, note: $note, file: $file) { id status note attachmentId } }`;

  let imc: Party;
  let kz: Party;

  it("000: the portal users list is the customer's, due at the close of the 3rd working day after signing; warned (R-SLA-9); done by the customer, the clock stops", async () => {
    // Signed Monday 7 December 2026 (Moscow): 3 working days are Tue 8, Wed 9, Thu 10 -> due Thu 10 Dec
    // 18:00 MSK = 15:00Z (msk-0900-1800). Warned one working day before: Thu 09:00 MSK = 06:00Z.
    await w.clockAt('2026-12-07T10:00:00+03:00');
    imc = await w.customerUnder('imc-typical', { startsOn: '2026-12-07', endsOn: '2027-12-06' });
    expect(await dutiesOf(imc.contractId)).toEqual([
      expect.objectContaining({
        party: 'CUSTOMER',
        schedule: { kind: 'ONCE', on: '2026-12-07', cron: null },
        dueWorkingDays: 3,
        endsOn: null,
        seedClause: '000 Личный кабинет',
      }),
    ]);
    // A move of the clock runs the contracts clock job: the occurrence opens (its period began today).
    await w.clockAt('2026-12-07T10:00:05+03:00');
    const opened = await occurrence({ contractId: imc.contractId }, (o) => o.ticket.sla.timers.length > 0);
    expect(opened).toMatchObject({
      party: 'CUSTOMER',
      periodStartsOn: '2026-12-07',
      dueWorkingDays: 3,
      status: 'OPEN',
      ticket: { kind: 'DUTY', status: 'REGISTERED', closeReason: null },
    });
    expect(opened.ticket.sla.timers).toEqual([
      {
        metric: 'RESOLUTION',
        party: 'CUSTOMER',
        status: 'RUNNING',
        deadline: '2026-12-10T15:00:00.000Z',
        warnAt: '2026-12-10T06:00:00.000Z',
        breachedAt: null,
        stoppedAt: null,
      },
    ]);
    // The customer sees its own duty's occurrence.
    expect((await occurrences({ contractId: imc.contractId }, imc.customer)).map((o) => o.id)).toEqual([opened.id]);

    // R-SLA-9: Thursday 09:05 the warning is raised (the dispatchers hear of it).
    await w.clockAt('2026-12-10T09:05:00+03:00');
    await warnedDispatcher(imc, opened.id);

    // Done by the customer at 11:00 with a note: the clock stops MET; the ticket is CLOSED (DONE).
    await w.clockAt('2026-12-10T11:00:00+03:00');
    const done = await w.act<{ completeDutyOccurrence: { status: string; note: string } }>(imc.customer, COMPLETE, {
      id: opened.id,
      note: 'The list of 12 portal users is attached to the e-mail of 10.12',
    });
    expect(done.completeDutyOccurrence).toMatchObject({ status: 'DONE', note: expect.stringContaining('12 portal') });
    const met = await occurrence({ contractId: imc.contractId }, (o) => o.ticket.sla.timers[0]?.status === 'MET');
    expect(met.ticket).toMatchObject({ status: 'CLOSED', closeReason: 'DONE' });
    expect(met.ticket.sla.timers[0]).toMatchObject({ stoppedAt: '2026-12-10T08:00:00.000Z', breachedAt: null });
    // Past the due instant nothing changes: completion stopped the clock.
    await w.clockAt('2026-12-10T18:30:00+03:00');
    const after = await occurrences({ contractId: imc.contractId });
    expect(after[0]!.ticket.sla.timers[0]).toMatchObject({ status: 'MET', breachedAt: null });
    // A DUTY ticket is not moved by the request workflow.
    const refused = await w.refused(imc.dispatcher, `mutation($id: ID!) { acknowledgeTicket(id: $id) { id } }`, {
      id: opened.id,
    });
    expect(refused.code).toBe('INVALID_TRANSITION');
  });

  it('003 §10: the quarterly hand-over opens on 1 July, due at the close of the 10th working day in the Kazakh calendar (6 July is Capital Day); warned, breached, done late', async () => {
    // Working days after Wed 1 July 2026 in Almaty: Thu 2 (1), Fri 3 (2), [Mon 6 Capital Day], Tue 7 (3),
    // Wed 8 (4), Thu 9 (5), Fri 10 (6), Mon 13 (7), Tue 14 (8), Wed 15 (9), Thu 16 (10): due Thu 16 July
    // 18:00 Almaty (UTC+5) = 13:00Z; warned one working day before: Thu 16 09:00 = 04:00Z.
    await w.clockAt('2026-06-15T10:00:00+05:00');
    kz = await w.customerUnder('kz-supplier', { startsOn: '2026-06-15', endsOn: '2027-06-14' });
    const duties = (await dutiesOf(kz.contractId))!;
    expect(duties.map((d) => [d.seedClause, d.party, d.schedule.kind, d.dueWorkingDays])).toEqual([
      ['003 §9', 'PROVIDER', 'MONTHLY', 5],
      ['003 §10', 'PROVIDER', 'QUARTERLY', 10],
      ['003 §12', 'PROVIDER', 'MONTHLY', 5],
      ['003 §13', 'PROVIDER', 'WEEKLY', 2],
    ]);
    const quarterly = duties.find((d) => d.seedClause === '003 §10')!;
    await w.clockAt('2026-07-01T00:00:30+05:00');
    const opened = await occurrence({ dutyId: quarterly.id }, (o) => o.ticket.sla.timers.length > 0);
    expect(opened).toMatchObject({ party: 'PROVIDER', periodStartsOn: '2026-07-01', dueWorkingDays: 10 });
    expect(opened.ticket.sla).toEqual({
      state: 'ON_TRACK',
      timers: [
        {
          metric: 'RESOLUTION',
          party: 'PROVIDER',
          status: 'RUNNING',
          deadline: '2026-07-16T13:00:00.000Z',
          warnAt: '2026-07-16T04:00:00.000Z',
          breachedAt: null,
          stoppedAt: null,
        },
      ],
    });
    // The weekly duty (§13) opened for the Mondays 15 (the contract's first day), 22 and 29 June, the
    // monthly ones (§9, §12) for 1 July.
    const all = await eventually(async () => {
      const list = await occurrences({ contractId: kz.contractId });
      return list.length === 6 ? list : null;
    });
    expect(all.map((o) => o.periodStartsOn).sort()).toEqual([
      '2026-06-15',
      '2026-06-22',
      '2026-06-29',
      '2026-07-01',
      '2026-07-01',
      '2026-07-01',
    ]);

    // R-SLA-9: warned Thu 16 July 09:00 (AT_RISK); the dispatchers hear of it.
    await w.clockAt('2026-07-16T09:30:00+05:00');
    await occurrence({ dutyId: quarterly.id }, (o) => o.ticket.sla.state === 'AT_RISK');
    await warnedDispatcher(kz, opened.id);
    // Breached at 18:00.
    await w.clockAt('2026-07-16T18:00:01+05:00');
    const late = await occurrence({ dutyId: quarterly.id }, (o) => o.ticket.sla.state === 'BREACHED');
    expect(late.ticket.sla.timers[0]).toMatchObject({ status: 'BREACHED', breachedAt: '2026-07-16T13:00:00.000Z' });

    // The customer may not complete the provider's duty; the engineer does, with the signed act as a file.
    const forbidden = await w.refused(kz.customer, COMPLETE, { id: opened.id, note: 'done?' });
    expect(forbidden.code).toBe('FORBIDDEN');
    const file = {
      name: 'act-q3.pdf',
      contentType: 'application/pdf',
      contentBase64: Buffer.from('%PDF act').toString('base64'),
    };
    const done = await w.act<{ completeDutyOccurrence: { status: string; attachmentId: string | null } }>(
      kz.engineer,
      COMPLETE,
      { id: opened.id, file },
    );
    expect(done.completeDutyOccurrence.status).toBe('DONE');
    expect(done.completeDutyOccurrence.attachmentId).not.toBeNull();
    // A breach recorded stays (R-SLA-11): the clock stops, still BREACHED.
    const stopped = await occurrence({ dutyId: quarterly.id }, (o) => o.ticket.sla.timers[0]?.stoppedAt !== null);
    expect(stopped.ticket.sla.timers[0]).toMatchObject({ status: 'BREACHED', breachedAt: '2026-07-16T13:00:00.000Z' });
    expect(stopped.ticket).toMatchObject({ status: 'CLOSED', closeReason: 'DONE' });
  });

  it('idempotent generation: replicas running the clock job at once, and a job that lost its progress, open nothing twice', async () => {
    const contracts = sys.system.services.contracts as RunningContracts;
    const before = await occurrences({ contractId: kz.contractId });
    // Three runs at once (three replicas' clock jobs), then a run that lost its progress (a restart
    // before the progress was kept: the unique (duty, period start) still holds).
    const runs = await Promise.all([1, 2, 3].map(() => contracts.app.duties.openDue()));
    expect(runs).toEqual([0, 0, 0]);
    await contracts.runtime.dataSource.query(
      'UPDATE contract_duties SET opened_through = NULL WHERE contract_id = $1',
      [kz.contractId],
    );
    expect(await contracts.app.duties.openDue()).toBe(0);
    const [{ n }] = (await contracts.runtime.dataSource.query(
      'SELECT count(*)::int AS n FROM duty_occurrences WHERE contract_id = $1',
      [kz.contractId],
    )) as { n: number }[];
    expect(n).toBe(before.length);
    expect(await occurrences({ contractId: kz.contractId })).toHaveLength(before.length);
  });

  it("tenant isolation: a customer sees only its organization's duties and occurrences", async () => {
    // imc's customer: kz's contract is not found, nor its occurrences, nor may it complete one.
    const contract = await sys.gql(
      `query($id: ID!) { contract(id: $id) { duties { id } } }`,
      { id: kz.contractId },
      imc.customer,
    );
    expect(contract.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await dutiesOf(imc.contractId, imc.customer)).toHaveLength(1);
    expect(await occurrences({ contractId: kz.contractId }, imc.customer)).toEqual([]);
    const mine = await occurrences({}, imc.customer);
    expect(mine.every((o) => o.ticket.kind === 'DUTY')).toBe(true);
    expect(mine.map((o) => o.periodStartsOn)).toEqual(['2026-12-07']);
    const [theirs] = await occurrences({ contractId: kz.contractId, status: 'OPEN' });
    const refused = await w.refused(imc.customer, COMPLETE, { id: theirs!.id, note: 'not mine' });
    expect(refused.code).toBe('NOT_FOUND');
  });

  it('validation and limits: typed refusals that change nothing (bad cron, too frequent, past end, unknown party, due rule, title, per-contract count, note and file size)', async () => {
    await w.clockAt('2026-07-20T10:00:00+05:00');
    const ADD = `mutation($i: AddContractDutyInput!) { addContractDuty(input: $i) { id schedule { kind cron } endsOn } }`;
    const base = {
      contractId: kz.contractId,
      title: 'Backup restore drill',
      party: 'PROVIDER',
      schedule: { kind: 'CRON', cron: '0 9 1 */2 *' },
      dueWorkingDays: 5,
    };
    const count = async () => (await dutiesOf(kz.contractId))!.length;
    expect(await count()).toBe(4);
    const refusals: [Record<string, unknown>, string, RegExp][] = [
      [{ schedule: { kind: 'CRON', cron: '61 * * * *' } }, 'BAD_USER_INPUT', /schedule.cron cannot be read/],
      [{ schedule: { kind: 'CRON', cron: '0 * * * *' } }, 'BAD_USER_INPUT', /more often than once a day/],
      [{ schedule: { kind: 'CRON', cron: '0 9 1' } }, 'BAD_USER_INPUT', /five-field/],
      [{ schedule: { kind: 'CRON' } }, 'BAD_USER_INPUT', /schedule.cron is required/],
      [{ endsOn: '2026-07-19' }, 'BAD_USER_INPUT', /endsOn 2026-07-19 is in the past/],
      [{ endsOn: '2027-07-01' }, 'BAD_USER_INPUT', /after the contract's end 2027-06-14/],
      [{ schedule: { kind: 'ONCE', on: '2026-07-01' } }, 'BAD_USER_INPUT', /schedule.on 2026-07-01 is in the past/],
      [{ dueWorkingDays: 61 }, 'BAD_USER_INPUT', /at most 60/],
      [{ dueWorkingDays: 0 }, 'BAD_USER_INPUT', /dueWorkingDays must be a whole number from 1 to 60/],
      [{ title: 'x'.repeat(201) }, 'BAD_USER_INPUT', /title must be 1 to 200 characters/],
    ];
    for (const [change, code, message] of refusals) {
      const refused = await w.refused(w.admin, ADD, { i: { ...base, ...change } });
      expect({ change, code: refused.code }).toEqual({ change, code });
      expect(refused.message).toMatch(message);
    }
    // An unknown party never reaches the service: the schema's enum refuses it.
    const party = await sys.gql(ADD, { i: { ...base, party: 'SUBCONTRACTOR' } }, w.admin);
    expect(party.errors?.[0]?.message).toMatch(/SUBCONTRACTOR/);
    // Customers do not add duties.
    expect((await w.refused(kz.customer, ADD, { i: base })).code).toBe('FORBIDDEN');
    expect(await count()).toBe(4);

    // A cron duty is read with cron-parser; up to 20 duties per contract, the 21st is refused.
    const added = await w.act<{ addContractDuty: { schedule: { kind: string; cron: string } } }>(w.admin, ADD, {
      i: base,
    });
    expect(added.addContractDuty.schedule).toEqual({ kind: 'CRON', cron: '0 9 1 */2 *' });
    for (let i = (await count()) + 1; i <= 20; i++) {
      await w.act(w.admin, ADD, { i: { ...base, title: `Duty ${i}`, schedule: { kind: 'WEEKLY' } } });
    }
    const over = await w.refused(w.admin, ADD, { i: { ...base, title: 'Duty 21', schedule: { kind: 'MONTHLY' } } });
    expect(over).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('at most 20 duties') });
    expect(await count()).toBe(20);

    // 000's one-off list on a contract entered after its first day was owed before: not created.
    const late = await w.customerUnder('imc-typical', { startsOn: '2026-07-01', endsOn: '2027-06-30' });
    expect(await dutiesOf(late.contractId)).toEqual([]);

    // Ending a duty: no occurrence starts after today; its end shows.
    const last = (await dutiesOf(kz.contractId))!.at(-1)!;
    const ended = await w.act<{ endContractDuty: { endsOn: string } }>(
      w.admin,
      `mutation($id: ID!) { endContractDuty(id: $id) { endsOn } }`,
      { id: last.id },
    );
    expect(ended.endContractDuty.endsOn).toBe('2026-07-20');

    // Completion: a note or a file is needed, a note at most 4000 characters, a file within the attachment limit.
    const [open] = await occurrences({ contractId: kz.contractId, status: 'OPEN' });
    const none = await w.refused(kz.engineer, COMPLETE, { id: open!.id });
    expect(none).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('a note or a file') });
    const long = await w.refused(kz.engineer, COMPLETE, { id: open!.id, note: 'n'.repeat(4001) });
    expect(long).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('at most 4000') });
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 1).toString('base64');
    const file = await w.refused(kz.engineer, COMPLETE, {
      id: open!.id,
      file: { name: 'dump.bak', contentType: 'application/octet-stream', contentBase64: big },
    });
    expect(file).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringContaining('the limit is 10485760 bytes'),
    });
    // Nothing changed: still open, no file kept.
    const still = (await occurrences({ contractId: kz.contractId, status: 'OPEN' })).find((o) => o.id === open!.id);
    expect(still).toMatchObject({ status: 'OPEN', attachmentId: null, ticket: { status: 'REGISTERED' } });
  });
});
