import type { DataSource } from 'typeorm';
import { DUPLICATE_WINDOW_MS } from '../bus/nats-bus';
import type { Logger } from '../logger';

/** How long rows are kept (docs/operations.md "How long rows are kept"). */
export interface RetentionSettings {
  /**
   * Inbox rows are kept the stream's duplicate window (10 min) plus this margin: a redelivery
   * (a crash before the acknowledgement, a server that lost acknowledgements) comes within
   * seconds to minutes; the margin covers a consumer stopped for a long maintenance.
   */
  inboxMarginMs: number;
  /** Published outbox rows are kept this long for inspection. */
  outboxKeepMs: number;
  /** Rows removed per statement (short transactions, no long locks). */
  batchSize: number;
  /** Between rounds. */
  intervalMs: number;
}

export const DEFAULT_RETENTION: RetentionSettings = {
  inboxMarginMs: 24 * 3600_000,
  outboxKeepMs: 3600_000,
  batchSize: 5_000,
  intervalMs: 5 * 60_000,
};

/**
 * Prunes the platform's tables in bounded batches: inbox rows older than the duplicate window
 * plus a margin, outbox rows published longer ago than the keep time. Replicas may run it at
 * once: deletes are idempotent, and each batch is its own short statement.
 */
export class Housekeeping {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  readonly settings: RetentionSettings;

  constructor(
    private readonly dataSource: DataSource,
    private readonly log: Logger,
    settings: Partial<RetentionSettings> = {},
    private readonly onPruned: (table: 'inbox' | 'outbox', rows: number) => void = () => undefined,
  ) {
    this.settings = { ...DEFAULT_RETENTION, ...settings };
  }

  start(): void {
    const round = () => {
      this.running = this.pruneAll()
        .catch((error: unknown) => this.log.warn({ err: error }, 'housekeeping failed; tries again next round'))
        .finally(() => {
          this.running = null;
          if (this.timer) this.timer = setTimeout(round, this.settings.intervalMs).unref();
        });
    };
    // First round soon after start (not at once: start-up has more urgent work), then regularly.
    this.timer = setTimeout(round, Math.min(30_000, this.settings.intervalMs)).unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One round: both tables to their limits. Returns the rows removed per table. */
  async pruneAll(now = Date.now()): Promise<{ inbox: number; outbox: number }> {
    const inboxBefore = new Date(now - DUPLICATE_WINDOW_MS - this.settings.inboxMarginMs);
    const outboxBefore = new Date(now - this.settings.outboxKeepMs);
    const inbox = await this.pruneInBatches(
      'inbox',
      `WITH gone AS (DELETE FROM inbox WHERE (consumer, event_id) IN (
         SELECT consumer, event_id FROM inbox WHERE processed_at < $1 LIMIT $2) RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      inboxBefore,
    );
    const outbox = await this.pruneInBatches(
      'outbox',
      `WITH gone AS (DELETE FROM outbox WHERE seq IN (
         SELECT seq FROM outbox WHERE published_at IS NOT NULL AND published_at < $1 LIMIT $2) RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      outboxBefore,
    );
    if (inbox + outbox > 0) this.log.info({ inbox, outbox }, 'housekeeping pruned rows');
    return { inbox, outbox };
  }

  private async pruneInBatches(table: 'inbox' | 'outbox', sql: string, before: Date): Promise<number> {
    let total = 0;
    for (;;) {
      const [row] = (await this.dataSource.query(sql, [before, this.settings.batchSize])) as { n: number }[];
      const removed = row?.n ?? 0;
      total += removed;
      if (removed > 0) this.onPruned(table, removed);
      if (removed < this.settings.batchSize) return total;
    }
  }
}
