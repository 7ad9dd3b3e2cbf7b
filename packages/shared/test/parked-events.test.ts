import 'reflect-metadata';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { type AnyEventEnvelope, makeEvent, newId } from '../src/domain';
import {
  createLogger,
  type EventHandlers,
  InboxRow,
  NatsEventBus,
  openDatabase,
  OutboxRow,
  ParkedEventRow,
  ParkedEvents,
  PLATFORM_MIGRATIONS,
  type Stoppable,
  startConsumer,
} from '../src/platform';
import { createTestDatabase, createTestNats, eventually, type TestDatabase, type TestNats } from '../src/testing';

const log = createLogger('test', 'silent');
/** What the parking store logs at error level: the alert-worthy lines operators watch for. */
const alerts: { alert?: string; consumer?: string; eventId?: string; msg: string }[] = [];
const alertLog = pino({ level: 'error' }, { write: (line: string) => void alerts.push(JSON.parse(line)) });
const ORG = '00000000-0000-7000-8000-00000000000a';
const TICKET_A = '00000000-0000-7000-8000-0000000000a1';
const TICKET_B = '00000000-0000-7000-8000-0000000000b1';

/** An SLA state change of a ticket, told apart by `note` (what the test's handler looks at). */
function stateChanged(ticketId: string, note: string): AnyEventEnvelope {
  return makeEvent('sla.ticket.state_changed', ORG, { ticketId, note } as never, {
    source: 'test',
    occurredAt: new Date('2025-01-01T00:00:00Z'),
  });
}

const noteOf = (event: AnyEventEnvelope) => (event.data as unknown as { note: string }).note;

/**
 * Poison events (docs/operations.md "Parked events"): a handler that fails the same event PARK_AFTER_ATTEMPTS
 * times parks it, the rest of the stream flows, later events of its ticket wait behind it, and
 * an admin's retry after the fix applies it once, then the held ones in order.
 */
describe('parked events (real PostgreSQL and NATS)', () => {
  let db: TestDatabase;
  let nats: TestNats;
  let dataSource: DataSource;
  let bus: NatsEventBus;
  let parked: ParkedEvents;
  let consumer: Stoppable | null = null;
  const applied: string[] = [];
  let broken = new Set<string>();
  let outage = false;
  let outageAttempts = 0;
  const parkedMetric: string[] = [];

  const handlers: EventHandlers = {
    'sla.ticket.state_changed': async (event) => {
      const note = noteOf(event);
      if (outage && ++outageAttempts)
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
      if (broken.has(note)) throw new Error(`cannot apply ${note}`);
      applied.push(note);
    },
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    nats = createTestNats();
    dataSource = await openDatabase({
      service: 'parkingtest',
      databaseUrl: db.url,
      dataDir: '.data/unused',
      entities: [OutboxRow, InboxRow, ParkedEventRow],
      migrations: PLATFORM_MIGRATIONS,
      log,
    });
    bus = await NatsEventBus.connect({ url: nats.url, prefix: nats.prefix, name: 'test', log });
    parked = new ParkedEvents(dataSource, { wake: () => undefined }, alertLog, 2);
    parked.onParked = (_consumer, event, state) => parkedMetric.push(`${state} ${noteOf(event)}`);
    consumer = await startConsumer({
      service: 'svc',
      domain: 'sla',
      bus,
      dataSource,
      relay: { wake: () => undefined },
      log,
      handlers,
      parked,
    });
  });
  afterAll(async () => {
    await consumer?.stop();
    await bus?.close();
    await dataSource?.destroy();
    await nats?.destroy();
    await db?.drop();
  });

  it('parks an event failed twice, goes on with other tickets, holds later events of its ticket, retries once fixed', async () => {
    broken = new Set(['b1']);
    for (const [ticket, note] of [
      [TICKET_A, 'a1'],
      [TICKET_B, 'b1'],
      [TICKET_B, 'b2'],
      [TICKET_A, 'a2'],
      [TICKET_B, 'b3'],
    ] as const)
      await bus.publish(stateChanged(ticket, note));
    await eventually(async () => applied.includes('a2') && (await parked.count()) === 3);
    expect(applied).toEqual(['a1', 'a2']);
    const list = await parked.list();
    expect(list.map((p) => [noteOf(p.envelope), p.state, p.attempts, p.consumer])).toEqual([
      ['b1', 'FAILED', 2, 'svc-on-sla'],
      ['b2', 'HELD', 0, 'svc-on-sla'],
      ['b3', 'HELD', 0, 'svc-on-sla'],
    ]);
    expect(list[0]!.error).toBe('Error: cannot apply b1');
    expect(list[0]!.orderingKey).toBe(`ticket:${TICKET_B}`);
    expect(list[1]!.error).toBe(`held behind parked event ${list[0]!.id}`);
    expect(parkedMetric).toEqual(['FAILED b1', 'HELD b2', 'HELD b3']);
    // One alert-worthy line names the parked event (held ones are warnings, not alerts).
    expect(alerts.map((a) => ({ alert: a.alert, consumer: a.consumer, eventId: a.eventId }))).toEqual([
      { alert: 'event_parked', consumer: 'svc-on-sla', eventId: list[0]!.eventId },
    ]);
    expect(alerts[0]!.msg).toMatch(/^EVENT PARKED: svc-on-sla could not apply sla\.ticket\.state_changed /);

    // A held event cannot jump the queue.
    await expect(parked.retry(list[1]!.id)).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { heldBehind: list[0]!.id },
    });
    // Retried while still broken: stays parked with the new error and one more attempt.
    expect(await parked.retry(list[0]!.id)).toEqual({
      result: 'FAILED',
      error: 'Error: cannot apply b1',
      released: 0,
      stillParked: 3,
    });
    expect((await parked.list())[0]!.attempts).toBe(3);

    broken = new Set();
    expect(await parked.retry(list[0]!.id)).toEqual({ result: 'APPLIED', error: null, released: 2, stillParked: 0 });
    expect(applied).toEqual(['a1', 'a2', 'b1', 'b2', 'b3']);
    expect(await parked.count()).toBe(0);
    // Once: a second retry finds nothing, and the inbox holds each event once.
    await expect(parked.retry(list[0]!.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const [{ n }] = (await dataSource.query("SELECT count(*)::int AS n FROM inbox WHERE consumer = 'svc-on-sla'")) as {
      n: number;
    }[];
    expect(n).toBe(5);

    // After the queue is clear, new events of that ticket flow directly again.
    await bus.publish(stateChanged(TICKET_B, 'b4'));
    await eventually(() => applied.includes('b4'));
  });

  it('discarding a parked event drops it for good and releases the events held behind it', async () => {
    broken = new Set(['c1']);
    const ticket = newId();
    await bus.publish(stateChanged(ticket, 'c1'));
    await bus.publish(stateChanged(ticket, 'c2'));
    await eventually(async () => (await parked.count()) === 2);
    const [head] = await parked.list();
    expect(await parked.discard(head!.id)).toEqual({ result: 'DISCARDED', error: null, released: 1, stillParked: 0 });
    expect(applied.slice(-1)).toEqual(['c2']);
    expect(applied).not.toContain('c1');
  });

  it('an outage (database unreachable) is retried in place, never parked', async () => {
    outage = true;
    const ticket = newId();
    await bus.publish(stateChanged(ticket, 'd1'));
    // Twice the attempts that park a failing event, and nothing parked.
    await eventually(() => outageAttempts >= 4);
    expect(await parked.count()).toBe(0);
    outage = false;
    await eventually(() => applied.includes('d1'));
    expect(await parked.count()).toBe(0);
  });
});
