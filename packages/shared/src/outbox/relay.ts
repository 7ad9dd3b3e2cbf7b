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
  private lastCleanup = 0;

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
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const published = await this.publishBatch();
      total += published;
      if (published === 0 || this.stopped) break;
    }
    await this.cleanup();
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

  /** Published rows are kept a week for inspection, then removed. */
  private async cleanup(): Promise<void> {
    const now = Date.now();
    if (now - this.lastCleanup < 3600_000) return;
    this.lastCleanup = now;
    await this.options.dataSource.query(
      "DELETE FROM outbox WHERE published_at IS NOT NULL AND published_at < now() - interval '7 days'",
    );
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }
}
