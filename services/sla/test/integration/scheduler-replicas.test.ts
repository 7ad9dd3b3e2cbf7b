import { newId } from '@reglament/shared/domain';
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
  eventually,
  TEST_SECRET,
  type TestDatabase,
  type TestNats,
} from '@reglament/shared/testing';
import { startSla } from '../../src/app';
import { TicketEvents } from './ticket-events';

type Sla = Awaited<ReturnType<typeof startSla>>;

/** Two SLA replicas on one database and one NATS: every due instant fires exactly once. */
describe('SLA scheduler replicas side by side', () => {
  let db: TestDatabase;
  let nats: TestNats;
  const platforms: Platform[] = [];
  const replicas: Sla[] = [];
  let bus: NatsEventBus;
  let tail: Stoppable;
  const out: DeliveredEvent[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    nats = createTestNats();
    for (const name of ['sla-a', 'sla-b']) {
      const platform = await createPlatform({
        name,
        natsUrl: nats.url,
        eventPrefix: nats.prefix,
        internalSecret: TEST_SECRET,
        testClock: true,
        logLevel: 'silent',
      });
      platforms.push(platform);
      replicas.push(await startSla(platform, { port: 0, databaseUrl: db.url, dataDir: '.data/unused' }));
    }
    bus = await NatsEventBus.connect({
      url: nats.url,
      prefix: nats.prefix,
      name: 'test',
      log: createLogger('t', 'silent'),
    });
    tail = await bus.tail({ domain: 'sla', fromSeq: 1, onEvent: (d) => void out.push(d) });
  });
  afterAll(async () => {
    await tail?.stop();
    await bus?.close();
    for (const sla of replicas) await sla.stop();
    for (const platform of platforms) await closePlatform(platform);
    await nats?.destroy();
    await db?.drop();
  });

  it('forty tickets come due at once: each warning and each breach is published once', async () => {
    // asmo: registered Mon 23 June 2025 09:00 Moscow (06:00Z); reaction 2 working hours -> 11:00 (08:00Z),
    // warned 30 min before (07:30Z); resolution 8 working hours -> 17:00 (14:00Z), warned 2 h before.
    await platforms[0]!.clockControl!.set(new Date('2025-06-23T06:00:00Z'));
    await eventually(() => platforms[1]!.clock.now().toISOString() === '2025-06-23T06:00:00.000Z');
    const tickets = Array.from(
      { length: 40 },
      () => new TicketEvents({ organizationId: newId(), contractId: newId(), preset: 'asmo' }),
    );
    await Promise.all(tickets.map((t) => bus.publish(t.registered('2025-06-23T06:00:00Z'))));
    const started = () => out.filter((d) => d.event.type === 'sla.timer.started').length;
    await eventually(() => started() === 80, { timeoutMs: 30_000 }); // reaction + resolution each

    // 12:00 Moscow on both replicas; both fire at once.
    await platforms[0]!.clockControl!.set(new Date('2025-06-23T09:00:00Z'));
    await eventually(() => platforms[1]!.clock.now().toISOString() === '2025-06-23T09:00:00.000Z');
    await Promise.all(replicas.map((sla) => sla.app.scheduler.runDue()));

    const count = (type: string) => out.filter((d) => d.event.type === type).length;
    await eventually(() => count('sla.timer.breached') >= 40, { timeoutMs: 20_000 });
    // Let anything a second replica might (wrongly) publish arrive, by running both again.
    await Promise.all(replicas.map((sla) => sla.app.scheduler.runDue()));
    const perTimer = new Map<string, number>();
    for (const d of out) {
      const data = d.event.data as { timerId?: string };
      if (!data.timerId || !d.event.type.startsWith('sla.timer.')) continue;
      const key = `${data.timerId}:${d.event.type}`;
      perTimer.set(key, (perTimer.get(key) ?? 0) + 1);
    }
    expect([...perTimer.values()].filter((n) => n > 1)).toEqual([]);
    expect(count('sla.timer.warning')).toBe(40); // reaction warnings only (resolution warns at 15:00)
    expect(count('sla.timer.breached')).toBe(40);
    const breached = out.filter((d) => d.event.type === 'sla.timer.breached');
    expect(new Set(breached.map((d) => d.event.occurredAt))).toEqual(new Set(['2025-06-23T08:00:00.000Z']));
    expect(replicas[0]!.app.scheduler.fired + replicas[1]!.app.scheduler.fired).toBeGreaterThanOrEqual(40);
  });
});
