import { Client } from 'pg';
import { TEST_POSTGRES_URL } from '@reglament/shared/testing';
import { eventually } from '@reglament/shared/testing';
import { Seed, type SeededCustomer } from '../support/seed';
import { mintToken, TestSystem } from '../support/system';

/** The outage the issue names: PostgreSQL unavailable for 10 s. */
const OUTAGE_MS = 10_000;

/**
 * PostgreSQL unavailable (docs/operations.md "Guarantees"): the test closes its own database to new
 * connections and cuts the open ones (never the shared server): requests fail with a typed,
 * retryable SERVICE_UNAVAILABLE, /readyz goes red, and everything recovers on its own: the
 * outboxes drain and events flow again (a ticket registered after it gets its clock).
 */
describe('PostgreSQL unavailable', () => {
  let sys: TestSystem;
  let admin: Client;
  let seed: Seed;
  let customer: SeededCustomer;

  beforeAll(async () => {
    sys = await TestSystem.start();
    admin = new Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
    seed = await Seed.on(sys, { clock: '2025-03-03T10:00:00+03:00' }); // Monday, a working hour
    customer = await seed.customer({ preset: 'imc-typical' });
    await seed.ticket(customer); // tickets knows the contract and the contact
  });
  afterAll(async () => {
    await admin?.query(`ALTER DATABASE "${sys.db.name}" ALLOW_CONNECTIONS true`).catch(() => undefined);
    await admin?.end();
    await sys?.stop();
  });

  const closeDatabase = async () => {
    await admin.query(`ALTER DATABASE "${sys.db.name}" ALLOW_CONNECTIONS false`);
    await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [sys.db.name],
    );
  };
  const openDatabase = () => admin.query(`ALTER DATABASE "${sys.db.name}" ALLOW_CONNECTIONS true`);
  const readyz = async (url: string) => (await fetch(url.replace('/graphql', '/readyz'))).status;

  it('for 10 s: answers SERVICE_UNAVAILABLE (typed, retryable), reports not ready, recovers by itself and drains the outboxes', async () => {
    const token = await mintToken({ sub: 'admin-1', role: 'ADMIN' });
    const query = '{ tickets(first: 1) { totalCount } }';
    expect((await sys.ok<{ tickets: { totalCount: number } }>(query, {}, token)).tickets.totalCount).toBe(1);
    const register = (title: string) =>
      sys.gql<{ registerTicket: { id: string } }>(
        `mutation($c: ID!, $t: String!) { registerTicket(input: { contractId: $c, channel: PORTAL, title: $t,
           description: "Posting fails" }) { id } }`,
        { c: customer.contractId, t: title },
        customer.token,
      );
    expect(await readyz(sys.system.services.tickets.url)).toBe(200);

    const closedAt = Date.now();
    await closeDatabase();
    try {
      const failed = await eventually(async () => {
        const answer = await sys.gql(query, {}, token);
        return answer.errors?.[0]?.extensions?.code === 'SERVICE_UNAVAILABLE' ? answer : null;
      });
      expect(failed.errors).toEqual([
        expect.objectContaining({
          extensions: expect.objectContaining({ code: 'SERVICE_UNAVAILABLE', retryable: expect.any(Boolean) }),
        }),
      ]);
      expect(JSON.stringify(failed)).not.toMatch(/ECONNREFUSED|not currently accepting|stack/);
      await eventually(async () => (await readyz(sys.system.services.tickets.url)) === 503);
      // The gateway's readiness follows its subgraphs' (probed at most once a second).
      await eventually(async () => (await readyz(sys.url)) === 503);
      // A write is refused the same way, and nothing of it is kept.
      const write = await register('During the outage');
      expect(write.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      // The outage lasts its 10 s whatever the checks took.
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, OUTAGE_MS - (Date.now() - closedAt))));
    } finally {
      await openDatabase();
    }

    // Back on its own: no restart, the pools reconnect.
    await eventually(async () => (await readyz(sys.system.services.tickets.url)) === 200, { timeoutMs: 20_000 });
    await eventually(async () => (await readyz(sys.url)) === 200, { timeoutMs: 20_000 });
    await eventually(async () => !(await sys.gql(query, {}, token)).errors, { timeoutMs: 20_000 });

    // Writes and events flow again: a ticket registered now gets its clock from the SLA service
    // (through the outbox, NATS and the SLA consumer), and every outbox drains.
    const after = await eventually(async () => (await register('After the outage')).data?.registerTicket, {
      timeoutMs: 20_000,
    });
    await eventually(async () => {
      const { ticket } = await sys.ok<{ ticket: { sla: { timers: { metric: string }[] } } }>(
        `query($id: ID!) { ticket(id: $id) { sla { timers { metric } } } }`,
        { id: after.id },
        token,
      );
      return ticket.sla.timers.some((t) => t.metric === 'ANALYSIS');
    });
    const db = new Client({ connectionString: sys.db.url });
    await db.connect();
    try {
      await eventually(async () => {
        const counts: number[] = [];
        for (const schema of ['tickets', 'sla', 'contracts', 'notifications']) {
          const { rows } = await db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM ${schema}.outbox WHERE published_at IS NULL`,
          );
          counts.push(rows[0]!.n);
        }
        return counts.every((n) => n === 0);
      });
      const { rows } = await db.query<{ title: string }>(`SELECT title FROM tickets.tickets ORDER BY title`);
      expect(rows.map((r) => r.title)).toEqual(['After the outage', 'Posting fails']);
    } finally {
      await db.end();
    }
  }, 120_000);
});
