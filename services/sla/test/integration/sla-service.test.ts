import { type Caller, makeEvent, newId } from '@reglament/shared/domain';
import { eventually } from '@reglament/shared/testing';
import { SlaHarness } from './harness';
import { TicketEvents } from './ticket-events';

const ORG = newId();
const OTHER_ORG = newId();
const staff: Caller = { kind: 'user', id: newId(), role: 'ENGINEER', organizationId: null, name: 'Engineer' };
const customer: Caller = { kind: 'user', id: newId(), role: 'CUSTOMER', organizationId: ORG, name: 'Customer' };
const stranger: Caller = { kind: 'user', id: newId(), role: 'CUSTOMER', organizationId: OTHER_ORG, name: 'Stranger' };

/**
 * The SLA service on its own, on real PostgreSQL and NATS: ticket events in (as the tickets
 * service publishes them), clocks, scheduler and events out.
 */
describe('SLA service (real PostgreSQL and NATS)', () => {
  let h: SlaHarness;
  beforeAll(async () => {
    h = await SlaHarness.start();
  });
  afterAll(async () => {
    await h?.stop();
  });

  const publish: SlaHarness['publish'] = (...events) => h.publish(...events);
  const at = (iso: string) => h.at(iso);
  const eventsOf = (ticketId: string, type?: string) => h.eventsOf(ticketId, type);
  const gql = <T>(query: string, variables: Record<string, unknown>, caller: Caller = staff) =>
    h.gql<T>(query, variables, caller);

  const SLA_OF = `query($id: ID!) { _entities(representations: [{ __typename: "Ticket", id: $id }]) {
    ... on Ticket { sla { state nextDeadline failureReportPending policy { id }
      timers { id metric party status deadline warnAt breachedAt failureReport { causes } } } } } }`;
  type SlaResult = {
    _entities: {
      sla: {
        state: string;
        nextDeadline: string | null;
        failureReportPending: boolean;
        policy: { id: string } | null;
        timers: {
          id: string;
          metric: string;
          party: string;
          status: string;
          deadline: string | null;
          warnAt: string | null;
          breachedAt: string | null;
          failureReport: { causes: string } | null;
        }[];
      };
    }[];
  };
  const slaOf = async (ticketId: string, caller: Caller = staff) =>
    (await gql<SlaResult>(SLA_OF, { id: ticketId }, caller)).data!._entities[0]!.sla;

  it('imc-typical: started, then the warning and the breach fired by the scheduler at their own instants, once (R-TKT-8, R-SLA-9, R-SLA-11)', async () => {
    await at('2025-03-03T07:00:00Z'); // Mon 10:00 Moscow
    const t = new TicketEvents({ organizationId: ORG, contractId: newId(), preset: 'imc-typical' });
    await publish(t.registered('2025-03-03T07:00:00Z'));
    // ANALYSIS: 1 working day -> Tue 10:00 Moscow (07:00Z); warned halfway through its 9 working hours: Mon 14:30 (11:30Z).
    const started = await eventually(() => eventsOf(t.ticketId, 'sla.timer.started')[0]);
    expect(started.event.data).toMatchObject({
      metric: 'ANALYSIS',
      party: 'PROVIDER',
      status: 'RUNNING',
      deadline: '2025-03-04T07:00:00.000Z',
      warnAt: '2025-03-03T11:30:00.000Z',
      policyId: 'imc-typical',
    });
    expect(await slaOf(t.ticketId)).toMatchObject({ state: 'ON_TRACK', nextDeadline: '2025-03-04T07:00:00.000Z' });

    await at('2025-03-03T12:00:00Z'); // Mon 15:00: past the warning
    const warning = await eventually(() => eventsOf(t.ticketId, 'sla.timer.warning')[0]);
    expect(warning.event.occurredAt).toBe('2025-03-03T11:30:00.000Z');
    expect(warning.event.data).toMatchObject({ partyAtRisk: 'PROVIDER', partyToNotify: ['PROVIDER', 'CUSTOMER'] });
    expect((await slaOf(t.ticketId)).state).toBe('AT_RISK');

    await at('2025-03-04T08:00:00Z'); // Tue 11:00: past the deadline
    const breached = await eventually(() => eventsOf(t.ticketId, 'sla.timer.breached')[0]);
    expect(breached.event.occurredAt).toBe('2025-03-04T07:00:00.000Z');
    expect(breached.event.data).toMatchObject({ status: 'BREACHED', breachedAt: '2025-03-04T07:00:00.000Z' });
    expect(await slaOf(t.ticketId)).toMatchObject({
      state: 'BREACHED',
      timers: [{ metric: 'ANALYSIS', status: 'BREACHED', breachedAt: '2025-03-04T07:00:00.000Z' }],
    });
    // Running the scheduler again fires nothing more.
    await h.sla.app.scheduler.runDue();
    expect(eventsOf(t.ticketId, 'sla.timer.warning')).toHaveLength(1);
    expect(eventsOf(t.ticketId, 'sla.timer.breached')).toHaveLength(1);
  });

  it("a ticket's clocks rebuilt from its history come out identical (R-SLA-10)", async () => {
    await at('2025-03-10T07:00:00Z');
    const t = new TicketEvents({ organizationId: ORG, contractId: newId(), preset: 'imc-typical' });
    await publish(
      t.registered('2025-03-10T07:00:00Z'),
      t.move('ACKNOWLEDGE', '2025-03-10T07:10:00Z'),
      t.move('REQUEST_CLARIFICATION', '2025-03-10T08:00:00Z'),
    );
    await eventually(async () => (await slaOf(t.ticketId)).timers.length === 2);
    await publish(
      t.move('ANSWER_CLARIFICATION', '2025-03-10T09:00:00Z', {}, true),
      t.move('TRIAGE', '2025-03-10T10:00:00Z', {
        category: 'SUPPORT',
        priority: 'HIGH',
        plannedResolutionAt: '2025-03-12T12:00:00Z',
      }),
    );
    // Analysis, clarification, a second analysis from the answer, resolution from the triage.
    await eventually(async () => (await slaOf(t.ticketId)).timers.length === 4);
    const before = await slaOf(t.ticketId);
    // Counted in the outbox itself: exact, whatever is still on its way to NATS.
    const published = async () =>
      (
        (await h.sla.runtime.dataSource.query(
          `SELECT count(*)::int AS n FROM outbox WHERE payload->'data'->>'ticketId' = $1`,
          [t.ticketId],
        )) as { n: number }[]
      )[0]!.n;
    const eventsBefore = await published();
    const admin: Caller = { kind: 'user', id: newId(), role: 'ADMIN', organizationId: null, name: 'Admin' };
    const rebuilt = await gql<{ rebuildTicketSla: unknown }>(
      `mutation($id: ID!) { rebuildTicketSla(ticketId: $id) { state nextDeadline timers { id metric status deadline } } }`,
      { id: t.ticketId },
      admin,
    );
    expect(rebuilt.errors).toBeUndefined();
    expect(rebuilt.data!.rebuildTicketSla).toEqual({
      state: before.state,
      nextDeadline: before.nextDeadline,
      timers: before.timers.map(({ id, metric, status, deadline }) => ({ id, metric, status, deadline })),
    });
    expect(await published()).toBe(eventsBefore); // nothing changed, nothing published
    // Only an admin may rebuild.
    const refused = await gql(
      `mutation($id: ID!) { rebuildTicketSla(ticketId: $id) { state } }`,
      { id: t.ticketId },
      staff,
    );
    expect(refused.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  });

  it('a release-bound deadline follows the release schedule when it moves (R-SLA-7)', async () => {
    await at('2025-03-03T07:00:00Z');
    const product = `ERP-${newId().slice(0, 8)}`;
    const releaseId = newId();
    const origin = { source: 'contracts', occurredAt: new Date('2025-03-03T06:00:00Z') };
    await publish(
      makeEvent(
        'contracts.release.scheduled',
        null,
        { releaseId, product, kind: 'UNPLANNED', plannedAt: '2025-03-12T12:00:00.000Z' },
        origin,
      ),
    );
    const t = new TicketEvents({
      organizationId: ORG,
      contractId: newId(),
      preset: 'imc-typical',
      product,
      category: 'ERROR',
      priority: 'HIGH',
    });
    await publish(t.registered('2025-03-03T07:00:00Z'), t.move('TRIAGE', '2025-03-03T08:00:00Z'));
    const resolution = await eventually(() =>
      eventsOf(t.ticketId, 'sla.timer.started').find(
        (d) => (d.event.data as { metric: string }).metric === 'RESOLUTION',
      ),
    );
    expect((resolution.event.data as { deadline: string }).deadline).toBe('2025-03-12T12:00:00.000Z');
    await publish(
      makeEvent(
        'contracts.release.moved',
        null,
        {
          releaseId,
          product,
          kind: 'UNPLANNED',
          plannedAt: '2025-03-14T12:00:00.000Z',
          previousPlannedAt: '2025-03-12T12:00:00.000Z',
        },
        { ...origin, occurredAt: new Date('2025-03-03T09:00:00Z') },
      ),
    );
    const moved = await eventually(() => eventsOf(t.ticketId, 'sla.timer.deadline_changed')[0]);
    expect(moved.event.data).toMatchObject({ metric: 'RESOLUTION', deadline: '2025-03-14T12:00:00.000Z' });
  });

  it('infocraft-365: no guaranteed reaction while prepaid time is used up; the refill restores it (R-CON-6)', async () => {
    await at('2025-09-10T07:00:00Z'); // Wed 10:00 Moscow
    const contractId = newId();
    const t = new TicketEvents({ organizationId: ORG, contractId, preset: 'infocraft-365' });
    await publish(t.registered('2025-09-10T07:00:00Z'));
    // 4 working hours (package default) from Wed 10:00 -> 14:00 Moscow (11:00Z).
    await eventually(async () => (await slaOf(t.ticketId)).timers[0]?.deadline === '2025-09-10T11:00:00.000Z');
    await at('2025-09-10T09:00:00Z'); // 12:00: 2 h spent
    const origin = (iso: string) => ({ source: 'contracts', occurredAt: new Date(iso) });
    await publish(
      makeEvent(
        'contracts.prepaid.exhausted',
        ORG,
        { contractId, organizationId: ORG, month: '2025-09', remainingMinutes: 0 },
        origin('2025-09-10T09:00:00Z'),
      ),
    );
    await eventually(async () => (await slaOf(t.ticketId)).timers[0]?.status === 'NOT_GUARANTEED');
    await at('2025-09-11T07:00:00Z'); // Thu 10:00
    await publish(
      makeEvent(
        'contracts.prepaid.replenished',
        ORG,
        { contractId, organizationId: ORG, month: '2025-09', remainingMinutes: 600 },
        origin('2025-09-11T07:00:00Z'),
      ),
    );
    // 2 h left from Thu 10:00 -> Thu 12:00 Moscow (09:00Z).
    await eventually(async () => (await slaOf(t.ticketId)).timers[0]?.deadline === '2025-09-11T09:00:00.000Z');
    expect((await slaOf(t.ticketId)).timers[0]!.status).toBe('RUNNING');
  });

  it('kz-supplier: a breached provider deadline needs a failure report before closing (R-SLA-11)', async () => {
    await at('2025-07-17T05:00:00Z'); // Thu 10:00 Almaty
    const t = new TicketEvents({ organizationId: ORG, contractId: newId(), preset: 'kz-supplier', category: 'ERROR' });
    await publish(t.registered('2025-07-17T04:00:00Z'), t.onSiteRequested('2025-07-17T05:00:00Z'));
    await eventually(async () => (await slaOf(t.ticketId)).timers.some((x) => x.metric === 'ON_SITE'));
    // Arrival due 3 calendar hours after the request: 08:00Z. At 09:00Z it is breached.
    await at('2025-07-17T09:00:00Z');
    await eventually(async () => (await slaOf(t.ticketId)).failureReportPending);
    const pending = await eventually(() =>
      eventsOf(t.ticketId, 'sla.ticket.state_changed').find(
        (d) => (d.event.data as { failureReportPending: boolean }).failureReportPending,
      ),
    );
    expect(pending.event.data).toMatchObject({ state: 'BREACHED', breached: true });

    const submit = `mutation($id: ID!) { submitFailureReport(ticketId: $id, causes: "Engineer stuck in traffic", measures: "Second engineer on call") { id causes } }`;
    expect((await gql(submit, { id: t.ticketId }, customer)).errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    const report = await gql<{ submitFailureReport: { id: string; causes: string } }>(submit, { id: t.ticketId });
    expect(report.data?.submitFailureReport.causes).toBe('Engineer stuck in traffic');
    const after = await slaOf(t.ticketId);
    expect(after.failureReportPending).toBe(false);
    expect(after.timers.find((x) => x.metric === 'ON_SITE')!.failureReport).toEqual({
      causes: 'Engineer stuck in traffic',
    });
    // Nothing left to report on.
    const again = await gql(submit, { id: t.ticketId });
    expect(again.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });

  it("an unanswered clarification expires: the customer's clock is breached and tickets is told (R-TKT-9)", async () => {
    await at('2025-03-03T07:00:00Z'); // Mon 10:00 Moscow
    const t = new TicketEvents({ organizationId: ORG, contractId: newId(), preset: 'imc-typical' });
    await publish(
      t.registered('2025-03-03T07:00:00Z'),
      t.move('ACKNOWLEDGE', '2025-03-03T07:30:00Z'),
      t.move('REQUEST_CLARIFICATION', '2025-03-03T12:00:00Z'),
    );
    // 3 working days from Mon 15:00 Moscow -> Thu 6 March 15:00 (12:00Z).
    await eventually(
      async () =>
        (await slaOf(t.ticketId)).timers.find((x) => x.metric === 'CLARIFICATION')?.deadline ===
        '2025-03-06T12:00:00.000Z',
    );
    await at('2025-03-06T13:00:00Z');
    const expired = await eventually(() => eventsOf(t.ticketId, 'sla.ticket.clarification_expired')[0]);
    expect(expired.event.data).toMatchObject({ dueAt: '2025-03-06T12:00:00.000Z', closeAutomatically: false });
    const clarification = (await slaOf(t.ticketId)).timers.find((x) => x.metric === 'CLARIFICATION')!;
    expect(clarification).toMatchObject({
      party: 'CUSTOMER',
      status: 'BREACHED',
      breachedAt: '2025-03-06T12:00:00.000Z',
    });
  });

  it("a contract's own holidays and a 24x7 coverage change its clocks' calendar (R-CON-8, kz-supplier holidays)", async () => {
    const origin = { source: 'contracts', occurredAt: new Date('2025-07-01T00:00:00Z') };
    const contract = (contractId: string, preset: string, extra: { holidays?: string[]; coverage?: string | null }) =>
      makeEvent(
        'contracts.contract.created',
        ORG,
        {
          contractId,
          organizationId: ORG,
          number: contractId.slice(0, 8),
          preset,
          status: 'ACTIVE',
          startsOn: '2025-01-01',
          endsOn: '2025-12-31',
          products: [],
          coverage: extra.coverage ?? null,
          timeZone: 'Asia/Almaty',
          prerequisites: [],
          holidays: extra.holidays ?? [],
        },
        origin,
      );
    const kzContract = newId();
    const fullTime = newId();
    await publish(
      contract(kzContract, 'kz-supplier', { holidays: ['2025-07-17'] }),
      contract(fullTime, 'asmo', { coverage: '24x7' }),
    );
    // The contract events go through their own consumer: let them land before the tickets.
    await eventually(async () => {
      const rows = (await h.sla.runtime.dataSource.query(
        'SELECT count(*)::int AS n FROM sla_contracts WHERE contract_id = ANY($1)',
        [[kzContract, fullTime]],
      )) as { n: number }[];
      return rows[0]!.n === 2;
    });
    await at('2025-07-16T12:00:00Z');
    const kz = new TicketEvents({
      organizationId: ORG,
      contractId: kzContract,
      preset: 'kz-supplier',
      category: 'ERROR',
    });
    const asmo = new TicketEvents({ organizationId: ORG, contractId: fullTime, preset: 'asmo' });
    await publish(kz.registered('2025-07-16T12:00:00Z'), asmo.registered('2025-07-16T12:00:00Z'));
    // kz-supplier, term agreement 2 working hours from Wed 17:00 Almaty: 1 h on Wednesday; Thursday 17 July is the
    // contract's holiday; 1 h on Friday from 09:00 -> Fri 10:00 Almaty (05:00Z).
    await eventually(async () => (await slaOf(kz.ticketId)).timers[0]?.deadline === '2025-07-18T05:00:00.000Z');
    // asmo under a 24x7 coverage: reaction 2 hours of any time -> 14:00Z the same day.
    await eventually(
      async () =>
        (await slaOf(asmo.ticketId)).timers.find((x) => x.metric === 'REACTION')?.deadline ===
        '2025-07-16T14:00:00.000Z',
    );
  });

  it('an older contract change arriving after a newer one (two replicas) does not overwrite it', async () => {
    const contractId = newId();
    const change = (coverage: string | null) =>
      makeEvent(
        'contracts.contract.updated',
        ORG,
        {
          contractId,
          organizationId: ORG,
          number: 'ORDER-1',
          preset: 'asmo',
          status: 'ACTIVE',
          startsOn: '2025-01-01',
          endsOn: '2025-12-31',
          products: [],
          coverage,
          timeZone: 'Europe/Moscow',
          prerequisites: [],
          holidays: [],
        },
        { source: 'contracts', occurredAt: new Date('2025-07-01T00:00:00Z') },
      );
    const older = change(null);
    await new Promise((resolve) => setTimeout(resolve, 5)); // a later UUID v7
    const newer = change('24x7');
    await publish(newer);
    await eventually(async () => {
      const rows = (await h.sla.runtime.dataSource.query('SELECT coverage FROM sla_contracts WHERE contract_id = $1', [
        contractId,
      ])) as { coverage: string | null }[];
      return rows[0]?.coverage === '24x7';
    });
    await publish(older);
    await eventually(async () => {
      const rows = (await h.sla.runtime.dataSource.query('SELECT 1 FROM inbox WHERE event_id = $1', [
        older.id,
      ])) as unknown[];
      return rows.length === 1;
    });
    const [row] = (await h.sla.runtime.dataSource.query('SELECT coverage FROM sla_contracts WHERE contract_id = $1', [
      contractId,
    ])) as { coverage: string | null }[];
    expect(row!.coverage).toBe('24x7');
  });

  it('slaCompliance: the met share per metric, party and priority, each clock counted at the instant it was met or breached (R-SLA-12)', async () => {
    await at('2025-03-03T07:00:00Z'); // Mon 10:00 Moscow
    const contractId = newId();
    const ticket = () => new TicketEvents({ organizationId: ORG, contractId, preset: 'asmo', priority: 'NORMAL' });
    const answered = ticket();
    const ignored = ticket();
    // asmo reaction: 2 working hours from Mon 10:00 -> 12:00 Moscow (09:00Z). One answered at 11:00, one never.
    await publish(answered.registered('2025-03-03T07:00:00Z'), ignored.registered('2025-03-03T07:00:00Z'));
    await eventually(async () => (await slaOf(ignored.ticketId)).timers.length > 0);
    await publish(answered.move('ACKNOWLEDGE', '2025-03-03T08:00:00Z'));
    await eventually(
      async () => (await slaOf(answered.ticketId)).timers.find((x) => x.metric === 'REACTION')?.status === 'MET',
    );
    await at('2025-03-03T10:00:00Z');
    await eventually(() => eventsOf(ignored.ticketId, 'sla.timer.breached')[0]);

    type Row = {
      metric: string;
      party: string;
      priority: string;
      total: number;
      met: number;
      breached: number;
      metShare: number;
    };
    const reaction = async (from: string, to: string, caller: Caller = staff) => {
      const result = await gql<{ slaCompliance: Row[] }>(
        `query($c: ID!, $f: DateTime!, $t: DateTime!) { slaCompliance(contractId: $c, from: $f, to: $t) {
           metric party priority total met breached metShare } }`,
        { c: contractId, f: from, t: to },
        caller,
      );
      return result.errors ?? result.data!.slaCompliance.filter((r) => r.metric === 'REACTION');
    };
    // The whole day: one met (08:00Z), one breached (09:00Z).
    expect(await reaction('2025-03-03T00:00:00Z', '2025-03-04T00:00:00Z')).toEqual([
      { metric: 'REACTION', party: 'PROVIDER', priority: 'NORMAL', total: 2, met: 1, breached: 1, metShare: 0.5 },
    ]);
    // From 08:30Z: only the breach falls in the window.
    expect(await reaction('2025-03-03T08:30:00Z', '2025-03-04T00:00:00Z')).toEqual([
      { metric: 'REACTION', party: 'PROVIDER', priority: 'NORMAL', total: 1, met: 0, breached: 1, metShare: 0 },
    ]);
    // Before anything stopped: nothing.
    expect(await reaction('2025-03-03T00:00:00Z', '2025-03-03T07:30:00Z')).toEqual([]);
    // Another organization's customer learns nothing of this contract.
    expect(await reaction('2025-03-03T00:00:00Z', '2025-03-04T00:00:00Z', stranger)).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND' }) }),
    ]);
  });

  it("tenant isolation: another organization's customer sees no clocks of this ticket", async () => {
    await at('2025-03-03T07:00:00Z');
    const t = new TicketEvents({ organizationId: ORG, contractId: newId(), preset: 'asmo' });
    await publish(t.registered('2025-03-03T07:00:00Z'));
    await eventually(async () => (await slaOf(t.ticketId)).timers.length === 2);
    expect((await slaOf(t.ticketId, customer)).timers).toHaveLength(2);
    expect(await slaOf(t.ticketId, stranger)).toEqual({
      state: 'MET',
      nextDeadline: null,
      failureReportPending: false,
      policy: null,
      timers: [],
    });
    const timerId = (await slaOf(t.ticketId)).timers[0]!.id;
    const direct = await gql(`query($id: ID!) { slaTimer(id: $id) { id } }`, { id: timerId }, stranger);
    expect(direct.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
  });

  it('business calendars answer working-time questions (R-SLA-1)', async () => {
    const result = await gql<{
      businessCalendars: { id: string; addWorkingTime: string; workingMinutesBetween: number }[];
    }>(
      `{ businessCalendars { id
          addWorkingTime(from: "2025-06-20T16:00:00+03:00", minutes: 120)
          workingMinutesBetween(from: "2025-06-20T16:00:00+03:00", to: "2025-06-23T10:00:00+03:00") } }`,
      {},
    );
    const asmo = result.data!.businessCalendars.find((c) => c.id === 'msk-0845-1700')!;
    // Fri 16:00-17:00 = 60 min, Mon from 08:45: 60 more -> 09:45 Moscow (06:45Z); Fri 60 + Mon 08:45-10:00 75 = 135.
    expect(asmo).toEqual({
      id: 'msk-0845-1700',
      addWorkingTime: '2025-06-23T06:45:00.000Z',
      workingMinutesBetween: 135,
    });
  });
});
