import { serverAudits } from 'graphql-http';
import { mintToken, TestSystem } from '../support/system';

/**
 * The GraphQL-over-HTTP server audits (graphql-http's own suite) against the gateway: every MUST
 * passes. Some audits ask `__type`, which only staff may introspect, so they run with a
 * DISPATCHER's token. The hardening of issue 11 (limits before the body, typed refusals, CORS)
 * must not break the protocol.
 */
describe('GraphQL over HTTP audits', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await TestSystem.start();
  });
  afterAll(async () => {
    await sys?.stop();
  });

  it('every MUST audit passes', async () => {
    const token = await mintToken({ sub: '00000000-0000-7000-8000-0000000000d1', role: 'DISPATCHER' });
    const asStaff: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set('authorization', `Bearer ${token}`);
      return fetch(input, { ...init, headers });
    };
    const audits = serverAudits({ url: () => sys.url, fetchFn: asStaff });
    const must = audits.filter((audit) => audit.name.startsWith('MUST'));
    expect(must.length).toBeGreaterThanOrEqual(13);
    const failed: string[] = [];
    for (const audit of must) {
      const result = await audit.fn();
      if (result.status !== 'ok') failed.push(`${audit.name}: ${result.reason}`);
    }
    expect(failed).toEqual([]);
  });
});
