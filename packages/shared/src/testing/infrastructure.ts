import { randomBytes } from 'node:crypto';
import { connect } from 'nats';
import { Client } from 'pg';
import { NatsEventBus } from '../bus/nats-bus';
import { createLogger } from '../logger';

/** Where the test suite finds PostgreSQL and NATS (overridable; defaults are the local services). */
export const TEST_POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_NATS_URL = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';
export const TEST_SECRET = 'test-internal-secret-0123456789';

export const HOW_TO_START =
  'The tests need a real PostgreSQL and NATS with JetStream. Start them with:\n' +
  '  pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n' +
  '  start-stop-daemon --start --oknodo --background --exec /usr/sbin/nats-server -- -a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server\n' +
  '(or point TEST_DATABASE_URL / TEST_NATS_URL elsewhere).';

export function uniqueName(prefix: string): string {
  return `${prefix}_${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A fresh database of its own for one test file: tests never collide and nothing leaks. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = uniqueName('rgl_t');
  const admin = new Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return {
    name,
    url: withDatabase(TEST_POSTGRES_URL, name),
    drop: async () => {
      const c = new Client({ connectionString: TEST_POSTGRES_URL });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

export interface TestNats {
  url: string;
  prefix: string;
  /** Deletes every stream and bucket of this prefix. */
  destroy(): Promise<void>;
}

/** A subject prefix and streams of its own for one test file. */
export function createTestNats(): TestNats {
  const prefix = uniqueName('t');
  return {
    url: TEST_NATS_URL,
    prefix,
    destroy: async () => {
      const bus = await NatsEventBus.connect({
        url: TEST_NATS_URL,
        prefix,
        name: 'test-cleanup',
        log: createLogger('test-cleanup', 'silent'),
      });
      await bus.destroyAll();
      await bus.close();
    },
  };
}

/** Fails at once, with instructions, when PostgreSQL or NATS cannot be reached. Never skips. */
export async function assertInfrastructureReachable(): Promise<void> {
  const problems: string[] = [];
  const pg = new Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await pg.connect();
    await pg.query('SELECT 1');
  } catch (error) {
    problems.push(`PostgreSQL at ${TEST_POSTGRES_URL}: ${String(error)}`);
  } finally {
    await pg.end().catch(() => undefined);
  }
  try {
    const nc = await connect({ servers: TEST_NATS_URL, timeout: 3000, reconnect: false });
    const jsm = await nc.jetstreamManager().catch((e: unknown) => {
      throw new Error(`JetStream is not enabled (${String(e)})`);
    });
    await jsm.getAccountInfo();
    await nc.close();
  } catch (error) {
    problems.push(`NATS at ${TEST_NATS_URL}: ${String(error)}`);
  }
  if (problems.length > 0) throw new Error(`${problems.join('\n')}\n\n${HOW_TO_START}`);
}

/** Deletes streams and buckets left by crashed test runs (their prefix says when: older than an hour). */
export async function dropStaleTestStreams(): Promise<void> {
  const nc = await connect({ servers: TEST_NATS_URL, timeout: 3000, reconnect: false });
  try {
    const jsm = await nc.jetstreamManager();
    const cutoff = Date.now() / 1000 - 3600;
    const stale: string[] = [];
    for await (const stream of jsm.streams.list()) {
      const match = /^(?:T|KV_t)_(\d{10})_[0-9a-fA-F]{8}_/.exec(stream.config.name);
      if (match && Number(match[1]) < cutoff) stale.push(stream.config.name);
    }
    for (const name of stale) await jsm.streams.delete(name).catch(() => false);
  } finally {
    await nc.close();
  }
}

/** Drops test databases left by crashed runs (older than an hour). */
export async function dropStaleTestDatabases(): Promise<void> {
  const admin = new Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE 'rgl_t_%'",
    );
    const cutoff = Date.now() / 1000 - 3600;
    for (const { datname } of rows) {
      const created = Number(datname.split('_')[2]);
      if (Number.isFinite(created) && created < cutoff) {
        await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => undefined);
      }
    }
  } finally {
    await admin.end();
  }
}
