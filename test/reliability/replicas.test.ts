import {
  createTestDatabase,
  createTestNats,
  eventually,
  type TestDatabase,
  type TestNats,
} from '@reglament/shared/testing';
import { createClient } from 'graphql-ws';
import { Client } from 'pg';
import WebSocket from 'ws';
import { type DistributedSystem, post, startDistributed } from '../support/processes';
import { mintToken, subscribe } from '../support/system';

const ADMIN = '00000000-0000-7000-8000-000000000001';
const DISPATCHER = '00000000-0000-7000-8000-0000000000d1';

type Change = { slaChanged: { type: string; ticketId: string } };

/**
 * Issue 20: two replicas of every part, each copy behind a gateway of its own, all on one
 * PostgreSQL and one NATS; a rolling restart (SIGTERM) of one copy while tickets arrive through
 * both gateways.
 */
describe('two replicas of every part and two gateways, with a rolling restart under traffic', () => {
  let db: TestDatabase;
  let nats: TestNats;
  let sys: DistributedSystem;
  let pg: Client;
  let admin: string;
  let customer: { token: string; contractId: string };

  beforeAll(async () => {
    db = await createTestDatabase();
    nats = createTestNats();
    sys = await startDistributed({ databaseUrl: db.url, natsUrl: nats.url, eventPrefix: nats.prefix, replicas: 2 });
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    admin = await mintToken({ sub: ADMIN, role: 'ADMIN' });
    const ok = async <T>(query: string, variables: Record<string, unknown> = {}) => {
      const answer = await post<T>(sys.url, query, variables, admin);
      if (answer.errors) throw new Error(JSON.stringify(answer.errors));
      return answer.data!;
    };
    // Monday 3 March 2025, 10:00 Moscow.
    await ok(`mutation { setClock(at: "2025-03-03T07:00:00Z") }`);
    const { createOrganization: org } = await ok<{ createOrganization: { id: string } }>(
      `mutation { createOrganization(input: { name: "Twin Co", email: "it@twin.example" }) { id } }`,
    );
    const { createContract: contract } = await ok<{ createContract: { id: string } }>(
      `mutation($o: ID!) { createContract(input: { organizationId: $o, number: "TW-1", preset: "imc-typical",
         startsOn: "2025-01-01", endsOn: "2025-12-31" }) { id } }`,
      { o: org.id },
    );
    const { addContact: contact } = await ok<{ addContact: { id: string } }>(
      `mutation($o: ID!) { addContact(input: { organizationId: $o, fullName: "Tanya Twin", email: "tanya@twin.example" }) { id } }`,
      { o: org.id },
    );
    customer = { token: await mintToken({ sub: contact.id, role: 'CUSTOMER', org: org.id }), contractId: contract.id };
  }, 300_000);
  afterAll(async () => {
    await pg?.end();
    await sys?.stop();
    await db?.drop();
    await nats?.destroy();
  });

  it('loses and doubles nothing, and cuts no request: each ticket one clock, each wallboard every start and every breach once', async () => {
    const [a, b] = sys.sets;
    const register = (url: string, title: string) =>
      post<{ registerTicket: { id: string } }>(
        url,
        `mutation($c: ID!, $t: String!) { registerTicket(input: { contractId: $c, channel: PORTAL, title: $t,
           description: "Posting fails" }) { id } }`,
        { c: customer.contractId, t: title },
        customer.token,
      );
    // Both copies of tickets have learned the contract and the contact.
    for (const set of [a!, b!]) {
      await eventually(async () => (await register(set.gateway.url, 'probe')).data?.registerTicket, {
        timeoutMs: 60_000,
      });
    }

    const dispatcher = await mintToken({ sub: DISPATCHER, role: 'DISPATCHER' });
    const walls = [a!, b!].map((set) => {
      const client = createClient({
        url: set.gateway.url.replace('http', 'ws'),
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${dispatcher}` },
        retryAttempts: 0,
      });
      return { client, wall: subscribe<Change>(client, `subscription { slaChanged { type ticketId } }`) };
    });
    await new Promise((resolve) => setTimeout(resolve, 500));

    // 200 registrations, alternating the gateways, 6 at a time; copy A of tickets and of SLA is
    // restarted with SIGTERM in the middle. A request gateway A cannot route while its tickets
    // copy is down is refused as SERVICE_UNAVAILABLE (retryable) and sent again, as a client does.
    const ids: string[] = [];
    const unexpected: unknown[] = [];
    let retried = 0;
    let next = 0;
    let rolling: Promise<unknown> = Promise.resolve();
    let rolled = false;
    const worker = async () => {
      // At least 200, and on until the restarted copies serve again: traffic meets the drain, the
      // gap and the return.
      while (next < 200 || !rolled) {
        // Past the first 200, a trickle (12 a second) until the restart is over.
        if (next >= 200) await new Promise((resolve) => setTimeout(resolve, 500));
        const i = next++;
        const url = (i % 2 ? b! : a!).gateway.url;
        for (;;) {
          const answer = await register(url, `Twin ${i}`);
          if (answer.data?.registerTicket) {
            ids.push(answer.data.registerTicket.id);
            break;
          }
          // Refused before it ran (retryable: true): safe to send again. A request cut mid-way would
          // come back retryable: false ("check whether it took effect") and counts as unexpected:
          // the stopping copy drains (closeServer) instead of cutting connections a request may be on.
          if (
            answer.errors?.every((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE' && e.extensions.retryable === true)
          ) {
            retried++;
            await new Promise((resolve) => setTimeout(resolve, 200));
            continue;
          }
          unexpected.push(answer);
          break;
        }
        if (ids.length === 60) {
          rolling = (async () => {
            for (const part of [a!.parts.tickets, a!.parts.sla]) {
              expect(await part.stop('SIGTERM')).toBe(0); // graceful: in-flight work finished, exit 0
              await part.start();
            }
          })().finally(() => (rolled = true));
        }
      }
    };
    await Promise.all(Array.from({ length: 6 }, worker));
    await rolling;
    expect(unexpected).toEqual([]);
    expect(ids.length).toBeGreaterThanOrEqual(200);
    // Some requests met the gap while copy A of tickets was down: refused before they ran, sent again.
    expect(retried).toBeGreaterThan(0);

    // One ANALYSIS clock per ticket (imc-typical: primary analysis within 1 working day).
    const timers = await eventually(
      async () => {
        const { rows } = await pg.query<{ ticket_id: string }>(
          'SELECT ticket_id FROM sla.sla_timers WHERE ticket_id = ANY($1::uuid[])',
          [ids],
        );
        return rows.length >= ids.length ? rows : null;
      },
      { timeoutMs: 120_000 },
    );
    expect(timers).toHaveLength(ids.length);

    const count = (wall: (typeof walls)[number]['wall'], type: string) => {
      const per = new Map<string, number>();
      for (const r of wall.received) {
        if (r.data?.slaChanged.type === type)
          per.set(r.data.slaChanged.ticketId, (per.get(r.data.slaChanged.ticketId) ?? 0) + 1);
      }
      return per;
    };
    // Each wallboard, on either gateway, saw every start once.
    for (const { wall } of walls) {
      await eventually(() => ids.every((id) => count(wall, 'STARTED').get(id) === 1), { timeoutMs: 60_000 });
    }

    // Two days on: Tuesday 10:00 Moscow was the 1-working-day deadline of each analysis clock
    // (registered Monday 10:00). Both SLA copies run their scheduler; each breach fires once.
    const moved = await post(sys.url, `mutation { setClock(at: "2025-03-05T07:00:00Z") }`, {}, admin);
    expect(moved.errors).toBeUndefined();
    for (const { wall } of walls) {
      await eventually(() => ids.every((id) => count(wall, 'BREACHED').get(id) === 1), {
        timeoutMs: 120_000,
        message: 'not every clock breached on every wallboard',
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // a late duplicate would arrive now
    for (const { wall } of walls) {
      expect(ids.filter((id) => count(wall, 'STARTED').get(id) !== 1)).toEqual([]);
      expect(ids.filter((id) => count(wall, 'BREACHED').get(id) !== 1)).toEqual([]);
      expect(ids.filter((id) => (count(wall, 'WARNING').get(id) ?? 0) > 1)).toEqual([]);
    }
    for (const { client } of walls) await client.dispose();
    process.stdout.write(
      `rolling restart: ${ids.length} registered, ${retried} refused before they ran and sent again\n`,
    );
  }, 400_000);
});
