import { DataSource } from 'typeorm';
import type { DatabaseOptions } from './data-source';
import { InboxRow } from '../outbox/inbox.entity';
import { ParkedEventRow } from '../outbox/parked.entity';
import { OutboxRow } from '../outbox/outbox.entity';
import { PLATFORM_MIGRATIONS } from './platform-migration';

export interface SchemaDiff {
  up: string[];
  down: string[];
}

/**
 * Applies a service's migrations to an empty schema of `databaseUrl`, then asks TypeORM what
 * it would change to match the entities. Empty means entities and migrations agree; anything
 * else is drift (CI fails on it) or the body of the next migration (the generator writes it).
 */
export async function diffEntitiesAgainstMigrations(options: {
  databaseUrl: string;
  schema: string;
  entities: DatabaseOptions['entities'];
  migrations: DatabaseOptions['migrations'];
}): Promise<SchemaDiff> {
  const admin = new DataSource({ type: 'postgres', url: options.databaseUrl });
  await admin.initialize();
  await admin.query(`DROP SCHEMA IF EXISTS "${options.schema}" CASCADE`);
  await admin.query(`CREATE SCHEMA "${options.schema}"`);
  await admin.destroy();
  const dataSource = new DataSource({
    type: 'postgres',
    url: options.databaseUrl,
    schema: options.schema,
    extra: { options: `-c search_path=${options.schema}`, max: 2 },
    entities: [OutboxRow, InboxRow, ParkedEventRow, ...list(options.entities)],
    migrations: [...PLATFORM_MIGRATIONS, ...list(options.migrations)],
    migrationsTableName: 'migrations',
  });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const sql = await dataSource.driver.createSchemaBuilder().log();
    return { up: sql.upQueries.map((q) => q.query), down: sql.downQueries.map((q) => q.query) };
  } finally {
    await dataSource.query(`DROP SCHEMA IF EXISTS "${options.schema}" CASCADE`);
    await dataSource.destroy();
  }
}

function list<T>(value: T[] | Record<string, T>): T[] {
  return Array.isArray(value) ? value : Object.values(value);
}
