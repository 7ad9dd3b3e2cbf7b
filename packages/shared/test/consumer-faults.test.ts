import type { NatsConnection } from 'nats';
import { type AnyEventEnvelope, makeEvent } from '../src/domain';
import { createLogger, type DeliveredEvent, NatsEventBus } from '../src/platform';
import { eventually, PrivateNatsServer } from '../src/testing';

const log = createLogger('test', 'silent');
const ORG = '00000000-0000-7000-8000-00000000000a';

function named(name: string): AnyEventEnvelope {
  return makeEvent(
    'contracts.organization.created',
    ORG,
    { organizationId: ORG, name, email: 'x@example.com', emailDomains: [] },
    { source: 'test', occurredAt: new Date('2025-01-01T00:00:00Z') },
  );
}

const nameOf = (d: DeliveredEvent) => (d.event.data as { name: string }).name;

/** Kills a bus's connection as kill -9 would: nothing acknowledged, nothing handed back. */
async function crash(bus: NatsEventBus): Promise<void> {
  await (bus as unknown as { nc: NatsConnection }).nc.close();
}

/**
 * Faults of the bus on a NATS server of the test's own (stopped and restarted here without
 * touching the shared one). Each test is bounded by its waits.
 */
describe('event bus under faults (NATS JetStream)', () => {
  let nats: PrivateNatsServer;
  const buses: NatsEventBus[] = [];
  const open = async (name: string, prefix: string) => {
    const bus = await NatsEventBus.connect({ url: nats.url, prefix, name, log });
    buses.push(bus);
    return bus;
  };

  beforeAll(async () => {
    nats = await PrivateNatsServer.start();
  });
  afterAll(async () => {
    for (const bus of buses) await bus.close().catch(() => undefined);
    await nats.destroy();
  });

  it('hands a dead consumer’s event out again within seconds, before any later event (order across a crash)', async () => {
    const first = await open('replica-1', 'crash');
    let release: () => void = () => undefined;
    const handedToFirst: string[] = [];
    await first.consume({
      durable: 'order',
      domain: 'contracts',
      // The first replica takes the event and dies before it has applied it.
      handle: (d) => {
        handedToFirst.push(nameOf(d));
        return new Promise<void>((resolve) => (release = resolve));
      },
    });
    await first.publish(named('one'));
    await eventually(() => handedToFirst.length === 1);
    await crash(first);

    const second = await open('replica-2', 'crash');
    const applied: DeliveredEvent[] = [];
    await second.consume({ durable: 'order', domain: 'contracts', handle: async (d) => void applied.push(d) });
    // Later events of the same organization arrive while the first one is still held by the dead replica.
    await second.publish(named('two'));
    await second.publish(named('three'));
    // Within the ack wait (5 s) plus margin: never the 30 s it took before.
    await eventually(() => applied.length === 3, { timeoutMs: 12_000 });
    expect(applied.map(nameOf)).toEqual(['one', 'two', 'three']);
    expect(applied[0]!.redelivered).toBe(true);
    expect(handedToFirst).toEqual(['one']);
    release();
  });

  it('a publish on a dead connection fails fast and the event goes out once NATS is back', async () => {
    const bus = await open('publisher', 'restart');
    const seen: string[] = [];
    await bus.consume({ durable: 'restart', domain: 'contracts', handle: async (d) => void seen.push(nameOf(d)) });
    await bus.publish(named('before'));
    await eventually(() => seen.includes('before'));

    await nats.kill();
    await eventually(() => !bus.isHealthy(), { timeoutMs: 10_000 });
    const event = named('during');
    // Fails (not waits 10 s): the outbox keeps the event and the relay tries again.
    await expect(bus.publish(event)).rejects.toThrow('NATS is not connected');

    await nats.restart();
    await eventually(() => bus.isHealthy(), { timeoutMs: 15_000 });
    await eventually(() => bus.publish(event).then(() => true), { timeoutMs: 10_000 });
    await eventually(() => seen.includes('during'), { timeoutMs: 15_000 });
    // A killed server may forget acknowledgements it had not yet written: events come again
    // (the inbox drops them), never out of order, never lost.
    expect(seen.filter((name) => name === 'during')).not.toHaveLength(0);
    expect(seen.indexOf('before')).toBeLessThan(seen.indexOf('during'));
    expect(new Set(seen)).toEqual(new Set(['before', 'during']));
  });
});
