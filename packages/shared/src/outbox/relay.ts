import type { DataSource } from 'typeorm';
import type { EventBus } from '../bus/event-bus';
import type { AnyEventEnvelope } from '../events/envelope';
import type { Logger } from '../logger';

export interface RelayOptions {
  dataSource: DataSource;
  bus: EventBus;
  log: Logger;
  /** Fallback poll for rows written by other replicas or left by a crash. */
  pollMs?: number;
  batchSize?: number;
  /** Embedded PGlite has no concurrent relays and no advisory locks are needed. */
  singleProcess?: boolean;
  /** Fault injection for tests: runs after publishing, before the rows are marked published. */
  afterPublish?: (events: AnyEventEnvelope[]) => Promise<void>;
}

/**
 * Publishes outbox rows in commit order. One relay at a time holds the outbox (a transaction
 * advisory lock), so order is kept across replicas; a row is marked published only after
 * JetStream acknowledged it. A crash before the mark republishes it with the same
 * Nats-Msg-Id, which the stream de-duplicates (and inboxes would drop anyway).
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(private readonly options: RelayOptions) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.drain()
        .then(() => undefined)
        .catch((error: unknown) => this.options.log.error({ err: error }, 'outbox relay failed; will retry'))
        .finally(() => {
          this.running = null;
          if (this.stopped) return;
          const next = this.again ? 0 : (this.options.pollMs ?? 500);
          this.again = false;
          this.schedule(next);
        });
    }, ms);
  }

  /** Publishes until the outbox is empty. Returns the number of events published. */
  async drain(evenWhenStopped = false): Promise<number> {
    let total = 0;
    for (;;) {
      const published = await this.publishBatch();
      total += published;
      if (published === 0 || (this.stopped && !evenWhenStopped)) break;
    }
    return total;
  }

  private async publishBatch(): Promise<number> {
    const { dataSource, bus } = this.options;
    return dataSource.transaction(async (manager) => {
      if (!this.options.singleProcess) {
        const [lock] = (await manager.query(
          // One lock per schema (= per service): advisory locks are per database, and the services
          // may share one database; only replicas of the same service take turns.
          "SELECT pg_try_advisory_xact_lock(hashtext('outbox-relay:' || current_schema())) AS locked",
        )) as {
          locked: boolean;
        }[];
        if (!lock?.locked) return 0; // another replica is relaying
      }
      const rows = (await manager.query(
        'SELECT seq, payload FROM outbox WHERE published_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE',
        [this.options.batchSize ?? 100],
      )) as { seq: number; payload: AnyEventEnvelope }[];
      if (rows.length === 0) return 0;
      for (const row of rows) await bus.publish(row.payload);
      await this.options.afterPublish?.(rows.map((r) => r.payload));
      await manager.query('UPDATE outbox SET published_at = now() WHERE seq = ANY($1)', [rows.map((r) => r.seq)]);
      return rows.length;
    });
  }

  /**
   * Stops polling and publishes what is committed (SIGTERM: requests and consumers have
   * stopped by now, so nothing new comes). Bounded: with NATS down the rows stay for the next
   * start (or another replica) and the process still exits.
   */
  async stop(drainWithinMs = 5_000): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
    if (!this.options.bus.isHealthy()) return;
    try {
      let timeout: NodeJS.Timeout | undefined;
      const published = await Promise.race([
        this.drain(true),
        new Promise<null>((resolve) => (timeout = setTimeout(() => resolve(null), drainWithinMs))),
      ]).finally(() => clearTimeout(timeout));
      if (published === null) this.options.log.warn('outbox relay: drain on stop ran out of time; rows stay');
      else if (published > 0) this.options.log.info({ published }, 'outbox relay drained on stop');
    } catch (error) {
      this.options.log.warn({ err: error }, 'outbox relay: drain on stop failed; rows stay for the next start');
    }
  }
}
