import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createTestDatabase, createTestNats, eventually, TEST_SECRET } from '@reglament/shared/testing';

const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(part: string, env: Record<string, string>) {
  const child = spawn(TSX, ['--tsconfig', join(ROOT, 'tsconfig.json'), join(ROOT, `services/${part}/src/main.ts`)], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const finished = new Promise<Finished>((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
  return { child, finished, output: () => stdout };
}

/** Each part as its own process: configuration errors and graceful shutdown. */
describe('a part as its own process', () => {
  it('stops at once with one clear line when a variable is bad', async () => {
    const { finished } = run('tickets', {
      INTERNAL_SECRET: TEST_SECRET,
      TICKETS_PORT: 'eighty',
      NATS_URL: 'nats://127.0.0.1:4222',
    });
    const result = await finished;
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      'Invalid configuration: TICKETS_PORT must be a TCP port number 0-65535 (default 4001) (got "eighty")',
    );
  });

  it('stops with one clear line when a required variable is missing', async () => {
    const result = await run('sla', {}).finished;
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      'Invalid configuration: INTERNAL_SECRET must be a secret of at least 16 characters (HMAC key the gateway signs callers with) (it is not set)',
    );
  });

  it('refuses to run apart from the others without NATS', async () => {
    const result = await run('contracts', {
      INTERNAL_SECRET: TEST_SECRET,
      JWT_SECRET: 'a-jwt-secret-for-this-test-only',
    }).finished;
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Invalid configuration: NATS_URL must be set when a part runs as its own process/);
  });

  it('serves on real PostgreSQL and NATS, sends its traces over OTLP, then shuts down gracefully on SIGTERM', async () => {
    const db = await createTestDatabase();
    const nats = createTestNats();
    // An OTLP/HTTP collector: what the part exports (JSON, POST /v1/traces) lands here.
    const exported: { path: string; body: string }[] = [];
    const collector = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        exported.push({ path: req.url ?? '', body });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    const collectorPort = (collector.address() as AddressInfo).port;
    try {
      const part = run('contracts', {
        INTERNAL_SECRET: TEST_SECRET,
        JWT_SECRET: 'a-jwt-secret-for-this-test-only',
        DATABASE_URL: db.url,
        NATS_URL: nats.url,
        EVENT_PREFIX: nats.prefix,
        CONTRACTS_PORT: '0',
        OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${collectorPort}`,
      });
      const port = await eventually(
        () => {
          const match = /"url":"http:\/\/127\.0\.0\.1:(\d+)\/graphql"/.exec(part.output());
          return match ? Number(match[1]) : null;
        },
        { timeoutMs: 30_000 },
      );
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(ready.status).toBe(200);
      // A caller the gateway did not sign: refused, and traced all the same.
      const refused = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(refused.status).toBe(401);
      part.child.kill('SIGTERM');
      const result = await part.finished;
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('"signal":"SIGTERM"');
      await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
      // The spans were flushed before the process exited: the part's own GraphQL span, the HTTP
      // server span of the request, and PostgreSQL queries, under the part's service name.
      const traces = exported.filter((e) => e.path === '/v1/traces').map((e) => e.body);
      expect(traces.length).toBeGreaterThan(0);
      const all = traces.join('\n');
      expect(all).toContain('"stringValue":"contracts"');
      expect(all).toContain('"name":"contracts /graphql"');
      expect(all).toMatch(/"name":"POST"|"name":"POST \/graphql"/);
      expect(all).toMatch(/"db.system(\.name)?","value":\{"stringValue":"postgresql"\}/);
    } finally {
      collector.close();
      await db.drop();
      await nats.destroy();
    }
  });
});
