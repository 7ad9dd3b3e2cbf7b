import { TestSystem } from '../support/system';
import { type Party, SeedWalk } from '../support/seed-duties';

/**
 * Issue 18, seed 003 (the supplier's Redmine practice): under kz-supplier the customer chooses and
 * changes the priority of its own tickets; under the other presets priority stays the provider's
 * after registration (R-TKT-7).
 */
describe('customer-set priority per preset (003)', () => {
  let sys: TestSystem;
  let w: SeedWalk;
  let kz: Party;
  let imc: Party;

  beforeAll(async () => {
    sys = await TestSystem.start();
    w = await SeedWalk.on(sys);
    kz = await w.customerUnder('kz-supplier');
    imc = await w.customerUnder('imc-typical');
    await w.clockAt('2025-09-15T10:00:00+05:00'); // Mon
  });
  afterAll(async () => {
    await sys?.stop();
  });

  const change = `mutation($id: ID!, $p: Priority!) { changePriority(id: $id, priority: $p, reason: "Our warehouse is stopped") { priority } }`;
  const moves = `query($id: ID!) { ticket(id: $id) { allowedMoves } }`;

  it('003: a kz-supplier customer raises the priority of its own ticket; it is in the history as the customer', async () => {
    const id = await w.register(kz, { category: 'ERROR', priority: 'HIGH' });
    const offered = await sys.ok<{ ticket: { allowedMoves: string[] } }>(moves, { id }, kz.customer);
    expect(offered.ticket.allowedMoves).toContain('CHANGE_PRIORITY');
    const changed = await w.act<{ changePriority: { priority: string } }>(kz.customer, change, { id, p: 'URGENT' });
    expect(changed.changePriority.priority).toBe('URGENT');
    const { ticket } = await sys.ok<{
      ticket: { history: { type: string; from: string | null; to: string | null; actorRole: string }[] };
    }>(`query($id: ID!) { ticket(id: $id) { history { type from to actorRole } } }`, { id }, kz.engineer);
    expect(ticket.history.filter((e) => e.type === 'PRIORITY_CHANGED')).toEqual([
      { type: 'PRIORITY_CHANGED', from: 'HIGH', to: 'URGENT', actorRole: 'CUSTOMER' },
    ]);
    // Another organization's customer does not learn the ticket exists.
    const other = await w.customerUnder('kz-supplier');
    expect(await w.refused(other.customer, change, { id, p: 'LOW' })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it("R-TKT-7: under imc-typical priority stays the provider's: the customer is refused and nothing changes", async () => {
    await w.clockAt('2025-09-15T10:00:00+03:00');
    const id = await w.register(imc, { category: 'ERROR', priority: 'HIGH' });
    const offered = await sys.ok<{ ticket: { allowedMoves: string[] } }>(moves, { id }, imc.customer);
    expect(offered.ticket.allowedMoves).not.toContain('CHANGE_PRIORITY');
    expect(await w.refused(imc.customer, change, { id, p: 'URGENT' })).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/only under kz-supplier/),
    });
    const { ticket } = await sys.ok<{ ticket: { priority: string } }>(
      `query($id: ID!) { ticket(id: $id) { priority } }`,
      { id },
      imc.customer,
    );
    expect(ticket.priority).toBe('HIGH');
  });
});
