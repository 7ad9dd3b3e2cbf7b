import { type Caller, newId } from '@reglament/shared/domain';
import { eventually } from '@reglament/shared/testing';
import { SlaHarness } from './harness';
import { TicketEvents } from './ticket-events';

const ORG = newId();
const OTHER_ORG = newId();
const CONTRACT_A = newId();
const CONTRACT_B = newId();
const ENG1 = newId();
const ENG2 = newId();
const manager: Caller = { kind: 'user', id: newId(), role: 'DISPATCHER', organizationId: null, name: 'Manager' };
const customer: Caller = { kind: 'user', id: newId(), role: 'CUSTOMER', organizationId: ORG, name: 'Customer' };

type Row = {
  group: string | null;
  metric: string;
  party: string;
  started: number;
  met: number;
  breached: number;
  openAtRisk: number;
  complianceShare: number | null;
  medianUsedMinutes: number | null;
  p90UsedMinutes: number | null;
  medianTargetMinutes: number | null;
};
const ROW = `group metric party started met breached openAtRisk complianceShare medianUsedMinutes p90UsedMinutes medianTargetMinutes`;
const DAY = { from: '2025-03-03T00:00:00Z', to: '2025-03-04T00:00:00Z' };

/**
 * Reports across the portfolio (docs/domain.md R-SLA-8, R-SLA-11, R-SLA-12), on a seeded day of
 * asmo tickets (reaction 2 working hours, resolution 8, warning when a quarter is left; Moscow
 * 08:45-17:00, Mon 2025-03-03 a working day) driven through ticket events and the test clock.
 */
