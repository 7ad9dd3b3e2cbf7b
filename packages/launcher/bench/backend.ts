/**
 * The subgraphs under the benchmarks, as one process: the four services on a fresh PostgreSQL
 * database and NATS prefix (plus the in-process gateway used only to seed data). Prints
 * `BACKEND <json>` when ready (gateway/bench/support/parts.ts starts it for the gateway's benchmarks); SIGTERM stops it and removes the database and streams.
 */
import { createTestDatabase, createTestNats } from '@reglament/shared/testing';
import { type Backend, BENCH_INTERNAL_SECRET, BENCH_JWT_SECRET } from '@reglament/gateway/bench/support/backend';
import { startSystem } from '../src/system';

async function main(): Promise<void> {
  const db = await createTestDatabase();
  const nats = createTestNats();
  const system = await startSystem({
    databaseUrl: db.url,
    natsUrl: nats.url,
    eventPrefix: nats.prefix,
    dataDir: '.data/bench',
    internalSecret: BENCH_INTERNAL_SECRET,
    jwtSecret: BENCH_JWT_SECRET,
    testClock: false,
    logLevel: 'warn',
    ports: { gateway: 0, tickets: 0, sla: 0, contracts: 0, notifications: 0 },
    gateway: { limits: { rateLimitPerMinute: 1_000_000, rateLimitBurst: 1_000_000 } },
  });
  const backend: Backend = {
    seedUrl: system.gateway.url,
    subgraphs: Object.fromEntries(Object.values(system.services).map((s) => [s.name, s.url])),
    natsUrl: nats.url,
    prefix: nats.prefix,
  };
  process.stdout.write(`BACKEND ${JSON.stringify(backend)}\n`);
  const stop = async () => {
    await system.stop();
    await db.drop();
    await nats.destroy();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
