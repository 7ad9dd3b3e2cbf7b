import { request } from 'node:http';
import { eventually } from '@reglament/shared/testing';
import { adminToken, seedCustomer, type SeededCustomer } from '../../gateway/test/support/seed';
import { startReplica } from '../../gateway/test/support/gateways';
import { TestSystem } from '../support/system';

/** Issue 11, finding 3: aliases that fan out into other subgraphs weigh what they cost, and a caller's requests in flight are bounded. */
describe('fan-out across subgraphs and requests in flight', () => {
  let sys: TestSystem;
  let acme: SeededCustomer;
  let replica: Awaited<ReturnType<typeof startReplica>>;

  beforeAll(async () => {
    sys = await TestSystem.start();
    acme = await seedCustomer(sys, await adminToken(), 'Fan');
    replica = await startReplica(sys, { limits: { maxInFlightPerCaller: 1 } });
  });
  afterAll(async () => {
    await replica?.stop();
    await sys?.stop();
  });

  it("the probe's 1,000 aliases of ticket { sla { timers } } are refused before anything runs", async () => {
    const aliases = Array.from(
      { length: 1000 },
      (_, i) => `t${i}: ticket(id: "00000000-0000-7000-8000-${String(i).padStart(12, '0')}") { sla { timers { id } } }`,
    ).join(' ');
    const result = await sys.gql(`{ ${aliases} }`, {}, acme.token);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]).toMatchObject({
      message: 'The operation has 1000 aliases; at most 200 are allowed',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('a field read from another subgraph weighs an entity fetch per item', async () => {
    // One page: tickets 1 + edges 1 + 100 x (node 1 + sla 1 + entity fetch 20 + timers 1 + 10 timers x id 1)
    // = 2 + 100 x 33 = 3,302. Seven pages: 23,114 > 20,000 (without the fetch weight: 7 x 1,302 = 9,114).
    const page = (alias: string) => `${alias}: tickets(first: 100) { edges { node { sla { timers { id } } } } }`;
    const seven = await sys.gql(`{ ${['a', 'b', 'c', 'd', 'e', 'f', 'g'].map(page).join(' ')} }`, {}, acme.token);
    expect(seven.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(seven.errors?.[0]?.message).toMatch(
      /^The operation's estimated cost is at least \d+; at most 20000 is allowed/,
    );
    // Six pages (19,812) run.
    const six = await sys.gql(`{ ${['a', 'b', 'c', 'd', 'e', 'f'].map(page).join(' ')} }`, {}, acme.token);
    expect(six.errors).toBeUndefined();
  });

  /** A POST whose body is only half sent: it holds its slot until the rest comes. */
  function halfSent(url: string, token: string) {
    const body = JSON.stringify({ query: '{ me { id } }' });
    const target = new URL(url);
    let finish = (): unknown => undefined;
    const done = new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            authorization: `Bearer ${token}`,
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 5));
      finish = () => req.end(body.slice(5));
    });
    return { done, finish: () => finish() };
  }

  it("a caller's requests in flight are bounded; other callers are not held up", async () => {
    const first = halfSent(replica.gateway.url, acme.token);
    // The first request holds the caller's only slot (MAX_IN_FLIGHT_PER_CALLER = 1 on this replica)...
    const second = await eventually(async () => {
      const response = await fetch(replica.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${acme.token}` },
        body: JSON.stringify({ query: '{ me { id } }' }),
      });
      const body = (await response.json()) as { errors?: { message: string; extensions: object }[] };
      return response.status === 429 ? { response, body } : null;
    });
    expect(second.response.headers.get('retry-after')).toBe('1');
    expect(second.body.errors?.[0]).toMatchObject({
      message: 'Too many requests in flight: at most 1 of one caller are answered at once; wait for one to finish',
      extensions: { code: 'RATE_LIMITED', maxInFlight: 1, retryAfterSeconds: 1 },
    });
    // ...another caller is served meanwhile...
    const other = await fetch(replica.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await adminToken()}` },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(other.status).toBe(200);
    // ...and once the first is answered, the slot is free again.
    first.finish();
    expect(await first.done).toBe(200);
    const third = await fetch(replica.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${acme.token}` },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(third.status).toBe(200);
  });
});
