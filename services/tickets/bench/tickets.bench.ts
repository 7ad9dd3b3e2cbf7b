/**
 * Tickets service figures on real PostgreSQL and NATS (not a test: numbers, no assertions):
 *   pnpm --filter @reglament/tickets bench
 * Two instances on one database (as two replicas): concurrent registrations (their
 * numbers come from a per-year sequence), a move on each ticket, and a page of 100 tickets with
 * messages, history, attachments, requester and assignee.
 */
import { performance } from 'node:perf_hooks';
import { TicketsHarness } from '../test/support/harness';

const TICKETS = Number(process.env.BENCH_TICKETS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const PAGES = 50;

async function timed<T>(jobs: (() => Promise<T>)[], concurrency: number) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++]!;
        const t0 = performance.now();
        await job();
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(1);
  return { perSecond: (jobs.length / seconds).toFixed(0), p50: at(0.5), p99: at(0.99) };
}

async function main(): Promise<void> {
  const h = await TicketsHarness.start({ instances: 2 });
  try {
    const t = await h.tenant();
    const ids: string[] = [];
    const fail = (r: { errors?: unknown[] }) => {
      if (r.errors) throw new Error(JSON.stringify(r.errors));
    };
    const register = await timed(
      Array.from({ length: TICKETS }, (_, i) => async () => {
        const r = await h.gql<{ registerTicket: { id: string } }>(
          t.customer,
          `mutation($c: ID!, $title: String!) { registerTicket(input: { contractId: $c, channel: PORTAL, title: $title,
             description: "bench" }) { id } }`,
          { c: t.contractId, title: `Bench ${i}` },
          i % 2,
        );
        fail(r);
        ids.push(r.data!.registerTicket.id);
      }),
      CONCURRENCY,
    );
    const acknowledge = await timed(
      ids.map((id, i) => async () => {
        fail(
          await h.gql(
            h.staff.DISPATCHER,
            `mutation($id: ID!) { acknowledgeTicket(id: $id, message: "On it") { id } }`,
            { id },
            i % 2,
          ),
        );
      }),
      CONCURRENCY,
    );
    const page = await timed(
      Array.from({ length: PAGES }, (_, i) => async () => {
        fail(
          await h.gql(
            h.staff.DISPATCHER,
            `{ tickets(first: 100, orderBy: REGISTERED_AT_DESC) { totalCount edges { node { number
               requester { fullName } assignee { fullName } messages { body } history { type actor } attachments { name } } } } }`,
            {},
            i % 2,
          ),
        );
      }),
      4,
    );
    const rows = [
      ['operation', 'count', 'concurrency', 'per second', 'p50 ms', 'p99 ms'],
      ['registerTicket (2 instances)', TICKETS, CONCURRENCY, register.perSecond, register.p50, register.p99],
      ['acknowledgeTicket', TICKETS, CONCURRENCY, acknowledge.perSecond, acknowledge.p50, acknowledge.p99],
      ['tickets(first: 100) + 5 lists/refs', PAGES, 4, page.perSecond, page.p50, page.p99],
    ];
    process.stdout.write(`${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}\n`);
  } finally {
    await h.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${String(error instanceof Error ? error.stack : error)}\n`);
    process.exit(1);
  },
);