describe('SLA reports: slaReport and breaches (real PostgreSQL and NATS)', () => {
  let h: SlaHarness;
  const gql = <T>(query: string, variables: Record<string, unknown>, caller: Caller = manager) =>
    h.gql<T>(query, variables, caller);
  const report = async (filter: Record<string, unknown>, groupBy: string | null, caller: Caller = manager) => {
    const result = await gql<{ slaReport: Row[] }>(
      `query($f: SlaReportFilter!, $g: SlaReportGroupBy) { slaReport(filter: $f, groupBy: $g) { ${ROW} } }`,
      { f: filter, g: groupBy },
      caller,
    );
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!.slaReport;
  };
  const reaction = (rows: Row[]) => rows.filter((r) => r.metric === 'REACTION');

  beforeAll(async () => {
    h = await SlaHarness.start();
    const timers = async (t: TicketEvents) =>
      (await h.sla.runtime.dataSource.query('SELECT metric, status, warned FROM sla_timers WHERE ticket_id = $1', [
        t.ticketId,
      ])) as { metric: string; status: string; warned: boolean }[];
    const reactionIs = (t: TicketEvents, status: string) =>
      eventually(async () => (await timers(t)).find((x) => x.metric === 'REACTION')?.status === status);
    const a = (priority: 'NORMAL' | 'HIGH' = 'NORMAL') =>
      new TicketEvents({ organizationId: ORG, contractId: CONTRACT_A, preset: 'asmo', priority, product: 'ASMO' });
    // 07:00Z = Mon 10:00 Moscow. t1..t3 of ORG (contract A, Normal), t4 of OTHER_ORG (contract B, High).
    await h.at('2025-03-03T07:00:00Z');
    const [t1, t2, t3] = [a(), a(), a()];
    const t4 = new TicketEvents({
      organizationId: OTHER_ORG,
      contractId: CONTRACT_B,
      preset: 'asmo',
      priority: 'HIGH',
    });
    // Assigned from registration: t1 and t2 to ENG1, t3 to ENG2; t4 and t5 to nobody.
    t1.facts.assigneeId = ENG1;
    t2.facts.assigneeId = ENG1;
    t3.facts.assigneeId = ENG2;
    await h.publish(...[t1, t2, t3, t4].map((t) => t.registered('2025-03-03T07:00:00Z')));
    for (const t of [t1, t2, t3, t4]) await reactionIs(t, 'RUNNING');
    await h.publish(t4.move('ACKNOWLEDGE', '2025-03-03T07:10:00Z')); // 10 working minutes
    await h.publish(t1.move('ACKNOWLEDGE', '2025-03-03T07:30:00Z')); // 30
    await h.at('2025-03-03T08:30:00Z');
    await h.publish(t2.move('ACKNOWLEDGE', '2025-03-03T08:30:00Z')); // 90
    for (const t of [t1, t2, t4]) await reactionIs(t, 'MET');
    // t3's reaction deadline: 10:00 + 2 h = 12:00 Moscow (09:00Z); acknowledged at 13:00 (10:00Z):
    // 180 working minutes used, 60 late.
    await h.at('2025-03-03T09:00:00Z');
    await reactionIs(t3, 'BREACHED');
    await h.at('2025-03-03T09:30:00Z');
    const t5 = a();
    await h.publish(t5.registered('2025-03-03T09:30:00Z'));
    await reactionIs(t5, 'RUNNING');
    await h.at('2025-03-03T10:00:00Z');
    await h.publish(t3.move('ACKNOWLEDGE', '2025-03-03T10:00:00Z'));
    await eventually(async () => {
      const [row] = (await h.sla.runtime.dataSource.query(
        `SELECT stopped_at FROM sla_timers WHERE ticket_id = $1 AND metric = 'REACTION'`,
        [t3.ticketId],
      )) as { stopped_at: Date | null }[];
      return row?.stopped_at !== null;
    });
    // t5 (registered 12:30 Moscow) warns when 30 of its 120 minutes are left: at 14:00 (11:00Z).
    await h.at('2025-03-03T11:15:00Z');
    await eventually(async () => (await timers(t5)).find((x) => x.metric === 'REACTION')?.warned === true);
  }, 60_000);
  afterAll(async () => {
    await h?.stop();
  });

  it('slaReport: counts and working-time statistics per metric and party, worked out by hand (R-SLA-12, R-SLA-9)', async () => {
    const rows = await report({ ...DAY, contractIds: [CONTRACT_A] }, null);
    // Contract A's reactions: started t1, t2, t3, t5 = 4; met t1 (30) and t2 (90); breached t3 (180);
    // t5 past its warning, running = 1 at risk. Share 2 / 3. Used minutes sorted [30, 90, 180]:
    // median 90; p90 at position 0.9 x 2 = 1.8 -> 90 + 0.8 x (180 - 90) = 162. Target 120 each.
    expect(reaction(rows)).toEqual([
      {
        group: null,
        metric: 'REACTION',
        party: 'PROVIDER',
        started: 4,
        met: 2,
        breached: 1,
        openAtRisk: 1,
        complianceShare: 2 / 3,
        medianUsedMinutes: 90,
        p90UsedMinutes: 162,
        medianTargetMinutes: 120,
      },
    ]);
    // Resolution (8 working hours from registration) started for the same 4, none ended, none
    // warned yet (t1's warning: 6 working hours after 10:00 = 16:00 Moscow, after 14:15 now).
    expect(rows.filter((r) => r.metric === 'RESOLUTION')).toEqual([
      expect.objectContaining({
        party: 'PROVIDER',
        started: 4,
        met: 0,
        breached: 0,
        openAtRisk: 0,
        complianceShare: null,
      }),
    ]);
  });

  it('slaReport by ENGINEER (the assignee now) and filtered by engineerIds, worked out by hand', async () => {
    const rows = reaction(await report({ ...DAY, contractIds: [CONTRACT_A] }, 'ENGINEER'));
    const of = (group: string | null) => rows.find((r) => r.group === group);
    // ENG1: t1 (30) and t2 (90) met: median (30 + 90) / 2 = 60, share 1.
    expect(of(ENG1)).toMatchObject({ started: 2, met: 2, breached: 0, complianceShare: 1, medianUsedMinutes: 60 });
    // ENG2: t3 breached after 180 working minutes.
    expect(of(ENG2)).toMatchObject({ started: 1, met: 0, breached: 1, complianceShare: 0, medianUsedMinutes: 180 });
    // Nobody: t5 running past its warning.
    expect(of(null)).toMatchObject({ started: 1, met: 0, breached: 0, openAtRisk: 1 });
    expect(rows).toHaveLength(3);
    const eng1 = reaction(await report({ ...DAY, engineerIds: [ENG1] }, null));
    expect(eng1.map((r) => [r.started, r.met, r.breached])).toEqual([[2, 2, 0]]);
    const refused = await gql(`query($f: SlaReportFilter!) { slaReport(filter: $f) { met } }`, {
      f: { ...DAY, engineerIds: ['not-a-uuid'] },
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('slaReport groups by organization, priority, contract, product and month', async () => {
    const byOrg = reaction(await report(DAY, 'ORGANIZATION'));
    // OTHER_ORG: t4 met in 10 minutes; ORG as above.
    expect(byOrg.map((r) => [r.group, r.started, r.met, r.breached, r.medianUsedMinutes])).toEqual(
      [
        [ORG, 4, 2, 1, 90],
        [OTHER_ORG, 1, 1, 0, 10],
      ].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    );
    // All five: used [10, 30, 90, 180] -> median (30 + 90) / 2 = 60; p90 at 2.7 -> 90 + 0.7 x 90 = 153.
    const all = reaction(await report(DAY, 'MONTH'));
    expect(all).toEqual([
      expect.objectContaining({ group: '2025-03', started: 5, met: 3, breached: 1, openAtRisk: 1 }),
    ]);
    expect(all[0]!.medianUsedMinutes).toBe(60);
    expect(all[0]!.p90UsedMinutes).toBeCloseTo(153, 9);
    const byPriority = reaction(await report(DAY, 'PRIORITY'));
    expect(byPriority.map((r) => [r.group, r.started, r.met, r.breached])).toEqual([
      ['HIGH', 1, 1, 0],
      ['NORMAL', 4, 2, 1],
    ]);
    const byProduct = reaction(await report({ ...DAY, products: ['ASMO'] }, 'PRODUCT'));
    expect(byProduct.map((r) => [r.group, r.started])).toEqual([['ASMO', 4]]);
    const byContract = reaction(await report({ ...DAY, priorities: ['HIGH'] }, 'CONTRACT'));
    expect(byContract.map((r) => [r.group, r.met])).toEqual([[CONTRACT_B, 1]]);
    // The day before: nothing started or ended; t5 is at risk now, but only clocks started before `to` count.
    expect(await report({ from: '2025-03-02T00:00:00Z', to: '2025-03-03T00:00:00Z' }, null)).toEqual([]);
  });

  it("a customer's report covers only its own organization, whatever its filter asks", async () => {
    const own = reaction(await report(DAY, 'ORGANIZATION', customer));
    expect(own.map((r) => [r.group, r.started])).toEqual([[ORG, 4]]);
    expect(await report({ ...DAY, organizationIds: [OTHER_ORG] }, null, customer)).toEqual([]);
    expect(await report({ ...DAY, contractIds: [CONTRACT_B] }, null, customer)).toEqual([]);
    const breaches = await gql<{ breaches: { totalCount: number } }>(
      `query($f: SlaReportFilter!) { breaches(filter: $f) { totalCount } }`,
      { f: { ...DAY, organizationIds: [OTHER_ORG] } },
      customer,
    );
    expect(breaches.data!.breaches.totalCount).toBe(0);
  });

  it('breaches: the ticket, metric, party, how late in working minutes and the failure report state (R-SLA-11)', async () => {
    const result = await gql<{
      breaches: {
        totalCount: number;
        edges: { node: Record<string, unknown> }[];
      };
    }>(
      `query($f: SlaReportFilter!) { breaches(filter: $f, first: 10) { totalCount edges { node {
         ticketId organizationId contractId metric party priority breachedAt lateMinutes failureReportState failureReportId } } } }`,
      { f: DAY },
    );
    // Only t3's reaction: due 12:00 Moscow (09:00Z), answered 13:00: 60 working minutes late; asmo
    // does not block closing for a report, so none in is MISSING (not REQUIRED).
    expect(result.data!.breaches.totalCount).toBe(1);
    expect(result.data!.breaches.edges[0]!.node).toEqual(
      expect.objectContaining({
        organizationId: ORG,
        contractId: CONTRACT_A,
        metric: 'REACTION',
        party: 'PROVIDER',
        priority: 'NORMAL',
        breachedAt: '2025-03-03T09:00:00.000Z',
        lateMinutes: 60,
        failureReportState: 'MISSING',
        failureReportId: null,
      }),
    );
  });

  it('refuses periods, lists, zones and pages beyond the limits, with what is allowed', async () => {
    const codeOf = async (filter: Record<string, unknown>, extra = '') => {
      const result = await gql(
        `query($f: SlaReportFilter!) { slaReport(filter: $f) { started } breaches(filter: $f${extra}) { totalCount } }`,
        { f: filter },
      );
      return result.errors?.map((e) => [e.extensions.code, e.message]);
    };
    // 2025-01-01 .. 2026-02-05 is 400 days > 366.
    const tooLong = await codeOf({ from: '2025-01-01T00:00:00Z', to: '2026-02-05T00:00:00Z' });
    expect(tooLong?.[0]).toEqual(['BAD_USER_INPUT', expect.stringContaining('at most 366 days')]);
    const backwards = await codeOf({ from: DAY.to, to: DAY.from });
    expect(backwards?.[0]).toEqual(['BAD_USER_INPUT', expect.stringContaining('from must be before to')]);
    const manyOrgs = await codeOf({ ...DAY, organizationIds: Array.from({ length: 101 }, () => newId()) });
    expect(manyOrgs?.[0]).toEqual(['BAD_USER_INPUT', expect.stringContaining('at most 100 values')]);
    const zone = await codeOf({ ...DAY, timeZone: "Europe/Moscow'; DROP TABLE sla_timers; --" });
    expect(zone?.[0]).toEqual(['BAD_USER_INPUT', expect.stringContaining('IANA zone')]);
    const page = await codeOf(DAY, ', first: 1000');
    expect(page?.[0]).toEqual(['BAD_USER_INPUT', expect.stringContaining('first must be an integer from 1 to 100')]);
    const anonymous = await gql(`query($f: SlaReportFilter!) { slaReport(filter: $f) { started } }`, { f: DAY }, {
      kind: 'anonymous',
    } as Caller);
    expect(anonymous.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });
});
