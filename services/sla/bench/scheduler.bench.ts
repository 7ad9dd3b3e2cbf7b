/**
 * Scheduler benchmark (issue 6): with 1,000,000 open timers,
 *  - idle database load: what the scheduler reads while nothing is due (scans, queries),
 *  - latency: how late a due timer fires, from its instant to its event on NATS,
 *  - the cost of the scheduler's queries at that size (EXPLAIN ANALYZE).
 * Real PostgreSQL and NATS (TEST_DATABASE_URL / TEST_NATS_URL or the local defaults).
 *   pnpm --filter @reglament/sla bench:scheduler [timers=1000000] [idleSeconds=60]
 */
import { newId } from '@reglament/shared/domain';
import {
  closePlatform,
  createLogger,
  createPlatform,
  type DeliveredEvent,
  NatsEventBus,
} from '@reglament/shared/platform';
import { createTestDatabase, createTestNats, TEST_SECRET } from '@reglament/shared/testing';
import { Client } from 'pg';
import { startSla } from '../src/app';
import { TicketEvents } from '../test/integration/ticket-events';

const TIMERS = Number(process.argv[2] ?? 1_000_000);
const IDLE_SECONDS = Number(process.argv[3] ?? 60);
const DUE_TICKETS = 200;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main(): Promise<void> {
  const db = await createTestDatabase();
  const nats = createTestNats();
  const log = createLogger('bench', 'silent');
  const platform = await createPlatform({
    name: 'sla',
    natsUrl: nats.url,
    eventPrefix: nats.prefix,
    internalSecret: TEST_SECRET,
    testClock: false,
    logLevel: 'silent',
  });
  const sla = await startSla(platform, { port: 0, databaseUrl: db.url, dataDir: '.data/unused' });
  const pg = new Client({ connectionString: db.url });
  await pg.connect();
  await pg.query('SET search_path TO sla');
  try {
    // 1. A million open timers, due over the next 30 days (as if 1M tickets had running clocks).
    const t0 = Date.now();
    await pg.query(
      `
      INSERT INTO sla_timers (id, ticket_id, organization_id, contract_id, policy_id, metric, party, cycle, status,
                              category, priority, started_at, deadline, warn_at, next_due_at)
      SELECT gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 'asmo', 'RESOLUTION', 'PROVIDER', 1,
             'RUNNING', 'ERROR', 'NORMAL', now(), d + interval '2 hours', d, d
      FROM (SELECT now() + interval '1 hour' + (random() * interval '30 days') AS d FROM generate_series(1, $1)) s`,
      [TIMERS],
    );
    await pg.query('ANALYZE sla_timers');
    const loadSeconds = (Date.now() - t0) / 1000;
    sla.app.scheduler.wake();
    await new Promise((r) => setTimeout(r, 2000));

    // 2. Idle: nothing due for an hour. What does the scheduler cost the database?
    const stats = async () =>
      (
        await pg.query<{ seq_scan: string; idx_scan: string; idx_tup_fetch: string }>(
          `SELECT seq_scan, idx_scan, idx_tup_fetch FROM pg_stat_user_tables WHERE relname = 'sla_timers'`,
        )
      ).rows[0]!;
    const before = await stats();
    const xactBefore = (
      await pg.query<{ xact_commit: string }>(
        `SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()`,
      )
    ).rows[0]!;
    await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
    const after = await stats();
    const xactAfter = (
      await pg.query<{ xact_commit: string }>(
        `SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()`,
      )
    ).rows[0]!;

    const plan = (
      await pg.query(
        `EXPLAIN (ANALYZE, BUFFERS) SELECT min(next_due_at) AS due FROM sla_timers WHERE next_due_at IS NOT NULL`,
      )
    ).rows
      .map((r: Record<string, string>) => r['QUERY PLAN'])
      .join('\n');
    const duePlan = (
      await pg.query(
        `EXPLAIN ANALYZE SELECT ticket_id, min(next_due_at) AS due FROM sla_timers WHERE next_due_at IS NOT NULL AND next_due_at <= now() GROUP BY ticket_id ORDER BY due LIMIT 100`,
      )
    ).rows
      .map((r: Record<string, string>) => r['QUERY PLAN'])
      .join('\n');

    // 3. Latency: 200 real tickets whose auto-close (14 calendar days after the solution) comes due over the
    //    next 20 seconds, among the million. Measured from the due instant to the event arriving on NATS.
    const bus = await NatsEventBus.connect({ url: nats.url, prefix: nats.prefix, name: 'bench', log });
    const due = new Map<string, number>();
    const latencies: number[] = [];
    const tail = await bus.tail({
      domain: 'sla',
      onEvent: (d: DeliveredEvent) => {
        if (d.event.type !== 'sla.ticket.auto_close_due') return;
        const at = due.get((d.event.data as { ticketId: string }).ticketId);
        if (at !== undefined) latencies.push(Date.now() - at);
      },
    });
    const start = Date.now() + 5_000;
    for (let i = 0; i < DUE_TICKETS; i++) {
      const dueAt = start + Math.floor((i / DUE_TICKETS) * 20_000);
      const solvedAt = new Date(dueAt - 14 * 24 * 3600_000).toISOString();
      const registeredAt = new Date(dueAt - 15 * 24 * 3600_000).toISOString();
      const t = new TicketEvents({ organizationId: newId(), contractId: newId(), preset: 'altec-8x5x4' });
      due.set(t.ticketId, dueAt);
      await bus.publish(t.registered(registeredAt));
      await bus.publish(
        t.move('TRIAGE', registeredAt, { category: 'SUPPORT', priority: 'LOW', plannedResolutionAt: solvedAt }),
      );
      await bus.publish(t.move('PROVIDE_SOLUTION', solvedAt));
    }
    const deadline = start + 20_000 + 15_000;
    while (latencies.length < DUE_TICKETS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    await tail.stop();
    await bus.close();
    latencies.sort((a, b) => a - b);

    const report = {
      timers: TIMERS,
      loadSeconds,
      idleSeconds: IDLE_SECONDS,
      idle: {
        seqScans: Number(after.seq_scan) - Number(before.seq_scan),
        indexScans: Number(after.idx_scan) - Number(before.idx_scan),
        indexTuplesFetched: Number(after.idx_tup_fetch) - Number(before.idx_tup_fetch),
        transactionsPerSecond: (Number(xactAfter.xact_commit) - Number(xactBefore.xact_commit)) / IDLE_SECONDS,
      },
      firing: {
        fired: latencies.length,
        of: DUE_TICKETS,
        p50ms: latencies.length ? percentile(latencies, 50) : null,
        p99ms: latencies.length ? percentile(latencies, 99) : null,
        maxMs: latencies.at(-1) ?? null,
      },
    };
    process.stdout.write(
      `${JSON.stringify(report, null, 2)}\n\nmin(next_due_at) at ${TIMERS} timers:\n${plan}\n\nDue claim:\n${duePlan}\n`,
    );
  } finally {
    await pg.end();
    await sla.stop();
    await closePlatform(platform);
    await nats.destroy();
    await db.drop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
