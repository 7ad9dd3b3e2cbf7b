import type { Clock, Logger, Transactions } from '@reglament/shared/platform';
import type { TicketClocks } from './ticket-clocks';

export interface SchedulerOptions {
  transactions: Transactions;
  clocks: TicketClocks;
  clock: Clock;
  log: Logger;
  /** The longest it sleeps without looking (other replicas may add earlier timers). */
  maxSleepMs?: number;
  batchSize?: number;
  /** Clocks of other kinds fired by the same loop (the advisory fix clocks, R-SLA-6). */
  others?: readonly DueClocks[];
}

/** A kind of clock with its own due instants. */
export interface DueClocks {
  /** The earliest due instant (ms), or null. */
  nextDue(): Promise<number | null>;
  /** Fires what is due up to `upTo`; returns how many clocks moved. */
  fireDue(upTo: number): Promise<number>;
}

interface DueTicket {
  ticket_id: string;
  due: Date;
}

/**
 * Fires due instants (warnings, deadlines, auto-close) exactly once. Due instants are
 * `sla_timers.next_due_at` under a partial index: the scheduler reads only due rows and the
 * earliest future one, never scans. Replicas claim tickets with FOR UPDATE SKIP LOCKED, and a
 * ticket is evaluated at each of its due instants in turn, so a jump of the clock fires the
 * warning before the breach, each with its own instant.
 */
export class SlaScheduler {
  private timer: NodeJS.Timeout | null = null;
  private sleepingUntil: number | null = null;
  private running: Promise<number> | null = null;
  private stopped = true;
  private detachClock: (() => void) | null = null;
  fired = 0;

  constructor(private readonly options: SchedulerOptions) {}

  start(): void {
    this.stopped = false;
    this.detachClock = this.options.clock.onChange(() => this.wake());
    this.wake();
  }

  /** Look now (or when `at` comes, if it is earlier than the current plan). */
  wake(at?: number): void {
    if (this.stopped) return;
    if (at !== undefined && this.sleepingUntil !== null && at >= this.sleepingUntil) return;
    this.plan(at === undefined ? 0 : Math.max(0, at - this.options.clock.nowMs()));
  }

  private plan(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    const delay = Math.min(delayMs, this.options.maxSleepMs ?? 30_000);
    this.sleepingUntil = this.options.clock.nowMs() + delay;
    this.timer = setTimeout(() => void this.tick(), delay);
  }

  private async tick(): Promise<void> {
    this.timer = null;
    this.sleepingUntil = null;
    try {
      await this.runDue();
      if (this.stopped) return;
      const next = await this.nextDue();
      // Still due means other replicas hold those tickets: look again shortly, do not spin.
      this.plan(next === null ? Infinity : Math.max(100, next - this.options.clock.nowMs()));
    } catch (error) {
      this.options.log.error({ err: error }, 'SLA scheduler failed; retrying');
      if (!this.stopped) this.plan(1_000);
    }
  }

  /** Tickets whose due instant has passed, not yet fired (bounded count; a metric). */
  async dueBacklog(): Promise<number> {
    const [row] = (await this.options.transactions.dataSource.query(
      'SELECT count(*)::int AS n FROM (SELECT 1 FROM sla_timers WHERE next_due_at <= $1 LIMIT 10000) due',
      [this.options.clock.now()],
    )) as { n: number }[];
    return row?.n ?? 0;
  }

  /** Seconds since the earliest unfired due instant passed (0: nothing overdue; a metric). */
  async latenessSeconds(): Promise<number> {
    const due = await this.nextDue();
    if (due === null) return 0;
    return Math.max(0, (this.options.clock.now().getTime() - due) / 1000);
  }

  /** The earliest due instant of every kind of clock (index-only lookups). */
  async nextDue(): Promise<number | null> {
    const [row] = (await this.options.transactions.dataSource.query(
      'SELECT min(next_due_at) AS due FROM sla_timers WHERE next_due_at IS NOT NULL',
    )) as { due: Date | null }[];
    const dues = [row?.due ? new Date(row.due).getTime() : null];
    for (const other of this.options.others ?? []) dues.push(await other.nextDue());
    const known = dues.filter((d): d is number => d !== null);
    return known.length ? Math.min(...known) : null;
  }

  /** Fires everything due up to now; returns how many ticket evaluations ran. */
  runDue(): Promise<number> {
    // One pass at a time per process; callers (the clock, the test clock's advance) share it.
    if (this.running) return this.running.then(() => this.runDue());
    const upTo = this.options.clock.nowMs();
    this.running = (async () => {
      let fired = await this.fireDue(upTo);
      for (const other of this.options.others ?? []) fired += await other.fireDue(upTo);
      return fired;
    })().finally(() => (this.running = null));
    return this.running;
  }

  private async fireDue(upTo: number): Promise<number> {
    let evaluations = 0;
    const passes = new Map<string, number>();
    const { transactions, clocks } = this.options;
    // Tickets another replica holds right now: passed over in this pass (their holder fires them),
    // so a handful of locked tickets never starves the ones behind them.
    const skipped = new Set<string>();
    for (;;) {
      // A range scan of the partial index in due order, a bounded batch: never an aggregate over
      // every due row, however large a backlog a clock jump or a downtime left.
      const rows = (await transactions.dataSource.query(
        `SELECT ticket_id, next_due_at AS due FROM sla_timers
         WHERE next_due_at IS NOT NULL AND next_due_at <= $1 AND NOT (ticket_id = ANY($3::uuid[]))
         ORDER BY next_due_at LIMIT $2`,
        [new Date(upTo), (this.options.batchSize ?? 100) * 4, [...skipped]],
      )) as DueTicket[];
      const due = [...new Map(rows.map((row) => [row.ticket_id, row])).values()].slice(
        0,
        this.options.batchSize ?? 100,
      );
      if (due.length === 0) return evaluations;
      for (const { ticket_id: ticketId } of due) {
        // A ticket's due instants strictly increase; this guards against a bug looping forever.
        const seen = (passes.get(ticketId) ?? 0) + 1;
        passes.set(ticketId, seen);
        if (seen > 100) {
          this.options.log.error({ ticketId }, 'a ticket stays due after 100 evaluations; skipped');
          continue;
        }
        const done = await transactions.run(async (tx) => {
          // Claimed by another replica? Skip it; it fires it.
          const [current] = (await tx.manager.query(
            `SELECT t.ticket_id, (SELECT min(next_due_at) FROM sla_timers WHERE ticket_id = t.ticket_id) AS due
             FROM sla_tickets t WHERE t.ticket_id = $1 FOR UPDATE SKIP LOCKED`,
            [ticketId],
          )) as DueTicket[];
          if (!current) {
            // Claimed by another replica right now, or a timer without its ticket (never expected):
            // the latter must not stay due forever.
            const orphan = (await tx.manager.query('SELECT 1 FROM sla_tickets WHERE ticket_id = $1', [
              ticketId,
            ])) as unknown[];
            if (orphan.length === 0) {
              this.options.log.warn({ ticketId }, 'due timers without a ticket: unscheduled');
              await tx.manager.query('UPDATE sla_timers SET next_due_at = NULL WHERE ticket_id = $1', [ticketId]);
            }
            return false;
          }
          if (!current.due || new Date(current.due).getTime() > upTo) return false;
          const at = new Date(current.due).getTime();
          return clocks.recompute(tx, ticketId, at, { source: 'sla', occurredAt: new Date(at) }, true);
        });
        if (done) {
          evaluations++;
          this.fired++;
        } else {
          skipped.add(ticketId);
        }
      }
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.detachClock?.();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }
}
