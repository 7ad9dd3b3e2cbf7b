import { signCaller } from '@reglament/shared/domain';
import { TEST_SECRET } from '@reglament/shared/testing';
import { TestSystem } from '../support/system';

/** Nobody reaches a subgraph around the gateway: every subgraph checks the signed caller. */
describe('platform guarantees of every part', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await TestSystem.start();
  });
  afterAll(async () => {
    await sys?.stop();
  });

  const parts = ['tickets', 'sla', 'contracts', 'notifications'] as const;

  it.each(parts)('%s refuses a direct call without a signature', async (part) => {
    const response = await fetch(sys.system.services[part].url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    expect(body.errors[0]!.message).toBe('Refused: the request carries no signed caller (call through the gateway)');
  });

  it.each(parts)('%s refuses a caller signed with the wrong secret', async (part) => {
    const forged = signCaller(
      { kind: 'user', id: 'x', role: 'ADMIN', organizationId: null, name: null },
      'wrong-secret-0123456789',
    );
    const response = await fetch(sys.system.services[part].url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...forged },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(401);
  });

  it.each(parts)('%s answers a correctly signed call', async (part) => {
    const signed = signCaller({ kind: 'anonymous' }, TEST_SECRET);
    const response = await fetch(sys.system.services[part].url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signed },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it.each(parts)('%s reports health and readiness', async (part) => {
    const base = sys.system.services[part].url.replace('/graphql', '');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { status: string; checks: unknown; degraded?: Record<string, string> };
    expect(body).toMatchObject({ status: 'ready', checks: { database: true, bus: true } });
    // Degraded checks keep a part ready; only the SLA part has any (a production calendar running out, R-SLA-2).
    if (part !== 'sla') expect(body.degraded).toBeUndefined();
    for (const why of Object.values(body.degraded ?? {}))
      expect(why).toMatch(/data ends \d{4}-12-31 \(\d+ days left\)/);
  });

  it('errors carry a typed code and never a stack trace', async () => {
    const result = await sys.gql(`{ ticket(id: "not-a-uuid") { id } }`, {}, undefined);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(result)).not.toMatch(/stacktrace|at .*\.ts:/);
  });
});
