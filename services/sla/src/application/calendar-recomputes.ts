import type { Clock, Logger, Transactions } from '@reglament/shared/platform';
import type { SlaPolicy } from '../domain/policy';
import type { CalendarCatalog } from './calendar-catalog';
import type { TicketClocks } from './ticket-clocks';

export interface CalendarRecomputesOptions {
  transactions: Transactions;
  clocks: TicketClocks;
  catalog: CalendarCatalog;
  policies: ReadonlyMap<string, SlaPolicy>;
  clock: Clock;
  log: Logger;
  /** Tickets per transaction. */
  batchSize?: number;
  /** How often a replica looks for jobs another one left (it died mid-way). */
  pollMs?: number;
}

interface Job {
  id: string;
  calendar_id: string;
  cause_event_id: string | null;
  after_ticket_id: string | null;
}

/**
 * Recomputes the open tickets of a changed production calendar (R-SLA-2) in bounded batches:
 * each batch is one transaction that holds the job row (FOR UPDATE SKIP LOCKED, so replicas never
 * share a job), recomputes up to `batchSize` tickets in ticket id order and moves the cursor. A
 * crash rolls back one batch, events included; the next look resumes at the cursor. Every moved
 * deadline is published as `sla.timer.deadline_changed`, caused by the import event.
 */
export class CalendarRecomputes {
  private running: Promise<number> | null = null;
  private again = false;
  private poll: NodeJS.Timeout | null = null;
  private stopped = true;

  constructor(private readonly options: CalendarRecomputesOptions) {}

  start(): void {
    this.stopped = false;
    this.poll = setInterval(() => this.wake(), this.options.pollMs ?? 60_000);
    this.poll.unref();
    this.wake();
  }

  /** Look for pending jobs now (after an import on this replica, at start, on the poll). */
  wake(): void {
    if (this.stopped) return;
    void this.runPending().catch((error: unknown) =>
      this.options.log.error({ err: error }, 'calendar recompute failed; the job stays pending'),
    );
  }

  /** Runs pending jobs to the end; answers how many tickets it recomputed. */
  runPending(): Promise<number> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let total = 0;
      do {
        this.again = false;
        for (let done = await this.batch(); done !== null; done = await this.batch()) total += done;
      } while (this.again && !this.stopped);
      return total;
    })().finally(() => (this.running = null));
    return this.running;
  }

  /** One batch of one job; null when no job is left to claim. */
  private batch(): Promise<number | null> {
    const { transactions, clocks, catalog, clock } = this.options;
    const size = this.options.batchSize ?? 50;
    return transactions.run(async (tx) => {
      const [job] = (await tx.manager.query(
        `SELECT id, calendar_id, cause_event_id, after_ticket_id FROM sla_calendar_recomputes
         WHERE done_at IS NULL ORDER BY requested_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
      )) as Job[];
      if (!job) return null;
      await catalog.refresh(tx.manager);
      const calendars = new Set(catalog.calendarsUsing(job.calendar_id));
      const presets = [...this.options.policies.values()]
        .filter((p) => calendars.has(p.calendarId))
        .map((p) => p.preset);
      const tickets = (await tx.manager.query(
        `SELECT ticket_id FROM sla_tickets
         WHERE NOT closed AND preset = ANY($1::text[]) AND ($2::uuid IS NULL OR ticket_id > $2)
         ORDER BY ticket_id LIMIT $3`,
        [presets, job.after_ticket_id, size],
      )) as { ticket_id: string }[];
      const now = clock.now();
      const origin = {
        source: 'sla',
        occurredAt: now,
        ...(job.cause_event_id ? { correlationId: job.cause_event_id, causationId: job.cause_event_id } : {}),
      };
      for (const { ticket_id: ticketId } of tickets) await clocks.recompute(tx, ticketId, now.getTime(), origin);
      const last = tickets.at(-1)?.ticket_id ?? job.after_ticket_id;
      await tx.manager.query(
        `UPDATE sla_calendar_recomputes
         SET after_ticket_id = $2, recomputed = recomputed + $3, done_at = CASE WHEN $4 THEN $5::timestamptz END
         WHERE id = $1`,
        [job.id, last, tickets.length, tickets.length < size, now],
      );
      if (tickets.length < size) this.options.log.info({ calendar: job.calendar_id }, 'calendar recompute done');
      return tickets.length;
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.poll) clearInterval(this.poll);
    await this.running?.catch(() => undefined);
  }
}
