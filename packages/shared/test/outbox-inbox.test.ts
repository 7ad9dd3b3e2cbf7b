import 'reflect-metadata';
import {
  Column,
  type DataSource,
  Entity,
  IsNull,
  PrimaryColumn,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';
import { type AnyEventEnvelope, makeEvent, newId, streamName } from '../src/domain';
import {
  applyOnce,
  createLogger,
  NatsEventBus,
  openDatabase,
  OutboxRelay,
  InboxRow,
  OutboxRow,
  PlatformOutboxInbox1763700000000,
  Transactions,
} from '../src/platform';
import { createTestDatabase, createTestNats, type TestDatabase, type TestNats } from '../src/testing';
import { connect } from 'nats';

@Entity({ name: 'widgets' })
class Widget {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'integer' })
  count!: number;
}

class Widgets1700000000001 implements MigrationInterface {
  name = 'Widgets1700000000001';
  async up(q: QueryRunner) {
    await q.query('CREATE TABLE widgets (id uuid PRIMARY KEY, count integer NOT NULL)');
  }
  async down(q: QueryRunner) {
    await q.query('DROP TABLE widgets');
  }
}

const log = createLogger('test', 'silent');

function organizationEvent(orgId: string): AnyEventEnvelope {
  return makeEvent(
    'contracts.organization.created',
    orgId,
    { organizationId: orgId, name: 'Acme', email: 'it@acme.example', emailDomains: [] },
    { source: 'test', occurredAt: new Date('2025-01-01T00:00:00Z') },
  );
}

/** Messages in the contracts stream of this run's prefix. */
async function streamMessages(nats: TestNats): Promise<number> {
  const nc = await connect({ servers: nats.url });
  try {
    const info = await (await nc.jetstreamManager()).streams.info(streamName(nats.prefix, 'contracts'));
    return info.state.messages;
  } finally {
    await nc.close();
  }
}

describe('transactional outbox and idempotent inbox (real PostgreSQL and NATS)', () => {
  let db: TestDatabase;
  let nats: TestNats;
  let dataSource: DataSource;
  let bus: NatsEventBus;

  beforeAll(async () => {
    db = await createTestDatabase();
    nats = createTestNats();
    dataSource = await openDatabase({
      service: 'outboxtest',
      databaseUrl: db.url,
      dataDir: '.data/unused',
      entities: [OutboxRow, InboxRow, Widget],
      migrations: [PlatformOutboxInbox1763700000000, Widgets1700000000001],
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

  it('commits the state change and its event together, or neither', async () => {
    const idle = { wake: () => undefined };
    const tx = new Transactions(dataSource, idle);
    const orgId = newId();
    await expect(
      tx.run(async ({ manager, emit }) => {
        await manager.insert(Widget, { id: orgId, count: 1 });
        emit(organizationEvent(orgId));
        throw new Error('the business rule said no');
      }),
    ).rejects.toThrow('the business rule said no');
    expect(await dataSource.getRepository(Widget).countBy({ id: orgId })).toBe(0);
    expect(await dataSource.getRepository(OutboxRow).count()).toBe(0);
  });

  it('a crash between commit and publish loses nothing: after restart the event is published exactly once', async () => {
    const before = await streamMessages(nats);
    // The process "dies" right after commit: no relay ran.
    const tx = new Transactions(dataSource, { wake: () => undefined });
    const id = newId();
    await tx.run(async ({ manager, emit }) => {
      await manager.insert(Widget, { id, count: 1 });
      emit(organizationEvent(id));
    });
    expect(await streamMessages(nats)).toBe(before);

    // Restart: a new relay finds the row and publishes it.
    const relay = new OutboxRelay({ dataSource, bus, log });
    expect(await relay.drain()).toBe(1);
    expect(await streamMessages(nats)).toBe(before + 1);
    // Nothing left to publish; running again publishes nothing.
    expect(await relay.drain()).toBe(0);
    expect(await streamMessages(nats)).toBe(before + 1);
  });

  it('a crash after publish but before marking the row republishes with the same id, and the stream keeps one copy', async () => {
    const before = await streamMessages(nats);
    const id = newId();
    await new Transactions(dataSource, { wake: () => undefined }).run(async ({ manager, emit }) => {
      await manager.insert(Widget, { id, count: 1 });
      emit(organizationEvent(id));
    });
    const crashing = new OutboxRelay({
      dataSource,
      bus,
      log,
      afterPublish: async () => {
        throw new Error('killed after publishing, before marking');
      },
    });
    await expect(crashing.drain()).rejects.toThrow('killed');
    expect(await streamMessages(nats)).toBe(before + 1);
    // The row is still unpublished (the mark rolled back with the crash)...
    expect(await dataSource.getRepository(OutboxRow).countBy({ publishedAt: IsNull() })).toBe(1);
    // ...so the restarted relay publishes it again: JetStream de-duplicates by Nats-Msg-Id.
    const restarted = new OutboxRelay({ dataSource, bus, log });
    expect(await restarted.drain()).toBe(1);
    expect(await streamMessages(nats)).toBe(before + 1);
  });

  it('the same event delivered twice has one effect', async () => {
    const id = newId();
    await dataSource.getRepository(Widget).insert({ id, count: 0 });
    const event = organizationEvent(id);
    const increment = async ({ manager }: { manager: DataSource['manager'] }) => {
      await manager.increment(Widget, { id }, 'count', 1);
    };
    const idle = { wake: () => undefined };
    expect(await applyOnce(dataSource, idle, 'widget-counter', event, increment)).toBe(true);
    expect(await applyOnce(dataSource, idle, 'widget-counter', event, increment)).toBe(false);
    // Concurrent redeliveries: still one effect.
    const again = await Promise.all(
      [1, 2, 3].map(() => applyOnce(dataSource, idle, 'widget-counter', event, increment)),
    );
    expect(again).toEqual([false, false, false]);
    expect((await dataSource.getRepository(Widget).findOneByOrFail({ id })).count).toBe(1);
    // Another consumer applies the same event for itself, once.
    expect(await applyOnce(dataSource, idle, 'other-consumer', event, increment)).toBe(true);
    expect((await dataSource.getRepository(Widget).findOneByOrFail({ id })).count).toBe(2);
  });

  it('a failing effect leaves no inbox row, so the redelivery applies it', async () => {
    const id = newId();
    await dataSource.getRepository(Widget).insert({ id, count: 0 });
    const event = organizationEvent(id);
    const idle = { wake: () => undefined };
    await expect(
      applyOnce(dataSource, idle, 'flaky', event, async () => {
        throw new Error('database hiccup');
      }),
    ).rejects.toThrow('database hiccup');
    expect(
      await applyOnce(dataSource, idle, 'flaky', event, async ({ manager }) => {
        await manager.increment(Widget, { id }, 'count', 1);
      }),
    ).toBe(true);
    expect((await dataSource.getRepository(Widget).findOneByOrFail({ id })).count).toBe(1);
  });
});
