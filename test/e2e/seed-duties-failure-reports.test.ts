import { eventually } from '@reglament/shared/testing';
import { TestSystem } from '../support/system';
import { type Party, SeedWalk } from '../support/seed-duties';

/**
 * Issue 18, seed 003 §7 with R-SLA-11: "По каждому случаю сбоя Продукта Поставщик должен
 * предоставить отчет" — a report of causes and measures for every product failure, not only for a
 * breached deadline. Staff mark a ticket as a failure (markAsFailure), or the preset's category
 * mapping does (kz-supplier: an urgent error); the ticket cannot close until the report is in;
 * reports are listed (failureReports).
 */
describe('failure reports per product failure (003 §7, R-SLA-11)', () => {
  let sys: TestSystem;
  let w: SeedWalk;
  let kz: Party;
  let altec: Party;

  beforeAll(async () => {
    sys = await TestSystem.start();
    w = await SeedWalk.on(sys);
    kz = await w.customerUnder('kz-supplier');
    altec = await w.customerUnder('altec-8x5x4');
  });
  afterAll(async () => {
    await sys?.stop();
  });

  const mark = `mutation($id: ID!) { markAsFailure(id: $id) { markedAsFailureAt } }`;
  const report = `mutation($id: ID!) { submitFailureReport(ticketId: $id, causes: "Disk controller failed", measures: "Controller replaced; monitoring added") {
    id forFailure metrics } }`;
  const accept = `mutation($id: ID!) { acceptSolution(id: $id) { status } }`;

  async function inProgress(p: Party, category: string, priority: string): Promise<string> {
    const id = await w.register(p, { category: 'SUPPORT' });
    await w.act(p.engineer, `mutation($id: ID!) { acknowledgeTicket(id: $id) { id } }`, { id });
    await w.act(
      p.engineer,
      `mutation($id: ID!, $a: ID!, $c: Category!, $p: Priority!) { triageTicket(id: $id, input: { category: $c, priority: $p,
         assigneeId: $a, plannedResolutionAt: "2025-11-28T18:00:00+03:00" }) { id } }`,
      { id, a: p.engineerId, c: category, p: priority },
    );
    return id;
  }

  it('003 §7: a ticket staff mark as a failure needs its report before it closes, though no deadline was breached', async () => {
    await w.clockAt('2025-11-10T10:00:00+03:00'); // Mon, Moscow
    const id = await inProgress(altec, 'ERROR', 'NORMAL');
    const marked = await w.act<{ markAsFailure: { markedAsFailureAt: string } }>(altec.engineer, mark, { id });
    expect(marked.markAsFailure.markedAsFailureAt).toBe('2025-11-10T07:00:00.000Z');
    await w.act(
      altec.engineer,
      `mutation($id: ID!) { provideSolution(id: $id, solution: "Rebuilt the index") { id } }`,
      {
        id,
      },
    );
    // No clock was breached, yet the customer may not close it: the report is owed.
    await eventually(async () => {
      const { ticket } = await sys.ok<{ ticket: { sla: { failureReportPending: boolean; state: string } } }>(
        `query($id: ID!) { ticket(id: $id) { sla { failureReportPending state } } }`,
        { id },
        altec.customer,
      );
      return ticket.sla.failureReportPending && ticket.sla.state !== 'BREACHED';
    });
    expect(await w.refused(altec.customer, accept, { id })).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: expect.stringMatching(/failure report/),
    });
    const submitted = await w.act<{ submitFailureReport: { id: string; forFailure: boolean; metrics: string[] } }>(
      altec.engineer,
      report,
      { id },
    );
    expect(submitted.submitFailureReport).toMatchObject({ forFailure: true, metrics: [] });
    // A second report for the same failure is refused: it is covered.
    expect(await w.refused(altec.engineer, report, { id })).toMatchObject({ code: 'BAD_USER_INPUT' });
    await eventually(async () => !(await sys.gql(accept, { id }, altec.customer)).errors);
    const { ticket } = await sys.ok<{ ticket: { status: string; history: { type: string; actorRole: string }[] } }>(
      `query($id: ID!) { ticket(id: $id) { status history { type actorRole } } }`,
      { id },
      altec.customer,
    );
    expect(ticket.status).toBe('CLOSED');
    expect(ticket.history.filter((e) => e.type === 'MARKED_AS_FAILURE')).toEqual([
      { type: 'MARKED_AS_FAILURE', actorRole: 'ENGINEER' },
    ]);
  });

  it('003 §7: kz-supplier counts an urgent error as a failure: marked at registration, or when a change makes it one', async () => {
    await w.clockAt('2025-11-11T10:00:00+05:00'); // Tue, Almaty
    const urgent = await w.register(kz, { category: 'ERROR', priority: 'URGENT', title: 'Server down' });
    const { ticket } = await sys.ok<{
      ticket: { markedAsFailureAt: string; history: { type: string; reason: string | null }[] };
    }>(
      `query($id: ID!) { ticket(id: $id) { markedAsFailureAt history { type reason } } }`,
      { id: urgent },
      kz.customer,
    );
    expect(ticket.markedAsFailureAt).toBe('2025-11-11T05:00:00.000Z');
    expect(ticket.history.map((e) => [e.type, e.reason])).toEqual([
      ['REGISTERED', null],
      ['MARKED_AS_FAILURE', "the preset's failure class"],
    ]);
    // A high error is no failure ... until its priority becomes urgent (the change marks it).
    const high = await inProgress(kz, 'ERROR', 'HIGH');
    const before = await sys.ok<{ ticket: { markedAsFailureAt: string | null } }>(
      `query($id: ID!) { ticket(id: $id) { markedAsFailureAt } }`,
      { id: high },
      kz.engineer,
    );
    expect(before.ticket.markedAsFailureAt).toBeNull();
    await w.clockAt('2025-11-11T11:00:00+05:00');
    await w.act(
      kz.engineer,
      `mutation($id: ID!) { changePriority(id: $id, priority: URGENT, reason: "Production stopped") { id } }`,
      {
        id: high,
      },
    );
    const after = await sys.ok<{ ticket: { markedAsFailureAt: string | null } }>(
      `query($id: ID!) { ticket(id: $id) { markedAsFailureAt } }`,
      { id: high },
      kz.engineer,
    );
    expect(after.ticket.markedAsFailureAt).toBe('2025-11-11T06:00:00.000Z');
    // Marked already: marking again is refused and changes nothing.
    expect(await w.refused(kz.engineer, mark, { id: high })).toMatchObject({ code: 'INVALID_TRANSITION' });
    // The customer withdraws it: refused while the report is owed.
    await eventually(async () => {
      const r = await sys.gql(
        `mutation($id: ID!) { closeTicket(id: $id, reason: WITHDRAWN) { id } }`,
        { id: high },
        kz.customer,
      );
      return r.errors?.[0]?.message.match(/failure report/) ? true : null;
    });
  });

  it('failureReports: staff list every report, a customer only its own; limits hold', async () => {
    await w.clockAt('2025-11-12T10:00:00+05:00');
    const id = await w.register(kz, { category: 'ERROR', priority: 'URGENT', title: 'Sync stopped' });
    await eventually(async () => !(await sys.gql(report, { id }, kz.engineer)).errors);
    type Page = {
      failureReports: {
        totalCount: number;
        edges: { node: { ticketId: string; forFailure: boolean; ticket: { number: string } } }[];
      };
    };
    const list = `query($f: FailureReportFilter, $first: Int, $after: String) { failureReports(filter: $f, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { ticketId forFailure ticket { number } } } } }`;
    const own = await sys.ok<Page>(list, {}, kz.customer);
    expect(own.failureReports.edges.map((e) => e.node.ticketId)).toContain(id);
    expect(own.failureReports.edges.every((e) => e.node.forFailure)).toBe(true);
    expect(own.failureReports.edges[0]!.node.ticket.number).toMatch(/^T-2025-/);
    // altec's report (first test) is not kz's to see; staff see both.
    expect(own.failureReports.totalCount).toBe(1);
    const staff = await sys.ok<Page>(list, { f: { forFailure: true } }, w.admin);
    expect(staff.failureReports.totalCount).toBe(2);
    const firstPage = await sys.ok<
      Page & { failureReports: { pageInfo: { hasNextPage: boolean; endCursor: string } } }
    >(list, { first: 1 }, w.admin);
    expect(firstPage.failureReports.pageInfo.hasNextPage).toBe(true);
    const second = await sys.ok<Page>(list, { first: 1, after: firstPage.failureReports.pageInfo.endCursor }, w.admin);
    expect(second.failureReports.edges).toHaveLength(1);
    expect(second.failureReports.edges[0]!.node.ticketId).not.toBe(firstPage.failureReports.edges[0]!.node.ticketId);
    // Limits: page size 1-100, only cursors the list gave out; a customer cannot mark.
    expect((await sys.gql(list, { first: 101 }, w.admin)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await sys.gql(list, { after: 'bm90LWEtY3Vyc29y' }, w.admin)).errors?.[0]?.extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    expect(await w.refused(kz.customer, mark, { id })).toMatchObject({ code: 'FORBIDDEN' });
  });
});
