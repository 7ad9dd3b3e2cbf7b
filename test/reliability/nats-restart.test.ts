import { createTestDatabase, eventually, PrivateNatsServer, type TestDatabase } from '@reglament/shared/testing';
import { createClient } from 'graphql-ws';
import { Client } from 'pg';
import WebSocket from 'ws';
import { type DistributedSystem, post, startDistributed } from '../support/processes';
import { adminToken, Seed, type SeededCustomer } from '../support/seed';
import { gatewayAt, mintToken, subscribe } from '../support/system';

/**
 * Issue 20: NATS restarted (killed, then started again on its store) while tickets arrive, with
 * every part its own process. Nothing committed is lost: the outboxes publish after the gap,
 * the durable consumers go on, and a wallboard gets the events after the gap.
 */
describe('NATS restarted during traffic, every part its own process', () => {
  let db: TestDatabase;
  let server: PrivateNatsServer;
  let sys: DistributedSystem;
  let pg: Client;
  let customer: SeededCustomer;

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await PrivateNatsServer.start();
    sys = await startDistributed({ databaseUrl: db.url, natsUrl: server.url, eventPrefix: 'rgl' });
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    const seed = new Seed(gatewayAt(sys.url), await adminToken());
    await seed.setClock('2025-03-03T07:00:00Z'); // Monday 10:00 Moscow
    customer = await seed.customer({ preset: 'imc-typical' });
  }, 300_000);
  afterAll(async () => {
    await pg?.end();
    await sys?.stop();
    await server?.destroy();
    await db?.drop();
  });

  it('every ticket answered gets its one clock, and the wallboard sees each start once after the gap', async () => {
    const register = (title: string) =>
      post<{ registerTicket: { id: string } }>(
        sys.url,
        `mutation($c: ID!, $t: String!) { registerTicket(input: { contractId: $c, channel: PORTAL, title: $t,
           description: "Posting fails" }) { id } }`,
        { c: customer.contractId, t: title },
        customer.token,
      );
    await eventually(async () => (await register('probe')).data?.registerTicket, { timeoutMs: 60_000 });
    const dispatcher = await mintToken({ sub: '00000000-0000-7000-8000-0000000000d1', role: 'DISPATCHER' });
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

    // 150 registrations, 4 at a time; NATS is killed after 50 answers and started again 2 s later.
    // Registration commits to PostgreSQL (the event in the outbox) without waiting on NATS.
    const ids: string[] = [];
    const refused: unknown[] = [];
    let next = 0;
    let outage: Promise<void> = Promise.resolve();
    let killed = false;
    let atKill = 0;
    let atRestart = 0;
    const worker = async () => {
      while (next < 150) {
        const i = next++;
        const answer = await register(`Gap ${i}`);
        if (answer.data?.registerTicket) ids.push(answer.data.registerTicket.id);
        else refused.push(answer.errors);
        if (!killed && ids.length >= 50) {
          killed = true;
          outage = (async () => {
            await server.kill();
            atKill = ids.length;
            await new Promise((resolve) => setTimeout(resolve, 2_000));
            atRestart = ids.length;
            await server.restart();
          })();
        }
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    await outage;
    expect(refused).toEqual([]);
    expect(ids).toHaveLength(150);
    // Tickets were registered while NATS was down (their events waited in the outboxes).
    expect(atRestart - atKill).toBeGreaterThan(0);

    const timers = await eventually(
      async () => {
        const { rows } = await pg.query<{ ticket_id: string }>(
          'SELECT ticket_id FROM sla.sla_timers WHERE ticket_id = ANY($1::uuid[])',
          [ids],
        );
        return rows.length >= 150 ? rows : null;
      },
      { timeoutMs: 120_000, message: 'not every ticket got its clock after NATS came back' },
    );
    expect(timers).toHaveLength(150);
    expect(new Set(timers.map((t) => t.ticket_id)).size).toBe(150);

    const starts = () => {
      const per = new Map<string, number>();
      for (const r of wall.received) {
        if (r.data?.slaChanged.type === 'STARTED')
          per.set(r.data.slaChanged.ticketId, (per.get(r.data.slaChanged.ticketId) ?? 0) + 1);
      }
      return per;
    };
    await eventually(() => ids.every((id) => starts().has(id)), {
      timeoutMs: 60_000,
      message: `the wallboard saw ${starts().size} of 150 starts (error: ${JSON.stringify(wall.error)})`,
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(ids.filter((id) => starts().get(id) !== 1)).toEqual([]);
    await client.dispose();
  }, 400_000);
});
