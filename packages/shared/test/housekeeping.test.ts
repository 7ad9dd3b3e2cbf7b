import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { type AnyEventEnvelope, makeEvent, newId } from '../src/domain';
import {
  createLogger,
  Housekeeping,
  InboxRow,
  NatsEventBus,
  openDatabase,
  OutboxRelay,
  OutboxRow,
  ParkedEventRow,
  PLATFORM_MIGRATIONS,
} from '../src/platform';
import { createTestDatabase, createTestNats, eventually, type TestDatabase, type TestNats } from '../src/testing';

const log = createLogger('test', 'silent');
const ORG = '00000000-0000-7000-8000-00000000000a';
const NOW = Date.parse('2026-06-01T12:00:00Z');
const HOUR = 3600_000;

function event(name: string): AnyEventEnvelope {
  return makeEvent(
    'contracts.organization.created',
    ORG,
    { organizationId: ORG, name, email: 'x@example.com', emailDomains: [] },
    { source: 'test', occurredAt: new Date(NOW) },
  );
}

/** docs/operations.md "How long rows are kept": inbox past the duplicate window + margin, published outbox rows, in batches. */
describe('housekeeping and the relay on stop (real PostgreSQL and NATS)', () => {
  let db: TestDatabase;
  let nats: TestNats;
  let dataSource: DataSource;
  let bus: NatsEventBus;

  beforeAll(async () => {
    db = await createTestDatabase();
    nats = createTestNats();
    dataSource = await openDatabase({
      service: 'housekeeping',
      databaseUrl: db.url,
      dataDir: '.data/unused',
      entities: [OutboxRow, InboxRow, ParkedEventRow],
      migrations: PLATFORM_MIGRATIONS,
      log,
    });
    bus = await NatsEventBus.connect({ url: nats.url, prefix: nats.prefix, name: 'test', log });
  });
  afterAll(async () => {
    await bus?.close();
    await dataSource?.destroy();
    await nats?.destroy();
    await db?.drop();
  });

  it('prunes inbox rows older than 10 min + margin and outbox rows published longer ago than the keep time, in batches', async () => {
    const at = (msBefore: number) => new Date(NOW - msBefore);
    // Inbox: margin 1 h, so the limit is 1 h 10 min before NOW.
    const inboxAges = [5 * HOUR, 2 * HOUR, 71 * 60_000, 69 * 60_000, 60_000];
    for (const [i, age] of inboxAges.entries()) {
      await dataSource.query('INSERT INTO inbox (consumer, event_id, type, processed_at) VALUES ($1, $2, $3, $4)', [
        'c',
        newId(),
        `age-${i}`,
        at(age),
      ]);
    }
    // Outbox: keep 30 min. Published 2 h and 31 min ago go; published 29 min ago stays; unpublished always stays.
    const rows: [number | null, number][] = [
      [2 * HOUR, 3 * HOUR],
      [31 * 60_000, HOUR],
      [29 * 60_000, HOUR],
      [null, 5 * HOUR],
    ];
    for (const [published, created] of rows) {
      const e = event(`row-${String(published)}`);
      await dataSource.query(
        'INSERT INTO outbox (event_id, type, payload, created_at, published_at) VALUES ($1, $2, $3, $4, $5)',
        [e.id, e.type, JSON.stringify(e), at(created), published === null ? null : at(published)],
      );
    }
    const pruned: string[] = [];
    const housekeeping = new Housekeeping(
      dataSource,
      log,
      { inboxMarginMs: HOUR, outboxKeepMs: 30 * 60_000, batchSize: 2 },
      (table, count) => pruned.push(`${table}:${count}`),
    );
    expect(await housekeeping.pruneAll(NOW)).toEqual({ inbox: 3, outbox: 2 });
    // Batches of at most 2 rows: 2 + 1 inbox, then 2 outbox (and an empty look after a full batch).
    expect(pruned).toEqual(['inbox:2', 'inbox:1', 'outbox:2']);
    const kept = (await dataSource.query('SELECT type FROM inbox ORDER BY type')) as { type: string }[];
    expect(kept.map((r) => r.type)).toEqual(['age-3', 'age-4']);
    const outbox = (await dataSource.query('SELECT published_at IS NULL AS unpublished FROM outbox ORDER BY seq')) as {
      unpublished: boolean;
    }[];
    expect(outbox.map((r) => r.unpublished)).toEqual([false, true]);
    // Nothing more to do.
    expect(await housekeeping.pruneAll(NOW)).toEqual({ inbox: 0, outbox: 0 });
    await dataSource.query('DELETE FROM outbox');
  });

  it('on stop the relay publishes every committed row before it returns (SIGTERM drain)', async () => {
    const events = [event('a'), event('b'), event('c')];
    for (const e of events) {
      await dataSource.query('INSERT INTO outbox (event_id, type, payload) VALUES ($1, $2, $3)', [
        e.id,
        e.type,
        JSON.stringify(e),
      ]);
    }
    // A relay that never got to run (polls once a minute), stopped: it still drains.
    const relay = new OutboxRelay({ dataSource, bus, log, pollMs: 60_000, batchSize: 2 });
    await relay.stop();
    const [{ n }] = (await dataSource.query('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL')) as {
      n: number;
    }[];
    expect(n).toBe(0);
    const seen: string[] = [];
    const consumer = await bus.consume({
      durable: 'drain-check',
      domain: 'contracts',
      handle: async (d) => void seen.push(d.event.id),
    });
    const ids = events.map((e) => e.id);
    await eventually(() => ids.every((id) => seen.includes(id)));
    await consumer.stop();
    expect(seen.filter((id) => ids.includes(id))).toEqual(ids);
  });
});
