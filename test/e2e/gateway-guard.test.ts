import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eventually } from '@reglament/shared/testing';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import request from 'supertest';
import { startReplica } from '../../gateway/test/support/gateways';
import { adminToken } from '../support/seed';
import { type GraphQLResponse, mintToken, TestSystem } from '../support/system';

/**
 * The guard at the door, through real gateways in front of the real subgraphs: limits (depth,
 * cost, body size, batching, rate), introspection for staff only, CSRF prevention, JWKS,
 * typed errors, health, readiness and metrics.
 */
describe('gateway guard', () => {
  let sys: TestSystem;
  let strict: Awaited<ReturnType<typeof startReplica>>;

  beforeAll(async () => {
    sys = await TestSystem.start();
    strict = await startReplica(sys, {
      limits: { maxDepth: 3, maxCost: 50, maxBodyBytes: 2048, rateLimitPerMinute: 6, rateLimitBurst: 5 },
      metricsToken: 'scraper-token-0123456789',
    });
  });
  afterAll(async () => {
    await strict?.stop();
    await sys?.stop();
  });

  /** A POST at the door over HTTP (supertest): status, headers and the JSON body as sent. */
  async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
    const { origin, pathname, search } = new URL(url);
    const response = await request(origin)
      .post(pathname + search)
      .set({ 'content-type': 'application/json', ...headers })
      .send(typeof body === 'string' ? body : JSON.stringify(body));
    return {
      status: response.status,
      headers: new Headers(response.headers as Record<string, string>),
      body: JSON.parse(response.text) as GraphQLResponse,
    };
  }
  const as = async (sub: string, role: 'ADMIN' | 'CUSTOMER' | 'DISPATCHER' = 'ADMIN') => ({
    authorization: `Bearer ${await mintToken({ sub, role, ...(role === 'CUSTOMER' ? { org: '01950000-0000-7000-8000-00000000000a' } : {}) })}`,
  });

  it('refuses an operation nested deeper than the limit, saying the limit', async () => {
    // tickets(1) > edges(2) > node(3) > id(4): 4 levels, 3 allowed.
    const response = await post(
      strict.gateway.url,
      { query: '{ tickets(first: 1) { edges { node { id } } } }' },
      await as('00000000-0000-7000-8000-0000000000a1'),
    );
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      {
        message: 'The operation nests fields at least 4 levels deep; at most 3 are allowed',
        extensions: { code: 'BAD_USER_INPUT', depth: 4 },
      },
    ]);
  });

  it('refuses an operation whose estimated cost is over the limit', async () => {
    // tickets 1 + totalCount 1 + edges 1 + 100 edges x cursor 1 = 103 > 50.
    const response = await post(
      strict.gateway.url,
      { query: '{ tickets(first: 100) { totalCount edges { cursor } } }' },
      await as('00000000-0000-7000-8000-0000000000a2'),
    );
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', cost: 103 });
    expect(response.body.errors?.[0]?.message).toMatch(
      /^The operation's estimated cost is at least 103; at most 50 is allowed/,
    );
  });

  it('refuses a body over the size limit (413) and batches (batching is off)', async () => {
    const headers = await as('00000000-0000-7000-8000-0000000000a3');
    const large = await post(
      strict.gateway.url,
      { query: `{ me { id } }`, variables: { pad: 'x'.repeat(3000) } },
      headers,
    );
    expect(large.status).toBe(413);
    expect(large.body.errors?.[0]).toEqual({
      message: 'Request body exceeds 2048 bytes: send a smaller request',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const batch = await post(sys.url, [{ query: '{ me { id } }' }, { query: '{ me { role } }' }], headers);
    expect(batch.status).toBe(400);
    expect(batch.body.errors?.[0]).toMatchObject({
      message: 'Operation batching disabled.',
      extensions: { code: 'BAD_REQUEST' },
    });
  });

  it('limits each caller to its rate and says when to retry; other callers are not affected', async () => {
    const headers = await as('00000000-0000-7000-8000-0000000000a4');
    const query = { query: '{ me { role } }' };
    // A burst of 5 passes; the 6th is refused (6 per minute: one more every 10 s, so a slow machine cannot
    // refill one while the six are sent; they are sent at once all the same).
    const answers = await Promise.all(Array.from({ length: 6 }, () => post(strict.gateway.url, query, headers)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 429]);
    const refused = answers.find((a) => a.status === 429)!;
    // Ten seconds to the next request, less what the burst itself took.
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(5);
    expect(retryAfter).toBeLessThanOrEqual(10);
    expect(refused.body.errors).toEqual([
      {
        message: `Too many requests: at most 6 per minute (bursts of 5) per caller; retry in ${retryAfter} s`,
        extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter },
      },
    ]);
    expect((await post(strict.gateway.url, query, await as('00000000-0000-7000-8000-0000000000a5'))).status).toBe(200);
  });

  it('answers introspection to staff only (outside development), to anyone in development', async () => {
    const query = { query: '{ __schema { queryType { name } } }' };
    const customer = await post(sys.url, query, await as('00000000-0000-7000-8000-0000000000c1', 'CUSTOMER'));
    expect(customer.status).toBe(403);
    expect(customer.body.errors?.[0]).toMatchObject({
      message: 'Introspection is available to provider staff only',
      extensions: { code: 'FORBIDDEN' },
    });
    const anonymous = await post(sys.url, query);
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const staff = await post(sys.url, query, await as('00000000-0000-7000-8000-0000000000d1', 'DISPATCHER'));
    expect(staff.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });

    const development = await startReplica(sys, { development: true });
    try {
      expect((await post(development.gateway.url, query)).body).toEqual({
        data: { __schema: { queryType: { name: 'Query' } } },
      });
    } finally {
      await development.stop();
    }
  });

  it('composes from the running subgraphs (IntrospectAndCompose) only in development', async () => {
    await expect(startReplica(sys, { introspectSubgraphs: true })).rejects.toThrow(
      'Composing from the running subgraphs (introspection) is for development only',
    );
    const live = await startReplica(sys, { introspectSubgraphs: true, development: true });
    try {
      const response = await post(live.gateway.url, { query: '{ presets { id } }' });
      expect((response.body.data as { presets: unknown[] }).presets).toHaveLength(5);
    } finally {
      await live.stop();
    }
  });

  it('blocks simple cross-site GETs (CSRF prevention) and serves GETs that carry a credential or preflight header', async () => {
    const url = `${sys.url}?query=${encodeURIComponent('{ presets { id } }')}`;
    const simple = await fetch(url);
    expect(simple.status).toBe(400);
    expect(await simple.text()).toMatch(/blocked as a potential Cross-Site Request Forgery/);
    const preflighted = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(preflighted.status).toBe(200);
  });

  it('refuses bad credentials with UNAUTHENTICATED and 401', async () => {
    const response = await post(sys.url, { query: '{ me { id } }' }, { authorization: 'Bearer not-a-jwt' });
    expect(response.status).toBe(401);
    expect(response.body.errors).toEqual([
      { message: 'The token is not valid', extensions: { code: 'UNAUTHENTICATED' } },
    ]);
    const expired = await mintToken({ sub: '00000000-0000-7000-8000-0000000000a6', role: 'ADMIN' }, '-1s');
    expect(
      (await post(sys.url, { query: '{ me { id } }' }, { authorization: `Bearer ${expired}` })).body.errors?.[0]
        ?.message,
    ).toBe('The token has expired: log in again');
  });

  it('verifies tokens with keys from a JWKS URL', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    const jwks: Server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const withJwks = await startReplica(sys, {
      jwtSecret: undefined,
      jwksUrl: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`,
    });
    try {
      const token = await new SignJWT({ role: 'DISPATCHER', name: 'Dana' })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setSubject('00000000-0000-7000-8000-0000000000d9')
        .setExpirationTime('5m')
        .sign(privateKey);
      const ok = await post(withJwks.gateway.url, { query: '{ me { role } }' }, { authorization: `Bearer ${token}` });
      expect(ok.body).toEqual({ data: { me: { role: 'DISPATCHER' } } });
      const hs256 = await adminToken();
      expect(
        (await post(withJwks.gateway.url, { query: '{ me { role } }' }, { authorization: `Bearer ${hs256}` })).status,
      ).toBe(401);
    } finally {
      await withJwks.stop();
      await new Promise((resolve) => jwks.close(resolve));
    }
  });

  it('reports health, readiness (every subgraph reachable) and typed errors when a subgraph is down', async () => {
    expect(await (await fetch(sys.url.replace('/graphql', '/healthz'))).json()).toEqual({ status: 'ok' });
    const ready = await fetch(sys.url.replace('/graphql', '/readyz'));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      checks: { bus: true, tickets: true, sla: true, contracts: true, notifications: true },
    });

    // A replica whose tickets subgraph address answers nothing (a port nobody listens on).
    const dead = createServer();
    await new Promise<void>((resolve) => dead.listen(0, '127.0.0.1', resolve));
    const deadUrl = `http://127.0.0.1:${(dead.address() as AddressInfo).port}/graphql`;
    await new Promise((resolve) => dead.close(resolve));
    const broken = await startReplica(sys, {
      subgraphUrls: Object.fromEntries(
        Object.values(sys.system.services).map((s) => [s.name, s.name === 'tickets' ? deadUrl : s.url]),
      ),
    });
    try {
      const notReady = await fetch(broken.gateway.url.replace('/graphql', '/readyz'));
      expect(notReady.status).toBe(503);
      expect(((await notReady.json()) as { checks: Record<string, boolean> }).checks.tickets).toBe(false);
      const failed = await post(
        broken.gateway.url,
        { query: '{ tickets(first: 1) { totalCount } }' },
        await as('00000000-0000-7000-8000-0000000000a7'),
      );
      // An outage is told apart from a bug: typed, retryable, and HTTP 503 since nothing ran.
      expect(failed.status).toBe(503);
      expect(failed.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(failed.body.errors).toEqual([
        expect.objectContaining({
          extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true, serviceName: 'tickets' },
        }),
      ]);
      expect(JSON.stringify(failed.body)).not.toMatch(/stack|ECONNREFUSED|at .*\.ts/);
    } finally {
      await broken.stop();
    }
  });

  it('with METRICS_TOKEN set, /metrics answers the scraper with the token only', async () => {
    const metricsUrl = strict.gateway.url.replace('/graphql', '/metrics');
    const none = await fetch(metricsUrl);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
    expect(await none.text()).toContain('Authorization: Bearer <METRICS_TOKEN>');
    const wrong = await fetch(metricsUrl, { headers: { authorization: 'Bearer scraper-token-0123456780' } });
    expect(wrong.status).toBe(401);
    const right = await fetch(metricsUrl, { headers: { authorization: 'Bearer scraper-token-0123456789' } });
    expect(right.status).toBe(200);
    expect(await right.text()).toContain('reglament_gateway_subscriptions_open');
  });

  it('exposes Prometheus metrics: requests and latency by operation, subscriptions, refusals', async () => {
    const fresh = await startReplica(sys);
    try {
      const headers = await as('00000000-0000-7000-8000-0000000000a8');
      await post(fresh.gateway.url, { query: 'query Me { me { role } }' }, headers);
      await post(fresh.gateway.url, { query: 'query Me { me { role } }' }, headers);
      await post(fresh.gateway.url, { query: '{ me { id } }' }, { authorization: 'Bearer nope' });
      const text = await eventually(async () => {
        const body = await (await fetch(fresh.gateway.url.replace('/graphql', '/metrics'))).text();
        return body.includes('reglament_gateway_requests_total{operation="Me"') ? body : null;
      });
      expect(text).toContain('reglament_gateway_requests_total{operation="Me",type="query",outcome="ok"} 2');
      expect(text).toContain('reglament_gateway_request_duration_seconds_count{operation="Me",type="query"} 2');
      expect(text).toContain('reglament_gateway_refused_total{reason="unauthenticated"} 1');
      expect(text).toContain('reglament_gateway_subscriptions_open 0');
      expect(text).toContain('reglament_gateway_events_fanned_out_total 0');
      expect(text).toContain('reglament_gateway_subscription_results_dropped_total 0');
    } finally {
      await fresh.stop();
    }
  });
});
