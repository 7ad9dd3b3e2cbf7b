import type { DataSource, EntityManager } from 'typeorm';
import { AppError, conflict, ErrorCode, notFound, outageOf } from '../errors';
import type { AnyEventEnvelope } from '../events/envelope';
import { newId } from '../ids';
import type { Logger } from '../logger';
import { writeToOutbox } from './transactions';
import type { RelayWaker, Tx } from './transactions';

/** Attempts before a failing event is parked (PARK_AFTER_ATTEMPTS). */
export const DEFAULT_PARK_AFTER_ATTEMPTS = 5;

export type EventHandler = (event: AnyEventEnvelope, tx: Tx) => Promise<void>;

/**
 * What keeps a ticket's events in order: its id (or a contract's). A parked event holds the
 * later events of the same key behind it; events without a key hold nothing back.
 */
export function orderingKeyOf(event: AnyEventEnvelope): string | null {
  const data = event.data as { ticketId?: unknown; contractId?: unknown };
  if (typeof data.ticketId === 'string') return `ticket:${data.ticketId}`;
  if (typeof data.contractId === 'string') return `contract:${data.contractId}`;
  return null;
}

export interface ParkedEvent {
  id: string;
  consumer: string;
  eventId: string;
  eventType: string;
  orderingKey: string | null;
  streamSeq: number;
  state: 'FAILED' | 'HELD';
  error: string;
  attempts: number;
  parkedAt: string;
  envelope: AnyEventEnvelope;
}

/** What a retry or a discard did: the parked event's fate and the held events it released. */
export interface ParkedOutcome {
  /** APPLIED, DISCARDED, or FAILED (retried and failed again: still parked, with the new error). */
  result: 'APPLIED' | 'DISCARDED' | 'FAILED';
  error: string | null;
  /** Events held behind it that were applied now, in order. */
  released: number;
  /** Events of the same key still parked (one failed again, the rest held behind it). */
  stillParked: number;
}

interface Row {
  id: string;
  consumer: string;
  event_id: string;
  event_type: string;
  ordering_key: string | null;
  stream_seq: string;
  envelope: AnyEventEnvelope;
  state: 'FAILED' | 'HELD';
  error: string;
  attempts: number;
  parked_at: Date;
}

const toParked = (row: Row): ParkedEvent => ({
  id: row.id,
  consumer: row.consumer,
  eventId: row.event_id,
  eventType: row.event_type,
  orderingKey: row.ordering_key,
  streamSeq: Number(row.stream_seq),
  state: row.state,
  error: row.error,
  attempts: row.attempts,
  parkedAt: new Date(row.parked_at).toISOString(),
  envelope: row.envelope,
});

/** Error text kept with a parked event (bounded: a handler may throw anything). */
function describe(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 2000);
}

/** Serializes the work on one key of one consumer across replicas (transaction-scoped lock). */
async function lockKey(manager: EntityManager, consumer: string, key: string): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`parked:${consumer}:${key}`]);
}

/**
 * The dead-letter store of one service's consumers: an event whose handler keeps failing is
 * parked (with its error, attempts and envelope) and the consumer goes on; later events of the
 * same ticket wait behind it (HELD) so the ticket's order holds. Admins retry or discard.
 */
