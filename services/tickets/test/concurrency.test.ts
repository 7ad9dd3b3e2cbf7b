import type { Caller } from '@reglament/shared/domain';
import { type Tenant, TicketsHarness } from './support/harness';
import { footprint, ticketIn } from './support/tickets';

/**
 * Two replicas of the tickets service on one database: registration numbers never repeat
 * (R-TKT-1), and two conflicting changes to one ticket at the same instant leave exactly one
 * applied, the other refused, nothing half-written.
 */
describe('concurrency', () => {
  let h: TicketsHarness;
  let t: Tenant;

  beforeAll(async () => {
    h = await TicketsHarness.start({ instances: 2 });
    t = await h.tenant();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('200 concurrent registrations through two instances get 200 distinct numbers, 1 to 200 of the year (R-TKT-1)', async () => {
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        h.gql<{ registerTicket: { number: string } }>(
          t.customer,
          `mutation($c: ID!, $title: String!) { registerTicket(input: { contractId: $c, channel: PORTAL, title: $title,
             description: "load" }) { number } }`,
          { c: t.contractId, title: `Ticket ${i}` },
          i % 2,
        ),
      ),
    );
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    const numbers = results.map((r) => r.data!.registerTicket.number).sort();
    // A fresh database: the year's counter starts at 1, and nothing is skipped or repeated.
    const expected = Array.from({ length: 200 }, (_, i) => `T-2025-${String(i + 1).padStart(6, '0')}`);
    expect(numbers).toEqual(expected);
    const [row] = await h.query<{ n: number; distinct: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT number)::int AS distinct FROM tickets`,
    );
    expect(row).toEqual({ n: 200, distinct: 200 });
  });

  it('accept and return at the same instant: one wins, the other is refused, nothing half-applied (40 rounds)', async () => {
    const ROUNDS = 40;
    const outcomes = { acceptWon: 0, returnWon: 0, conflict: 0, invalidTransition: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const ticket = await ticketIn(h, t, 'RESOLVED');
      const before = await footprint(h, ticket.id);
      const fire = (caller: Caller, mutation: string, instance: number) =>
        h.gql(caller, `mutation($id: ID!) { ${mutation} { status } }`, { id: ticket.id }, instance);
      const [accept, reject] = await Promise.all([
        fire(t.customer, 'acceptSolution(id: $id)', round % 2),
        fire(t.customer, 'returnSolution(id: $id, remarks: "Still broken")', (round + 1) % 2),
      ]);
      const winners = [accept, reject].filter((r) => !r.errors);
      expect(winners).toHaveLength(1);
      const loser = [accept, reject].find((r) => r.errors)!;
      const code = loser.errors![0]!.extensions!.code;
      // CONFLICT when both read the same version; INVALID_TRANSITION when the loser read after the winner committed.
      expect(['CONFLICT', 'INVALID_TRANSITION']).toContain(code);
      if (code === 'CONFLICT') outcomes.conflict++;
      else outcomes.invalidTransition++;
      const after = await footprint(h, ticket.id);
      const acceptWon = !accept.errors;
      if (acceptWon) outcomes.acceptWon++;
      else outcomes.returnWon++;
      // Exactly the winner's change: one version, one history entry, one event (+1 message for remarks).
      expect(after).toEqual({
        ...before,
        status: acceptWon ? 'CLOSED' : 'IN_PROGRESS',
        version: before.version + 1,
        history: before.history + 1,
        outbox: before.outbox + 1,
        messages: before.messages + (acceptWon ? 0 : 1),
      });
    }
    console.info(`accept vs return, ${ROUNDS} rounds:`, outcomes);
    expect(outcomes.acceptWon + outcomes.returnWon).toBe(ROUNDS);
    // The race is real: at least some rounds had both read the same version.
    expect(outcomes.conflict).toBeGreaterThan(0);
  });

  it('messages posted at the same instant never conflict: they queue on the row', async () => {
    const ticket = await ticketIn(h, t, 'IN_PROGRESS');
    const before = await footprint(h, ticket.id);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        h.gql(
          i % 2 ? t.customer : h.staff.ENGINEER,
          `mutation($id: ID!, $b: String!) { addMessage(ticketId: $id, body: $b) { id } }`,
          { id: ticket.id, b: `message ${i}` },
          i % 2,
        ),
      ),
    );
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    const after = await footprint(h, ticket.id);
    expect(after.version).toBe(before.version + 20);
    const versions = await h.query<{ version: number }>(
      `SELECT version FROM ticket_history WHERE ticket_id = $1 AND type = 'MESSAGE_ADDED' ORDER BY version`,
      [ticket.id],
    );
    // Each message its own version: before+1 ... before+20.
    expect(versions.map((v) => v.version)).toEqual(Array.from({ length: 20 }, (_, i) => before.version + 1 + i));
  });
});
