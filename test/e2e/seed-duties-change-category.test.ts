import { TestSystem } from '../support/system';
import { type Party, SeedWalk } from '../support/seed-duties';

/**
 * Issue 18, R-SLA-10 (a change of category recomputes running deadlines from their original
 * start; time spent stays spent): `changeCategory(id, category, reason)` after triage, on the
 * imc-typical preset (seed 000), whose resolution targets depend on the category.
 */
describe('changeCategory after triage (R-SLA-10)', () => {
  let sys: TestSystem;
  let w: SeedWalk;
  let p: Party;

  beforeAll(async () => {
    sys = await TestSystem.start();
    w = await SeedWalk.on(sys);
    p = await w.customerUnder('imc-typical');
  });
  afterAll(async () => {
    await sys?.stop();
  });

  const change = `mutation($id: ID!, $c: Category!, $r: String!) { changeCategory(id: $id, category: $c, reason: $r) { category } }`;

  async function triaged(category: string, priority: string, planned: string | null): Promise<string> {
    await w.clockAt('2025-03-03T10:00:00+03:00'); // Mon, Moscow
    const id = await w.register(p);
    await w.act(p.engineer, `mutation($id: ID!) { acknowledgeTicket(id: $id) { id } }`, { id });
    await w.clockAt('2025-03-03T12:00:00+03:00');
    await w.act(
      p.engineer,
      `mutation($id: ID!, $a: ID!, $c: Category!, $p: Priority!, $d: DateTime) {
         triageTicket(id: $id, input: { category: $c, priority: $p, assigneeId: $a, plannedResolutionAt: $d }) { id } }`,
      { id, a: p.engineerId, c: category, p: priority, d: planned },
    );
    return id;
  }

  it('R-SLA-10: SUPPORT -> ERROR at Urgent moves RESOLUTION from 3 working days to 1, counted from the triage', async () => {
    const id = await triaged('SUPPORT', 'URGENT', '2025-03-06T18:00:00+03:00');
    // Support Urgent: 3 working days from Mon 12:00 -> Thu 6 March 12:00 Moscow (09:00Z).
    await w.expectTimers(id, { 'RESOLUTION#1': { status: 'RUNNING', deadline: '2025-03-06T09:00:00.000Z' } });
    await w.clockAt('2025-03-04T10:00:00+03:00'); // Tue: 7 working hours spent (Mon 12:00-18:00 = 6 h, Tue 09:00-10:00 = 1 h)
    const changed = await w.act<{ changeCategory: { category: string } }>(p.dispatcher, change, {
      id,
      c: 'ERROR',
      r: 'The report shows a defect in the code',
    });
    expect(changed.changeCategory.category).toBe('ERROR');
    // Error Urgent: 1 working day from the ORIGINAL start Mon 12:00 -> Tue 4 March 12:00 Moscow (09:00Z), not from Tue 10:00.
    await w.expectTimers(id, {
      'RESOLUTION#1': { status: 'RUNNING', deadline: '2025-03-04T09:00:00.000Z', elapsedWorkingMinutes: 420 },
    });
    const { ticket } = await sys.ok<{
      ticket: {
        history: { type: string; from: string | null; to: string | null; reason: string | null; actorRole: string }[];
      };
    }>(`query($id: ID!) { ticket(id: $id) { history { type from to reason actorRole } } }`, { id }, p.customer);
    expect(ticket.history.filter((e) => e.type === 'CATEGORY_CHANGED')).toEqual([
      {
        type: 'CATEGORY_CHANGED',
        from: 'SUPPORT',
        to: 'ERROR',
        reason: 'The report shows a defect in the code',
        actorRole: 'DISPATCHER',
      },
    ]);
  });

  it('refuses what the rule does not allow and changes nothing (roles, statuses, input limits)', async () => {
    const id = await triaged('SUPPORT', 'NORMAL', '2025-03-10T18:00:00+03:00');
    expect(await w.refused(p.customer, change, { id, c: 'ERROR', r: 'I think it is a bug' })).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await w.refused(p.engineer, change, { id, c: 'SUPPORT', r: 'Same' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringMatching(/already SUPPORT/),
    });
    expect(await w.refused(p.engineer, change, { id, c: 'ERROR', r: ' ' })).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await w.refused(p.engineer, change, { id, c: 'ERROR', r: 'x'.repeat(2_001) })).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    await w.act(p.engineer, `mutation($id: ID!) { provideSolution(id: $id, solution: "Answered") { id } }`, { id });
    expect(await w.refused(p.engineer, change, { id, c: 'ERROR', r: 'Too late' })).toMatchObject({
      code: 'INVALID_TRANSITION',
    });
    // Another organization's customer does not learn the ticket exists.
    const other = await w.customerUnder('imc-typical');
    expect(await w.refused(other.customer, change, { id, c: 'ERROR', r: 'x' })).toMatchObject({ code: 'NOT_FOUND' });
    const { ticket } = await sys.ok<{ ticket: { category: string } }>(
      `query($id: ID!) { ticket(id: $id) { category } }`,
      { id },
      w.admin,
    );
    expect(ticket.category).toBe('SUPPORT');
  });
});
