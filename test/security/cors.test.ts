import { adminToken } from '../../gateway/test/support/seed';
import { startReplica } from '../../gateway/test/support/gateways';
import { TestSystem } from '../support/system';

/** Issue 11, finding 10: browser apps on listed origins may call the API; others may not; CSRF prevention stays. */
describe('CORS', () => {
  let sys: TestSystem;
  let replica: Awaited<ReturnType<typeof startReplica>>;
  const PORTAL = 'https://portal.example.com';

  beforeAll(async () => {
    sys = await TestSystem.start();
    replica = await startReplica(sys, { cors: { origins: [PORTAL, 'http://localhost:5173'] } });
  });
  afterAll(async () => {
    await replica?.stop();
    await sys?.stop();
  });

  const preflight = (origin: string) =>
    fetch(replica.gateway.url, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, authorization',
      },
    });

  it('the gateway answers the preflight of a listed origin, and not of another', async () => {
    const allowed = await preflight(PORTAL);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(allowed.headers.get('access-control-allow-methods')).toBe('GET,POST,HEAD,OPTIONS');
    expect(allowed.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    expect(allowed.headers.get('vary')).toContain('Origin');

    const other = await preflight('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    // With no CORS_ORIGINS (the default), nobody is allowed.
    const closed = await fetch(sys.url, {
      method: 'OPTIONS',
      headers: { origin: PORTAL, 'access-control-request-method': 'POST' },
    });
    expect(closed.headers.get('access-control-allow-origin')).toBeNull();
  });

  it("a listed origin's request gets the allow header; a simple cross-site request is still refused (CSRF)", async () => {
    const response = await fetch(replica.gateway.url, {
      method: 'POST',
      headers: { origin: PORTAL, 'content-type': 'application/json', authorization: `Bearer ${await adminToken()}` },
      body: JSON.stringify({ query: '{ me { role } }' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(response.headers.get('access-control-expose-headers')).toContain('retry-after');
    expect(await response.json()).toEqual({ data: { me: { role: 'ADMIN' } } });

    // text/plain without a preflight header is what a form on another site can send: refused.
    const simple = await fetch(replica.gateway.url, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ me { role } }' }),
    });
    expect(simple.status).toBe(400);
    expect(await simple.text()).toMatch(/CSRF/i);
  });

  it('* with credentials is refused at start', async () => {
    await expect(startReplica(sys, { cors: { origins: ['*'], allowCredentials: true } })).rejects.toThrow(
      'CORS_ORIGINS=* cannot be used with CORS_ALLOW_CREDENTIALS=1: list the origins instead',
    );
    await expect(startReplica(sys, { cors: { origins: ['https://portal.example.com/app'] } })).rejects.toThrow(
      /is not an origin/,
    );
  });
});
