import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AnyEventEnvelope, makeEvent } from '../src/domain';
import { createLogger, type DeliveredEvent, type EventBus, MemoryEventBus, NatsEventBus } from '../src/platform';
import { connect } from 'nats';
import { subjectFor } from '../src/events/subjects';
import { createTestNats, eventually, type TestNats } from '../src/testing';

const log = createLogger('test', 'silent');
const ORG_A = '00000000-0000-7000-8000-00000000000a';
const ORG_B = '00000000-0000-7000-8000-00000000000b';

function organizationCreated(org: string, name: string): AnyEventEnvelope {
  return makeEvent(
    'contracts.organization.created',
    org,
    { organizationId: org, name, email: 'x@example.com', emailDomains: [] },
    { source: 'test', occurredAt: new Date('2025-01-01T00:00:00Z') },
  );
}

const names = (events: DeliveredEvent[]) => events.map((d) => (d.event.data as { name: string }).name);

/** One contract, two implementations: every test runs on NATS JetStream and on the in-process bus. */
describe.each([
  ['NATS JetStream', 'nats'],
  ['in-process', 'memory'],
] as const)('event bus contract: %s', (_label, kind) => {
  let nats: TestNats;
  let bus: EventBus;

  beforeEach(async () => {
    nats = createTestNats();
    bus =
      kind === 'nats'
        ? await NatsEventBus.connect({ url: nats.url, prefix: nats.prefix, name: 'test', log })
        : new MemoryEventBus({ log });
  });
  afterEach(async () => {
    await bus.close();
    if (kind === 'nats') await nats.destroy();
  });

  it('delivers events to a durable consumer in publish order, each once, de-duplicated by id', async () => {
    const seen: DeliveredEvent[] = [];
    const first = organizationCreated(ORG_A, 'one');
    await bus.publish(first);
    await bus.publish(first); // same id: de-duplicated
    await bus.publish(organizationCreated(ORG_B, 'two'));
    await bus.publish(organizationCreated(ORG_A, 'three'));
    const consumer = await bus.consume({ durable: 'c1', domain: 'contracts', handle: async (d) => void seen.push(d) });
    await eventually(() => seen.length === 3);
    expect(names(seen)).toEqual(['one', 'two', 'three']);
    expect(seen.map((d) => d.seq)).toEqual([1, 2, 3]);
    await consumer.stop();
  });

  it('retries a failing event in place, so later events never overtake it', async () => {
    const applied: string[] = [];
    let failures = 0;
    await bus.publish(organizationCreated(ORG_A, 'first'));
    await bus.publish(organizationCreated(ORG_A, 'second'));
    const consumer = await bus.consume({
      durable: 'c2',
      domain: 'contracts',
      handle: async ({ event }) => {
        const name = (event.data as { name: string }).name;
        if (name === 'first' && failures < 2) {
          failures++;
          throw new Error('transient');
        }
        applied.push(name);
      },
    });
    await eventually(() => applied.length === 2, { timeoutMs: 10_000 });
    expect(applied).toEqual(['first', 'second']);
    expect(failures).toBe(2);
    await consumer.stop();
  });

  it('a durable consumer resumes after a restart where it stopped', async () => {
    const seen: string[] = [];
    const handle = async ({ event }: DeliveredEvent) => void seen.push((event.data as { name: string }).name);
    await bus.publish(organizationCreated(ORG_A, 'before'));
    let consumer = await bus.consume({ durable: 'c3', domain: 'contracts', handle });
    await eventually(() => seen.length === 1);
    await consumer.stop();
    await bus.publish(organizationCreated(ORG_A, 'while-down'));
    consumer = await bus.consume({ durable: 'c3', domain: 'contracts', handle });
    await eventually(() => seen.length === 2);
    expect(seen).toEqual(['before', 'while-down']);
    await consumer.stop();
  });

  it('tails one organization by subject, live or from a cursor', async () => {
    await bus.publish(organizationCreated(ORG_A, 'a1'));
    await bus.publish(organizationCreated(ORG_B, 'b1'));
    const live: DeliveredEvent[] = [];
    const tailA = await bus.tail({ domain: 'contracts', organizationId: ORG_A, onEvent: (d) => void live.push(d) });
    await bus.publish(organizationCreated(ORG_B, 'b2'));
    await bus.publish(organizationCreated(ORG_A, 'a2'));
    await eventually(() => live.length === 1);
    expect(names(live)).toEqual(['a2']);

    const replay: DeliveredEvent[] = [];
    const fromStart = await bus.tail({ domain: 'contracts', fromSeq: 2, onEvent: (d) => void replay.push(d) });
    await eventually(() => replay.length === 3);
    expect(names(replay)).toEqual(['b1', 'b2', 'a2']);
    expect(replay.map((d) => d.seq)).toEqual([2, 3, 4]);
    await tailA.stop();
    await fromStart.stop();
  });

  it('key-value watchers see new values', async () => {
    const store = await bus.keyValue('clock');
    expect(await store.get('now')).toBeNull();
    const seen: string[] = [];
    const watcher = await store.watch('now', (v) => void seen.push(v));
    await store.put('now', '2025-01-01T00:00:00.000Z');
    await eventually(() => seen.length === 1);
    expect(await store.get('now')).toBe('2025-01-01T00:00:00.000Z');
    await watcher.stop();
  });
});

