import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  createTestDatabase,
  createTestNats,
  eventually,
  type TestDatabase,
  type TestNats,
} from '@reglament/shared/testing';
import { ensurePagesBuilt, PAGES_DIR } from '@reglament/wallboard';
import { parse } from 'yaml';

const ROOT = join(__dirname, '..', '..');

interface ComposeService {
  command: string[];
  environment?: Record<string, string>;
}

/**
 * The production image without a Docker engine (there is none here): the Dockerfile's runtime
 * stage is replayed in a folder of its own (its COPY lines, then `pnpm install --prod`, so no
 * devDependency is there), the browser pages copied in as the build stage would, and the five
 * parts started exactly with the commands and environment docker-compose.yml gives them; only
 * host names and ports point at this machine's PostgreSQL and NATS, and at free ports.
 */
describe('the production image, replayed: production dependencies only, parts as docker-compose.yml starts them', () => {
  let dir: string;
  let db: TestDatabase;
  let nats: TestNats;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'reglament-image-'));
    db = await createTestDatabase();
    nats = createTestNats();
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await db?.drop();
    await nats?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The COPY lines of a stage (`--from` ones are done by hand), as [source, destination]. */
  function copiesOf(stage: string): [string, string][] {
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    const body = dockerfile.split(/^FROM /m).find((s) => new RegExp(`AS ${stage}\\b`).test(s.split('\n')[0]!));
    expect(body).toBeDefined();
    return [...body!.matchAll(/^COPY (?!--from)(.+)$/gm)]
      .map((m) => {
        const args = m[1]!.trim().split(/\s+/);
        const target = args.pop()!;
        return args.map((source): [string, string] => [source, target]);
      })
      .flat();
  }

  function copy(source: string, target: string): void {
    const to =
      target.endsWith('/') || target === './' ? join(dir, target, source.split('/').pop()!) : join(dir, target);
    mkdirSync(dirname(to), { recursive: true });
    // .dockerignore: node_modules, .data, dist, test artifacts never enter the image.
    cpSync(join(ROOT, source), to, {
      recursive: true,
      filter: (path) => !/(^|\/)(node_modules|\.data|dist|artifacts)(\/|$)/.test(path.slice(ROOT.length)),
    });
  }

  function start(service: ComposeService, env: Record<string, string>): { child: ChildProcess; output: () => string } {
    const [command, ...args] = service.command;
    expect(command).toBe('node'); // node itself, never pnpm, receives the signals
    const child = spawn(process.execPath, args, {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', ...env },
    });
    children.push(child);
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    return { child, output: () => output };
  }

  it('installs without devDependencies, starts every part from its compose command, serves a login, the wallboard and a query, and stops on SIGTERM', async () => {
    // The runtime stage: manifests, production install, sources, the pages from the build stage.
    for (const [source, target] of copiesOf('manifests')) copy(source, target);
    const install = spawnSync('pnpm', ['install', '--frozen-lockfile', '--prod', '--offline', '--reporter=silent'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, CI: 'true' },
    });
    expect(install.stderr).toBe('');
    expect(install.status).toBe(0);
    for (const [source, target] of copiesOf('runtime')) copy(source, target);
    ensurePagesBuilt();
    cpSync(PAGES_DIR, join(dir, 'packages/wallboard/dist'), { recursive: true });
    // No devDependency made it in: the test runner, the compiler, the bundler, the linters.
    for (const tool of ['jest', 'typescript', 'vite', 'eslint', 'prettier', 'knip', 'playwright-core']) {
      expect([tool, existsSync(join(dir, 'node_modules', tool))]).toEqual([tool, false]);
    }
    expect(existsSync(join(dir, 'node_modules', 'tsx'))).toBe(true);

    const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
      services: Record<string, ComposeService>;
    };
    /** `${NAME:-default}` as docker compose resolves it with NAME unset. */
    const resolved = (service: string) =>
      Object.fromEntries(
        Object.entries(compose.services[service]!.environment ?? {}).map(([k, v]) => [
          k,
          String(v).replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1'),
        ]),
      );
    const here = { DATABASE_URL: db.url, NATS_URL: nats.url, EVENT_PREFIX: nats.prefix };
    const urls: Record<string, string> = {};
    const parts = ['tickets', 'sla', 'contracts', 'notifications'];
    const started = parts.map((part) =>
      start(compose.services[part]!, { ...resolved(part), ...here, [`${part.toUpperCase()}_PORT`]: '0' }),
    );
    await Promise.all(
      parts.map(async (part, i) => {
        urls[part] = await eventually(
          () => /"url":"(http:\/\/127\.0\.0\.1:\d+\/graphql)"/.exec(started[i]!.output())?.[1] ?? null,
          { timeoutMs: 90_000, message: `${part} did not start: ${started[i]!.output().slice(-2000)}` },
        );
      }),
    );
    const gatewayEnv = resolved('gateway');
    const gateway = start(compose.services.gateway!, {
      ...gatewayEnv,
      NATS_URL: nats.url,
      EVENT_PREFIX: nats.prefix,
      GATEWAY_PORT: '0',
      ...Object.fromEntries(parts.map((part) => [`${part.toUpperCase()}_URL`, urls[part]!])),
      DATA_DIR: join(dir, '.data'),
    });
    const url = await eventually(
      () => /"url":"(http:\/\/[^"]+\/graphql)","msg":"gateway listening"/.exec(gateway.output())?.[1] ?? null,
      { timeoutMs: 90_000, message: `gateway did not start: ${gateway.output().slice(-2000)}` },
    );
    await eventually(async () => (await fetch(url.replace('/graphql', '/readyz'))).status === 200, {
      timeoutMs: 30_000,
    });

    // The first admin, with compose's defaults; a query across the supergraph.
    const contractsEnv = resolved('contracts');
    const login = (await (
      await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`,
          variables: { e: contractsEnv.ADMIN_EMAIL, p: contractsEnv.ADMIN_PASSWORD },
        }),
      })
    ).json()) as { data: { login: { token: string } } };
    const token = login.data.login.token;
    const answer = (await (
      await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ tickets(first: 1) { totalCount } organizations(first: 1) { totalCount } }' }),
      })
    ).json()) as unknown;
    // A fresh installation: no tickets, no organizations (compose's DEMO_DATA defaults to 0).
    expect(answer).toEqual({ data: { tickets: { totalCount: 0 }, organizations: { totalCount: 0 } } });
    const wallboard = await fetch(url.replace('/graphql', '/wallboard'));
    expect(wallboard.status).toBe(200);
    expect(await wallboard.text()).toContain('<script');

    // SIGTERM, as `docker compose stop` sends it: every part exits 0.
    const exits = children.map((child) => new Promise<number | null>((resolve) => child.on('exit', resolve)));
    for (const child of children) child.kill('SIGTERM');
    expect(await Promise.all(exits)).toEqual([0, 0, 0, 0, 0]);
  }, 300_000);
});
