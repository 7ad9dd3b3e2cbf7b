import 'reflect-metadata';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Client } from 'pg';
import { DataSource, type MixedList, type EntitySchema } from 'typeorm';
import type { Logger } from '../logger';
import { pglitePoolClass } from './pglite-pool';
import { ensurePrivateDir } from '../server/private-dir';

export interface DatabaseOptions {
  /** The service; also its schema name. */
  service: string;
  /** PostgreSQL URL; unset -> embedded PGlite under `<dataDir>/<service>`. */
  databaseUrl?: string;
  dataDir: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  log: Logger;
  poolSize?: number;
}

/** Builds the service's DataSource (not initialized): PostgreSQL when a URL is given, else PGlite. */
export function createDataSource(options: DatabaseOptions): DataSource {
  const common = {
    type: 'postgres' as const,
    schema: options.service,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    logging: false,
  };
  if (options.databaseUrl) {
    return new DataSource({
      ...common,
      url: options.databaseUrl,
      parseInt8: true,
      applicationName: `reglament-${options.service}`,
      extra: { max: options.poolSize ?? 10, options: `-c search_path=${options.service}` },
    });
  }
  const dir = resolve(join(options.dataDir, options.service));
  ensurePrivateDir(resolve(options.dataDir));
  ensurePrivateDir(dir);
  const db = new PGlite({ dataDir: dir });
  return new DataSource({ ...common, driver: { Pool: pglitePoolClass(db) } });
}

/**
 * Opens the database and brings it to the latest migration. Several replicas may start at
 * once: migrations run under an advisory lock, one replica at a time.
 */
export async function openDatabase(options: DatabaseOptions): Promise<DataSource> {
  if (options.databaseUrl) await ensureSchema(options.databaseUrl, options.service);
  const dataSource = createDataSource(options);
  await dataSource.initialize();
  if (!options.databaseUrl) {
    await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${options.service}"`);
    await dataSource.query(`SET search_path TO "${options.service}"`);
  }
  await migrate(dataSource, options);
  return dataSource;
}

async function ensureSchema(url: string, schema: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  } catch (error) {
    // Two replicas racing on CREATE SCHEMA IF NOT EXISTS can collide on the catalog's unique index.
    if (!/already exists|duplicate key/i.test(String(error))) throw error;
  } finally {
    await client.end();
  }
}

async function migrate(dataSource: DataSource, options: DatabaseOptions): Promise<void> {
  const lockKey = `migrations:${options.service}`;
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  const embedded = !options.databaseUrl;
  try {
    if (!embedded) await runner.query('SELECT pg_advisory_lock(hashtext($1))', [lockKey]);
    // The embedded pool has one session: migrations must not wait for a second connection.
    if (embedded) await runner.release();
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length > 0) options.log.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
  } finally {
    if (!embedded) {
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [lockKey]);
      await runner.release();
    }
  }
}
