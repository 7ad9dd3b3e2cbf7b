import { Client } from 'pg';
import { TEST_POSTGRES_URL } from '@reglament/shared/testing';
import { eventually } from '@reglament/shared/testing';
import { mintToken, TestSystem } from '../support/system';

/**
 * PostgreSQL unavailable (docs/operations.md "Guarantees"): the test closes its own database to new
 * connections and cuts the open ones (never the shared server): requests fail with a typed,
 * retryable SERVICE_UNAVAILABLE, /readyz goes red, and everything recovers on its own.
 */
describe('PostgreSQL unavailable', () => {
  let sys: TestSystem;
  let admin: Client;

  beforeAll(async () => {
    sys = await TestSystem.start();
    admin = new Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
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

  it('answers SERVICE_UNAVAILABLE (typed, retryable), reports not ready, and recovers by itself', async () => {
    const token = await mintToken({ sub: 'admin-1', role: 'ADMIN' });
    const query = '{ tickets(first: 1) { totalCount } }';
    expect((await sys.ok<{ tickets: { totalCount: number } }>(query, {}, token)).tickets.totalCount).toBe(0);
    expect(await readyz(sys.system.services.tickets.url)).toBe(200);

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
    } finally {
      await openDatabase();
    }

    // Back on its own: no restart, the pools reconnect.
    await eventually(async () => (await readyz(sys.system.services.tickets.url)) === 200, { timeoutMs: 20_000 });
    await eventually(async () => (await readyz(sys.url)) === 200, { timeoutMs: 20_000 });
    await eventually(async () => !(await sys.gql(query, {}, token)).errors, { timeoutMs: 20_000 });
  });
});