describe('NATS JetStream bus and messages that are not events', () => {
  it('passes over a message that is not an event envelope; the consumer goes on and stays healthy', async () => {
    const nats = createTestNats();
    const bus = await NatsEventBus.connect({ url: nats.url, prefix: nats.prefix, name: 'test', log });
    const raw = await connect({ servers: nats.url });
    try {
      const seen: string[] = [];
      await bus.publish(organizationCreated(ORG_A, 'before'));
      const subject = subjectFor(nats.prefix, 'contracts.organization.created', ORG_A);
      await raw.jetstream().publish(subject, new TextEncoder().encode('this is not JSON'));
      await raw.jetstream().publish(subject, new TextEncoder().encode('{"no":"type"}'));
      await bus.publish(organizationCreated(ORG_A, 'after'));
      await bus.consume({
        durable: 'c-bad',
        domain: 'contracts',
        handle: async ({ event }) => void seen.push((event.data as { name: string }).name),
      });
      await eventually(() => seen.length === 2);
      expect(seen).toEqual(['before', 'after']);
      expect(bus.isHealthy()).toBe(true);
    } finally {
      await raw.close();
      await bus.close();
      await nats.destroy();
    }
  });
});

describe('in-process bus with a data directory', () => {
  it('starts after a crash that tore the last line of its log, and appends cleanly after it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bus-'));
    try {
      const first = new MemoryEventBus({ log, dir });
      await first.publish(organizationCreated(ORG_A, 'one'));
      await first.close();
      appendFileSync(join(dir, 'contracts.jsonl'), '{"seq":2,"event":{"id":"torn'); // the crash

      const seen: string[] = [];
      const second = new MemoryEventBus({ log, dir });
      await second.publish(organizationCreated(ORG_A, 'two'));
      await second.consume({
        durable: 'c',
        domain: 'contracts',
        handle: async ({ event }) => void seen.push((event.data as { name: string }).name),
      });
      await eventually(() => seen.length === 2);
      expect(seen).toEqual(['one', 'two']);
      await second.close();
      // And the file it left is whole.
      const third = new MemoryEventBus({ log, dir });
      const again: string[] = [];
      await third.consume({
        durable: 'fresh',
        domain: 'contracts',
        handle: async ({ event }) => void again.push((event.data as { name: string }).name),
      });
      await eventually(() => again.length === 2);
      expect(again).toEqual(['one', 'two']);
      await third.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps its log and consumer positions across a restart of the process', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bus-'));
    try {
      const seen: string[] = [];
      const handle = async ({ event }: DeliveredEvent) => void seen.push((event.data as { name: string }).name);
      const first = new MemoryEventBus({ log, dir });
      await first.publish(organizationCreated(ORG_A, 'one'));
      const consumer = await first.consume({ durable: 'c', domain: 'contracts', handle });
      await eventually(() => seen.length === 1);
      await consumer.stop();
      const orphan = organizationCreated(ORG_A, 'published-before-crash');
      await first.publish(orphan);
      await first.close();

      const second = new MemoryEventBus({ log, dir });
      await second.publish(orphan); // a relay republishing after the crash: still one copy
      await second.consume({ durable: 'c', domain: 'contracts', handle });
      await eventually(() => seen.length === 2);
      expect(seen).toEqual(['one', 'published-before-crash']);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
