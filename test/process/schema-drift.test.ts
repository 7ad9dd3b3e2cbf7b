import { readFileSync } from 'node:fs';
import { contractsEntities, contractsMigrations } from '@reglament/contracts';
import { composeSupergraph } from '@reglament/launcher';
import { notificationsEntities, notificationsMigrations } from '@reglament/notifications';
import { diffEntitiesAgainstMigrations } from '@reglament/shared/platform';
import { createTestDatabase, type TestDatabase } from '@reglament/shared/testing';
import { slaEntities, slaMigrations } from '@reglament/sla';
import { ticketsEntities, ticketsMigrations } from '@reglament/tickets';

/** Migrations are files, never `synchronize`; CI fails when entities and migrations disagree (docs/architecture.md "Parts and what they own"). */
describe('entities and migrations agree', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it.each([
    ['tickets', ticketsEntities, ticketsMigrations],
    ['sla', slaEntities, slaMigrations],
    ['contracts', contractsEntities, contractsMigrations],
    ['notifications', notificationsEntities, notificationsMigrations],
  ])('%s: after all migrations TypeORM has nothing left to change', async (name, entities, migrations) => {
    const diff = await diffEntitiesAgainstMigrations({
      databaseUrl: db.url,
      schema: `drift_${name}`,
      entities,
      migrations,
    });
    expect(diff.up).toEqual([]);
  });
});

describe('committed schemas', () => {
  it('every subgraph schema.graphql and the supergraph are what the code composes today', async () => {
    const { files } = await composeSupergraph();
    const stale = [...files].filter(([file, content]) => readFileSync(file, 'utf8') !== content).map(([file]) => file);
    expect(stale).toEqual([]);
  });
});
