import {
  type AnyEventEnvelope,
  type Caller,
  type EventPayloads,
  type EventType,
  makeEvent,
  signCaller,
} from '@reglament/shared/domain';
import { closePlatform, createPlatform, type Platform, type TestClock } from '@reglament/shared/platform';
import {
  createTestDatabase,
  createTestNats,
  eventually,
  TEST_SECRET,
  type TestDatabase,
  type TestNats,
} from '@reglament/shared/testing';
import { type NotificationsSettings, type RunningNotifications, startNotifications } from '../../src';

export interface GraphQLResult<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[];
}

/**
 * The notifications service alone on a real PostgreSQL (its own database) and real NATS (its
 * own prefix), called over HTTP with a signed caller as the gateway calls it. The other
 * services' events are published by the test.
 */
export class NotificationsHarness {
  private constructor(
    readonly db: TestDatabase,
    readonly nats: TestNats,
    readonly platform: Platform,
    readonly service: RunningNotifications,
  ) {}

  static async start(extra: Partial<NotificationsSettings> = {}): Promise<NotificationsHarness> {
    const db = await createTestDatabase();
    const nats = createTestNats();
    const platform = await createPlatform({
      name: 'notifications-test',
      natsUrl: nats.url,
      eventPrefix: nats.prefix,
      internalSecret: TEST_SECRET,
      testClock: true,
      logLevel: process.env.TEST_LOG_LEVEL ?? 'silent',
    });
    (platform.clock as TestClock).set(new Date('2025-03-03T07:00:00Z'));
    try {
      const service = await startNotifications(platform, {
        port: 0,
        dataDir: '.data/test-unused',
        databaseUrl: db.url,
        ...extra,
      });
      return new NotificationsHarness(db, nats, platform, service);
    } catch (error) {
      await closePlatform(platform).catch(() => undefined);
      await db.drop().catch(() => undefined);
      await nats.destroy().catch(() => undefined);
      throw error;
    }
  }

  get clock(): TestClock {
    return this.platform.clock as TestClock;
  }

  async stop(): Promise<void> {
    await this.service.stop();
    await closePlatform(this.platform);
    await this.db.drop();
    await this.nats.destroy();
  }

  async gql<T = Record<string, unknown>>(
    caller: Caller,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GraphQLResult<T>> {
    const response = await fetch(this.service.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signCaller(caller, TEST_SECRET) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResult<T>;
  }

  async ok<T = Record<string, unknown>>(caller: Caller, query: string, variables: Record<string, unknown> = {}) {
    const result = await this.gql<T>(caller, query, variables);
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data as T;
  }

  async refused(caller: Caller, query: string, variables: Record<string, unknown> = {}) {
    const result = await this.gql(caller, query, variables);
    const error = result.errors?.[0];
    if (!error) throw new Error(`expected a refusal, got ${JSON.stringify(result.data)}`);
    return { code: error.extensions?.code, message: error.message };
  }

  /** Publishes another service's event and waits until the notifications consumers applied it. */
  async publish<T extends EventType>(type: T, organizationId: string | null, data: EventPayloads[T]) {
    const event = makeEvent(type, organizationId, data, {
      source: type.split('.')[0]!,
      occurredAt: this.clock.now(),
    }) as AnyEventEnvelope;
    await this.deliver(event);
    return event;
  }

  /** Publishes an envelope as it is (e.g. the same one twice) and waits until it is applied. */
  async deliver(event: AnyEventEnvelope): Promise<void> {
    await this.platform.bus.publish(event);
    await eventually(async () => (await this.query(`SELECT 1 FROM inbox WHERE event_id = $1`, [event.id])).length > 0);
  }

  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.service.runtime.dataSource.query(sql, params)) as T[];
  }
}
