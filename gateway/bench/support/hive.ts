import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import type { Backend } from './backend';
import { BENCH_INTERNAL_SECRET, BENCH_JWT_SECRET } from './backend';
import { freePort, ROOT, stopChild } from './processes';

const HIVE_DIR = join(ROOT, 'gateway/bench/hive-gateway');
const HIVE_BIN = join(HIVE_DIR, 'node_modules/.bin/hive-gateway');

/**
 * @graphql-hive/gateway over the same supergraph, its subgraph URLs pointed at the benchmark's
 * subgraphs. Installed on demand (not a workspace package: see gateway/bench/hive-gateway).
 */
export async function startHiveGateway(backend: Backend) {
  if (!existsSync(HIVE_BIN)) {
    throw new Error(`@graphql-hive/gateway is not installed: run \`npm ci --prefix gateway/bench/hive-gateway\``);
  }
  let supergraph = readFileSync(join(ROOT, 'gateway/supergraph.graphql'), 'utf8');
  for (const [name, url] of Object.entries(backend.subgraphs)) {
    supergraph = supergraph.replace(new RegExp(`(name: "${name}", url: ")[^"]+(")`), `$1${url}$2`);
  }
  const dir = join(ROOT, '.data/bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'hive-supergraph.graphql');
  writeFileSync(file, supergraph);
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      HIVE_BIN,
      'supergraph',
      file,
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '-c',
      join(HIVE_DIR, 'gateway.config.mjs'),
    ],
    {
      cwd: HIVE_DIR,
      env: {
        ...process.env,
        JWT_SECRET: BENCH_JWT_SECRET,
        INTERNAL_SECRET: BENCH_INTERNAL_SECRET,
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}/graphql`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`hive-gateway exited with ${child.exitCode}`);
    const ready = await fetch(`http://127.0.0.1:${port}/readiness`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) throw new Error('hive-gateway did not become ready within 120 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  return { child, url, stop: () => stopChild(child) };
}