export class ParkedEvents {
  private readonly handlers = new Map<string, (type: string) => EventHandler | undefined>();
  /** Called with the consumer and the event each time one is parked (metrics). */
  onParked: (consumer: string, event: AnyEventEnvelope, state: 'FAILED' | 'HELD') => void = () => undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly relay: RelayWaker,
    private readonly log: Logger,
    readonly parkAfterAttempts = DEFAULT_PARK_AFTER_ATTEMPTS,
  ) {}

  /** A consumer's handlers, so a retry applies an event the way the consumer would. */
  register(consumer: string, handlerFor: (type: string) => EventHandler | undefined): void {
    this.handlers.set(consumer, handlerFor);
  }

  /**
   * Applies a delivered event once (inbox), unless an earlier event of its ticket is parked:
   * then it is HELD behind it. `attempt` counts the earlier failures of this delivery; at
   * `parkAfterAttempts` a failure parks the event instead of throwing. Outages (the database
   * down) always throw: the bus retries in place and nothing is parked for them.
   */
  async deliver(
    consumer: string,
    event: AnyEventEnvelope,
    seq: number,
    attempt: number,
    handler: EventHandler,
  ): Promise<'applied' | 'duplicate' | 'held' | 'parked'> {
    try {
      return await this.applyUnlessBlocked(consumer, event, seq, handler);
    } catch (error) {
      if (outageOf(error).outage || attempt + 1 < this.parkAfterAttempts) throw error;
      await this.park(consumer, event, seq, 'FAILED', describe(error), attempt + 1);
      this.log.error(
        { alert: 'event_parked', consumer, eventId: event.id, type: event.type, attempts: attempt + 1, err: error },
        `EVENT PARKED: ${consumer} could not apply ${event.type} ${event.id} after ${attempt + 1} attempts; later events of its ticket wait behind it (retryParkedEvent / discardParkedEvent)`,
      );
      return 'parked';
    }
  }

  private async applyUnlessBlocked(
    consumer: string,
    event: AnyEventEnvelope,
    seq: number,
    handler: EventHandler,
  ): Promise<'applied' | 'duplicate' | 'held'> {
    const key = orderingKeyOf(event);
    let emitted = 0;
    const outcome = await this.dataSource.transaction(async (manager) => {
      if (key) {
        await lockKey(manager, consumer, key);
        const [head] = (await manager.query(
          'SELECT id FROM parked_events WHERE consumer = $1 AND ordering_key = $2 ORDER BY stream_seq LIMIT 1',
          [consumer, key],
        )) as { id: string }[];
        if (head) {
          await this.insert(manager, consumer, event, seq, 'HELD', `held behind parked event ${head.id}`, 0);
          return 'held' as const;
        }
      }
      const result = await applyIn(manager, consumer, event, handler);
      emitted = result.emitted;
      return result.applied ? ('applied' as const) : ('duplicate' as const);
    });
    if (emitted > 0) this.relay.wake();
    if (outcome === 'held') {
      this.onParked(consumer, event, 'HELD');
      this.log.warn({ consumer, eventId: event.id, type: event.type, key }, 'event held behind a parked event');
    }
    return outcome;
  }

  private async park(
    consumer: string,
    event: AnyEventEnvelope,
    seq: number,
    state: 'FAILED' | 'HELD',
    error: string,
    attempts: number,
  ): Promise<void> {
    await this.dataSource.transaction((manager) => this.insert(manager, consumer, event, seq, state, error, attempts));
    this.onParked(consumer, event, state);
  }

  private async insert(
    manager: EntityManager,
    consumer: string,
    event: AnyEventEnvelope,
    seq: number,
    state: 'FAILED' | 'HELD',
    error: string,
    attempts: number,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO parked_events (id, consumer, event_id, event_type, ordering_key, stream_seq, envelope, state, error, attempts)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (consumer, event_id) DO NOTHING`,
      [
        newId(),
        consumer,
        event.id,
        event.type,
        orderingKeyOf(event),
        seq,
        JSON.stringify(event),
        state,
        error,
        attempts,
      ],
    );
  }

  /** Parked events, oldest first (at most `limit`). */
  async list(limit = 100): Promise<ParkedEvent[]> {
    const rows = (await this.dataSource.query('SELECT * FROM parked_events ORDER BY parked_at, stream_seq LIMIT $1', [
      limit,
    ])) as Row[];
    return rows.map(toParked);
  }

  async count(): Promise<number> {
    const [row] = (await this.dataSource.query('SELECT count(*)::int AS n FROM parked_events')) as { n: number }[];
    return row?.n ?? 0;
  }

  /** Applies a parked event again (once: the inbox still guards it), then what was held behind it. */
  async retry(id: string): Promise<ParkedOutcome> {
    const row = await this.head(id);
    const handler = this.handlerOf(row);
    try {
      await this.applyParked(row, handler);
    } catch (error) {
      if (outageOf(error).outage) throw error;
      await this.dataSource.query(
        "UPDATE parked_events SET state = 'FAILED', error = $2, attempts = attempts + 1 WHERE id = $1",
        [row.id, describe(error)],
      );
      return { result: 'FAILED', error: describe(error), released: 0, stillParked: await this.remaining(row) };
    }
    this.log.info({ consumer: row.consumer, eventId: row.event_id }, 'parked event applied on retry');
    return { result: 'APPLIED', error: null, ...(await this.release(row)) };
  }

  /** Drops a parked event for good (it is never applied), then applies what was held behind it. */
  async discard(id: string): Promise<ParkedOutcome> {
    const row = await this.head(id);
    await this.dataSource.query('DELETE FROM parked_events WHERE id = $1', [row.id]);
    this.log.warn({ consumer: row.consumer, eventId: row.event_id, type: row.event_type }, 'parked event discarded');
    return { result: 'DISCARDED', error: null, ...(await this.release(row)) };
  }

  /** The parked event, which must be the first of its key (a held one waits for the one before). */
  private async head(id: string): Promise<Row> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('Parked event', id);
    const [row] = (await this.dataSource.query('SELECT * FROM parked_events WHERE id = $1', [id])) as Row[];
    if (!row) throw notFound('Parked event', id);
    if (row.ordering_key) {
      const [first] = (await this.dataSource.query(
        'SELECT id FROM parked_events WHERE consumer = $1 AND ordering_key = $2 ORDER BY stream_seq LIMIT 1',
        [row.consumer, row.ordering_key],
      )) as { id: string }[];
      if (first && first.id !== row.id) {
        throw conflict(`Parked event ${id} is held behind parked event ${first.id}: retry or discard that one first`, {
          heldBehind: first.id,
        });
      }
    }
    return row;
  }

  private handlerOf(row: Row): EventHandler {
    const handler = this.handlers.get(row.consumer)?.(row.event_type);
    if (!handler) {
      throw new AppError(
        ErrorCode.CONFLICT,
        `No consumer ${row.consumer} handles ${row.event_type} in this service any more: discard the event`,
      );
    }
    return handler;
  }

  /** Applies one parked event and removes it, in one transaction. */
  private async applyParked(row: Row, handler: EventHandler): Promise<void> {
    let emitted = 0;
    await this.dataSource.transaction(async (manager) => {
      if (row.ordering_key) await lockKey(manager, row.consumer, row.ordering_key);
      const [{ n: gone }] = (await manager.query(
        'WITH gone AS (DELETE FROM parked_events WHERE id = $1 RETURNING 1) SELECT count(*)::int AS n FROM gone',
        [row.id],
      )) as [{ n: number }];
      if (gone === 0) return; // another admin (or replica) did it meanwhile
      emitted = (await applyIn(manager, row.consumer, row.envelope, handler)).emitted;
    });
    if (emitted > 0) this.relay.wake();
  }

  /** Applies the events held behind `row`'s key in stream order, stopping at one that fails (it is parked FAILED). */
  private async release(row: Row): Promise<{ released: number; stillParked: number }> {
    let released = 0;
    if (!row.ordering_key) return { released, stillParked: 0 };
    for (;;) {
      const [next] = (await this.dataSource.query(
        'SELECT * FROM parked_events WHERE consumer = $1 AND ordering_key = $2 ORDER BY stream_seq LIMIT 1',
        [row.consumer, row.ordering_key],
      )) as Row[];
      if (!next) break;
      if (next.state === 'FAILED') break; // parked on its own: an admin decides
      const handler = this.handlers.get(next.consumer)?.(next.event_type);
      try {
        if (!handler) throw new Error(`no handler for ${next.event_type} any more`);
        await this.applyParked(next, handler);
        released++;
      } catch (error) {
        if (outageOf(error).outage) throw error;
        await this.dataSource.query(
          "UPDATE parked_events SET state = 'FAILED', error = $2, attempts = attempts + 1 WHERE id = $1",
          [next.id, describe(error)],
        );
        this.log.error(
          { alert: 'event_parked', consumer: next.consumer, eventId: next.event_id, type: next.event_type, err: error },
          `EVENT PARKED: ${next.consumer} could not apply held event ${next.event_type} ${next.event_id}`,
        );
        break;
      }
    }
    return { released, stillParked: await this.remaining(row) };
  }

  private async remaining(row: Row): Promise<number> {
    if (!row.ordering_key)
      return (await this.dataSource.query('SELECT 1 FROM parked_events WHERE id = $1', [row.id])).length;
    const [count] = (await this.dataSource.query(
      'SELECT count(*)::int AS n FROM parked_events WHERE consumer = $1 AND ordering_key = $2',
      [row.consumer, row.ordering_key],
    )) as { n: number }[];
    return count?.n ?? 0;
  }
}

/** The inbox row, the effect and the events it emits, in the caller's transaction. */
async function applyIn(
  manager: EntityManager,
  consumer: string,
  event: AnyEventEnvelope,
  handler: EventHandler,
): Promise<{ applied: boolean; emitted: number }> {
  const inserted = (await manager.query(
    'INSERT INTO inbox (consumer, event_id, type) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING event_id',
    [consumer, event.id, event.type],
  )) as unknown[];
  if (inserted.length === 0) return { applied: false, emitted: 0 };
  const events: AnyEventEnvelope[] = [];
  await handler(event, { manager, emit: (...more) => events.push(...more) });
  await writeToOutbox(manager, events);
  return { applied: true, emitted: events.length };
}
