import { createDataSource, createLogger } from '@reglament/shared/platform';
import { createTestDatabase, type TestDatabase } from '@reglament/shared/testing';
import { ticketsEntities, ticketsMigrations } from '../src/app';
import { NumberSequences1796700000000 } from '../src/infra/migrations/1796700000000-NumberSequences';
import { TicketStore } from '../src/infra/ticket-store';

/**
 * R-TKT-1: numbers come from one sequence per year (docs/adr/0019). A database that numbered
 * tickets with the counter rows before goes on after the last number it gave.
 */
describe('registration numbers across the move to sequences (R-TKT-1)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  const open = (migrations: typeof ticketsMigrations) =>
    createDataSource({
      service: 'tickets',
      databaseUrl: db.url,
      dataDir: '.data/test-numbering',
      entities: ticketsEntities,
      migrations,
      log: createLogger('test-numbering', 'silent'),
    });

  it('R-TKT-1: the counters of 2025 (41 given) and 2026 (7 given) continue at 42 and 8; a new year starts at 1', async () => {
    // Every migration before the move to sequences (later ones may follow it in the list).
    const before = open(ticketsMigrations.slice(0, ticketsMigrations.indexOf(NumberSequences1796700000000)));
    await before.initialize();
    await before.query('CREATE SCHEMA IF NOT EXISTS tickets');
    await before.runMigrations();
    await before.query('INSERT INTO ticket_number_counters (year, last_value) VALUES (2025, 41), (2026, 7)');
    await before.destroy();

    const after = open(ticketsMigrations);
    await after.initialize();
    await after.runMigrations();
    const numbers = await after.transaction(async (manager) => {
      const store = new TicketStore(manager);
      return [
        await store.nextNumber(2025),
        await store.nextNumber(2025),
        await store.nextNumber(2026),
        await store.nextNumber(2027),
      ];
    });
    const counterTable = (await after.query(`SELECT to_regclass('ticket_number_counters') AS t`)) as { t: null }[];
    await after.destroy();
    expect(numbers).toEqual(['T-2025-000042', 'T-2025-000043', 'T-2026-000008', 'T-2027-000001']);
    expect(counterTable[0]!.t).toBeNull();
  });
});
