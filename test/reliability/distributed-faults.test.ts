import {
  createTestDatabase,
  createTestNats,
  eventually,
  type TestDatabase,
  type TestNats,
} from '@reglament/shared/testing';
import { Client } from 'pg';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { type DistributedSystem, post, startDistributed } from '../support/processes';
import { mintToken, subscribe } from '../support/system';

const ADMIN = '00000000-0000-7000-8000-000000000001';
const DISPATCHER = '00000000-0000-7000-8000-0000000000d1';

/**
 * Issue 20's faults with every part its own process on real PostgreSQL and NATS (loopback only):
 * what the README's Guarantees promise, shown with processes killed as an operator or a crash
 * would kill them.
 */
describe('faults in the distributed mode: each part its own process', () => {
  let db: TestDatabase;
  let nats: TestNats;
  let sys: DistributedSystem;
  let admin: string;
  let dispatcher: string;
  let customer: { token: string; contractId: string };
  let pg: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    nats = createTestNats();
    sys = await startDistributed({ databaseUrl: db.url, natsUrl: nats.url, eventPrefix: nats.prefix });
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    admin = await mintToken({ sub: ADMIN, role: 'ADMIN' });
    dispatcher = await mintToken({ sub: DISPATCHER, role: 'DISPATCHER' });
    const ok = async <T>(query: string, variables: Record<string, unknown>) => {
      const answer = await post<T>(sys.url, query, variables, admin);
      if (answer.errors) throw new Error(JSON.stringify(answer.errors));
      return answer.data!;
    };
    // Monday 3 March 2025, 10:00 Moscow: a working hour of imc-typical's calendar.
    await ok(`mutation { setClock(at: "2025-03-03T07:00:00Z") }`, {});
    const { createOrganization: org } = await ok<{ createOrganization: { id: string } }>(
      `mutation { createOrganization(input: { name: "Faulty Co", email: "it@faulty.example" }) { id } }`,
      {},
    );
    const { createContract: contract } = await ok<{ createContract: { id: string } }>(
      `mutation($o: ID!) { createContract(input: { organizationId: $o, number: "F-1", preset: "imc-typical",
         startsOn: "2025-01-01", endsOn: "2025-12-31" }) { id } }`,
      { o: org.id },
    );
    const { addContact: contact } = await ok<{ addContact: { id: string } }>(
      `mutation($o: ID!) { addContact(input: { organizationId: $o, fullName: "Fedor Faultin", email: "fedor@faulty.example" }) { id } }`,
      { o: org.id },
    );
    customer = {
      token: await mintToken({ sub: contact.id, role: 'CUSTOMER', org: org.id }),
      contractId: contract.id,
    };
  }, 300_000);
  afterAll(async () => {
    await pg?.end();
    await sys?.stop();
    await db?.drop();
    await nats?.destroy();
  });

  /** Registers `count` tickets through `url`, `parallel` at a time; `after(n)` runs once n answers came. */
  async function registerMany(url: string, count: number, parallel: number, after: Record<number, () => void> = {}) {
    const ids: string[] = [];
    const refusals: unknown[] = [];
    let next = 0;
    const worker = async () => {
      while (next < count) {
        const i = next++;
        const answer = await post<{ registerTicket: { id: string } }>(
          url,
          `mutation($c: ID!, $t: String!) { registerTicket(input: { contractId: $c, channel: PORTAL, title: $t,
             description: "Posting fails" }) { id } }`,
          { c: customer.contractId, t: `Fault ${i}` },
          customer.token,
        );
        if (answer.data?.registerTicket) ids.push(answer.data.registerTicket.id);
        else refusals.push(answer.errors);
        after[ids.length]?.();
      }
    };
    await Promise.all(Array.from({ length: parallel }, worker));
    return { ids, refusals };
  }

  it('kill -9 of the SLA service during 500 registrations: every ticket gets its clock once, and the wallboard sees each start once', async () => {
    // Tickets learns the contract and the contact from events: wait until it registers.
    await eventually(async () => (await registerMany(sys.url, 1, 1)).ids[0], { timeoutMs: 60_000 });
    const client = createClient({
      url: sys.url.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${dispatcher}` },
      retryAttempts: 0,
    });
    const wall = subscribe<{ slaChanged: { type: string; ticketId: string } }>(
      client,
      `subscription { slaChanged { type ticketId } }`,
    );
    await new Promise((resolve) => setTimeout(resolve, 500));

    const sla = sys.sets[0]!.parts.sla;
    let restarted: Promise<void> = Promise.resolve();
    const { ids, refusals } = await registerMany(sys.url, 500, 8, {
      // A crash in the middle of the burst (no graceful stop: what it was handed is unacknowledged)...
      150: () => void sla.stop('SIGKILL'),
      // ...and back while the burst goes on.
      300: () => (restarted = sla.start()),
    });
    await restarted;
    // Registration never waits on the SLA service: all 500 answered.
    expect(refusals).toEqual([]);
    expect(ids).toHaveLength(500);

    // imc-typical starts one clock at registration, ANALYSIS (docs/domain.md R-SLA-4): 500 rows, one per ticket.
    const timers = await eventually(
      async () => {
        const { rows } = await pg.query<{ ticket_id: string; metric: string }>(
          'SELECT ticket_id, metric FROM sla.sla_timers WHERE ticket_id = ANY($1::uuid[])',
          [ids],
        );
        return rows.length >= 500 ? rows : null;
      },
      { timeoutMs: 120_000, message: 'not every ticket got its clock after the SLA service came back' },
    );
    expect(timers).toHaveLength(500);
    expect(new Set(timers.map((t) => t.ticket_id)).size).toBe(500);
    expect(new Set(timers.map((t) => t.metric))).toEqual(new Set(['ANALYSIS']));

    // The wallboard saw exactly one STARTED per ticket: none lost in the crash, none twice.
    const started = await eventually(
      () => {
        const seen = wall.received.filter(
          (r) => r.data?.slaChanged.type === 'STARTED' && ids.includes(r.data.slaChanged.ticketId),
        );
        return seen.length >= 500 ? seen : null;
      },
      { timeoutMs: 60_000, message: `the wallboard saw ${wall.received.length} changes` },
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // a late duplicate would arrive now
    const perTicket = new Map<string, number>();
    for (const r of wall.received) {
      if (r.data?.slaChanged.type !== 'STARTED') continue;
      perTicket.set(r.data.slaChanged.ticketId, (perTicket.get(r.data.slaChanged.ticketId) ?? 0) + 1);
    }
    expect(started.length).toBe(500);
    expect(ids.filter((id) => perTicket.get(id) !== 1)).toEqual([]);
    await client.dispose();
  }, 300_000);
});
