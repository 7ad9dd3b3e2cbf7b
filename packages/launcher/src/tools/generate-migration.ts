/**
 * Writes the next migration of a part from the difference between its entities and its
 * migrations (TypeORM's own SQL), against a scratch schema of a real PostgreSQL:
 *   pnpm migration:generate <tickets|sla|contracts|notifications> <Name>
 * Then add the class to the part's migration list in app.ts and review the SQL.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { contractsEntities, contractsMigrations } from '@reglament/contracts';
import { notificationsEntities, notificationsMigrations } from '@reglament/notifications';
import { diffEntitiesAgainstMigrations } from '@reglament/shared/platform';
import { slaEntities, slaMigrations } from '@reglament/sla';
import { ticketsEntities, ticketsMigrations } from '@reglament/tickets';

const PARTS = {
  tickets: [ticketsEntities, ticketsMigrations],
  sla: [slaEntities, slaMigrations],
  contracts: [contractsEntities, contractsMigrations],
  notifications: [notificationsEntities, notificationsMigrations],
} as const;

async function main(): Promise<void> {
  const [part, name] = process.argv.slice(2);
  if (!part || !(part in PARTS) || !name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
    throw new Error('usage: pnpm migration:generate <tickets|sla|contracts|notifications> <PascalCaseName>');
  }
  const [entities, migrations] = PARTS[part as keyof typeof PARTS];
  const schema = `migration_${part}_${Date.now()}`;
  const diff = await diffEntitiesAgainstMigrations({
    databaseUrl: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    schema,
    entities: [...entities],
    migrations: [...migrations],
  });
  if (diff.up.length === 0) {
    process.stdout.write('Entities and migrations agree: nothing to generate.\n');
    return;
  }
  const timestamp = Date.now();
  const className = `${name}${timestamp}`;
  // Unqualified names (the part's schema is the search path); down runs in reverse order.
  const unqualified = (query: string) => query.split(`"${schema}".`).join('');
  const lines = (queries: string[]) =>
    queries.map((q) => `    await q.query(${JSON.stringify(unqualified(q).trim())});`).join('\n');
  const file = join(resolve(__dirname, '../../../..'), `services/${part}/src/infra/migrations/${timestamp}-${name}.ts`);
  writeFileSync(
    file,
    `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${className} implements MigrationInterface {\n  name = '${className}';\n\n  async up(q: QueryRunner): Promise<void> {\n${lines(diff.up)}\n  }\n\n  async down(q: QueryRunner): Promise<void> {\n${lines([...diff.down].reverse())}\n  }\n}\n`,
  );
  process.stdout.write(`Wrote ${file}\nAdd ${className} to the migrations of services/${part}/src/app.ts.\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
