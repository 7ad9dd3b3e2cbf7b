import { type AnyEventEnvelope, type Caller, signCaller } from '@reglament/shared/domain';
import {
  closePlatform,
  createLogger,
  createPlatform,
  type DeliveredEvent,
  NatsEventBus,
  type Platform,
  type Stoppable,
} from '@reglament/shared/platform';
import {
  createTestDatabase,
  createTestNats,
  TEST_SECRET,
  type TestDatabase,
  type TestNats,
} from '@reglament/shared/testing';
import { startSla } from '../../src/app';

export type Sla = Awaited<ReturnType<typeof startSla>>;

/**
 * The SLA service alone on a database and NATS prefix of its own, with a tail of everything it
 * publishes and helpers to feed it ticket events, move the shared clock and query its subgraph.
 */
export class SlaHarness {
  readonly out: DeliveredEvent[] = [];

  private constructor(
    readonly db: TestDatabase,
    readonly nats: TestNats,
    readonly platform: Platform,
    readonly sla: Sla,
    readonly bus: NatsEventBus,
    private readonly tail: { current: Stoppable | null },
  ) {}

  static async start(): Promise<SlaHarness> {
    const db = await createTestDatabase();
    const nats = createTestNats();
    const platform = await createPlatform({
      name: 'sla',
      natsUrl: nats.url,
      eventPrefix: nats.prefix,
      internalSecret: TEST_SECRET,
      testClock: true,
      logLevel: process.env.TEST_LOG_LEVEL ?? 'silent',
    });
    const sla = await startSla(platform, { port: 0, databaseUrl: db.url, dataDir: '.data/unused' });
    const bus = await NatsEventBus.connect({
      url: nats.url,
      prefix: nats.prefix,
      name: 'test',
      log: createLogger('t', 'silent'),
    });
    const tail = { current: null as Stoppable | null };
    const harness = new SlaHarness(db, nats, platform, sla, bus, tail);
    tail.current = await bus.tail({ domain: 'sla', fromSeq: 1, onEvent: (d) => void harness.out.push(d) });
    return harness;
  }

  publish(...events: AnyEventEnvelope[]): Promise<void[]> {
    return Promise.all(events.map((e) => this.bus.publish(e)));
  }

  /** Moves the shared clock and lets the scheduler fire what came due. */
  async at(iso: string): Promise<void> {
    await this.platform.clockControl!.set(new Date(iso));
    await this.sla.app.scheduler.runDue();
  }

  eventsOf(ticketId: string, type?: string): DeliveredEvent[] {
    return this.out.filter(
      (d) => (d.event.data as { ticketId?: string }).ticketId === ticketId && (!type || d.event.type === type),
    );
  }

  async gql<T>(query: string, variables: Record<string, unknown>, caller: Caller) {
    const response = await fetch(this.sla.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signCaller(caller, TEST_SECRET) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: T; errors?: { message: string; extensions: { code: string } }[] };
  }

  async stop(): Promise<void> {
    await this.tail.current?.stop();
    await this.bus.close();
    await this.sla.stop();
    await closePlatform(this.platform);
    await this.nats.destroy();
    await this.db.drop();
  }
}
