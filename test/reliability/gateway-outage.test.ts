import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadSupergraph, type RunningGateway, startGateway } from '@reglament/gateway';
import { createLogger, formatErrorFor, MemoryEventBus } from '@reglament/shared/platform';
import { TEST_SECRET } from '@reglament/shared/testing';
import { mintToken, TEST_JWT_SECRET } from '../support/system';

const log = createLogger('test', 'silent');

/** A port nothing listens on: taken from the OS, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A stand-in subgraph that is ready (its /readyz answers 200) and answers nothing else. */
async function readySubgraph(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    res.writeHead(req.url === '/readyz' ? 200 : 404, { 'content-type': 'application/json' });
    res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, server };
}

/** The supergraph with every subgraph's default URL replaced (as a deployment's defaults would be). */
function supergraphWithDefaults(urls: Record<string, string>): string {
  return loadSupergraph().replace(
    /@join__graph\(name: "([^"]+)", url: "[^"]*"\)/g,
    (_all, name: string) => `@join__graph(name: "${name}", url: "${urls[name] ?? 'http://127.0.0.1:9/graphql'}")`,
  );
}

describe('the gateway when a subgraph cannot be reached', () => {
  const started: RunningGateway[] = [];
  const servers: Server[] = [];
  const bus = new MemoryEventBus({ log });

  async function gateway(supergraphSdl: string, subgraphUrls: Record<string, string> = {}) {
    const running = await startGateway(
      { bus, log },
      {
        port: 0,
        host: '127.0.0.1',
        internalSecret: TEST_SECRET,
        jwtSecret: TEST_JWT_SECRET,
        supergraphSdl,
        subgraphUrls,
      },
    );
    started.push(running);
    return running;
  }

  afterAll(async () => {
    for (const running of started) await running.stop();
    for (const server of servers) await new Promise<void>((resolve) => server.close(() => resolve()));
    await bus.close();
  });

  it('/readyz checks every subgraph it routes to, those left at the supergraph default URLs included', async () => {
    const up = await readySubgraph();
    servers.push(up.server);
    const down = `http://127.0.0.1:${await closedPort()}/graphql`;
    // tickets only at its default URL (not configured), and that default is down.
    const running = await gateway(
      supergraphWithDefaults({ tickets: down, sla: up.url, contracts: up.url, notifications: up.url }),
      { sla: up.url },
    );
    const answer = await fetch(running.url.replace('/graphql', '/readyz'));
    expect(answer.status).toBe(503);
    expect(await answer.json()).toEqual({
      status: 'not ready',
      checks: { bus: true, tickets: false, sla: true, contracts: true, notifications: true },
    });

    const allUp = await gateway(
      supergraphWithDefaults({ tickets: up.url, sla: up.url, contracts: up.url, notifications: up.url }),
    );
    const ready = await fetch(allUp.url.replace('/graphql', '/readyz'));
    expect(ready.status).toBe(200);
  });

  it('answers a query that could not run at all with SERVICE_UNAVAILABLE, HTTP 503 and Retry-After', async () => {
    const down = `http://127.0.0.1:${await closedPort()}/graphql`;
    const running = await gateway(supergraphWithDefaults({}), { contracts: down });
    const token = await mintToken({ sub: 'staff-1', role: 'ADMIN' });
    const answer = await fetch(running.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ presets { id } }' }),
    });
    expect(answer.status).toBe(503);
    expect(answer.headers.get('retry-after')).toBe('5');
    const body = (await answer.json()) as { data: unknown; errors: { message: string; extensions: unknown }[] };
    expect(body.data).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]!.extensions).toEqual({
      code: 'SERVICE_UNAVAILABLE',
      retryable: true,
      serviceName: 'contracts',
    });
    expect(body.errors[0]!.message).toBe(
      'The contracts service is unavailable for a moment; send the request again shortly',
    );
  });

  it('a mutation refused at connect did not run: SERVICE_UNAVAILABLE, retryable, 503', async () => {
    const down = `http://127.0.0.1:${await closedPort()}/graphql`;
    const running = await gateway(supergraphWithDefaults({}), { tickets: down });
    const token = await mintToken({ sub: 'staff-1', role: 'ADMIN' });
    const answer = await fetch(running.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: 'mutation { acknowledgeTicket(id: "00000000-0000-7000-8000-000000000001") { id } }',
      }),
    });
    expect(answer.status).toBe(503);
    const body = (await answer.json()) as { errors: { extensions: { code: string; retryable: boolean } }[] };
    expect(body.errors[0]!.extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(body.errors[0]!.extensions.retryable).toBe(true);
  });
});

describe('a subgraph whose database is unavailable', () => {
  const format = formatErrorFor(log);

  it('answers SERVICE_UNAVAILABLE, retryable when the connection was refused (nothing ran)', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(format({ message: refused.message }, refused)).toEqual({
      message: 'The service is unavailable for a moment; send the request again shortly',
      extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true },
    });
  });

  it('answers SERVICE_UNAVAILABLE, not retryable, when the server cut the connection mid-way (57P01)', () => {
    const cut = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    const formatted = format({ message: cut.message }, cut);
    expect(formatted.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryable: false });
  });

  it('still answers a bug as INTERNAL_SERVER_ERROR without its message', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'id')");
    expect(format({ message: bug.message }, bug).extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });
});
