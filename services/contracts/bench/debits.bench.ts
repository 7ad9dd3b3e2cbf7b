/**
 * Prepaid debits against ONE balance (the worst case: every debit takes the same row lock),
 * then against 100 balances in parallel (10 each: the common case, issue 21's goal),
 * on a real PostgreSQL (a database of its own, dropped afterwards), through the application
 * layer with the service's own pool of 10 connections. A script, not a test:
 *   pnpm --filter @reglament/contracts bench:debits      (TEST_DATABASE_URL overrides the server)
 */
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { ADMIN, ContractsHarness, customer, ENGINEER } from '../test/support/harness';

const ROUNDS = 3;
const DEBITS = 1000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function round(h: ContractsHarness, withKeys: boolean) {
  const { contract } = await customer(h.app, 'infocraft-365', { startsOn: '2025-01-01', endsOn: '2025-12-31' });
  await h.app.prepaid.addPackage(ADMIN, {
    contractId: contract.id,
    kind: 'SUBSCRIPTION',
    minutesPerMonth: DEBITS,
    startsOn: '2025-03-01',
    endsOn: null,
    allowOverdraft: false,
    reactionWorkingMinutes: null,
  });
  const ticket = await h.ticket(contract, 'SUPPORT');
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: DEBITS }, async (_, i) => {
      const t0 = performance.now();
      await h.app.timeLogging.logTime(ENGINEER, {
        ticketId: ticket.ticketId,
        minutes: 1,
        note: null,
        serviceCode: null,
        idempotencyKey: withKeys ? `k-${i}` : null,
        overrideCustomizationCap: false,
      });
      latencies.push(performance.now() - t0);
    }),
  );
  const elapsed = performance.now() - started;
  const remaining = (await h.app.prepaidReads.balances([contract])).get(contract.id)!.remaining;
  if (remaining !== 0) throw new Error(`balance should be 0 after ${DEBITS} debits, is ${remaining}`);
  latencies.sort((a, b) => a - b);
  return {
    perSecond: (DEBITS / elapsed) * 1000,
    elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

/** 100 contracts, 10 one-minute debits each, all 1,000 at once; every balance checked exact. */
async function spread(h: ContractsHarness) {
  const CONTRACTS = 100;
  const EACH = DEBITS / CONTRACTS;
  const tickets: {
    contract: Awaited<ReturnType<typeof customer>>['contract'];
    ticket: Awaited<ReturnType<ContractsHarness['ticket']>>;
  }[] = [];
  for (let c = 0; c < CONTRACTS; c++) {
    const { contract } = await customer(h.app, 'infocraft-365', { startsOn: '2025-01-01', endsOn: '2025-12-31' });
    await h.app.prepaid.addPackage(ADMIN, {
      contractId: contract.id,
      kind: 'SUBSCRIPTION',
      minutesPerMonth: 600,
      startsOn: '2025-03-01',
      endsOn: null,
      allowOverdraft: false,
      reactionWorkingMinutes: null,
    });
    tickets.push({ contract, ticket: await h.ticket(contract, 'SUPPORT') });
  }
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: DEBITS }, async (_, i) => {
      const t0 = performance.now();
      await h.app.timeLogging.logTime(ENGINEER, {
        ticketId: tickets[i % CONTRACTS]!.ticket.ticketId,
        minutes: 1,
        note: null,
        serviceCode: null,
        idempotencyKey: null,
        overrideCustomizationCap: false,
      });
      latencies.push(performance.now() - t0);
    }),
  );
  const elapsed = performance.now() - started;
  const balances = await h.app.prepaidReads.balances(tickets.map((t) => t.contract));
  for (const { contract } of tickets) {
    const remaining = balances.get(contract.id)!.remaining;
    if (remaining !== 600 - EACH) throw new Error(`contract ${contract.id}: ${remaining} left, expected ${600 - EACH}`);
  }
  latencies.sort((a, b) => a - b);
  return {
    perSecond: (DEBITS / elapsed) * 1000,
    elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

async function main(): Promise<void> {
  const h = await ContractsHarness.start();
  try {
    h.setClock('2025-03-10T09:00:00+03:00');
    process.stdout.write(`${cpus().length} x ${cpus()[0]?.model ?? '?'}, Node ${process.version}\n`);
    for (const withKeys of [false, true]) {
      const results = [];
      for (let i = 0; i < ROUNDS; i++) results.push(await round(h, withKeys));
      const best = results.reduce((a, b) => (a.perSecond > b.perSecond ? a : b));
      process.stdout.write(
        `${DEBITS} concurrent 1-minute debits, one balance, ${withKeys ? 'with' : 'without'} idempotency keys: ` +
          `best of ${ROUNDS}: ${best.perSecond.toFixed(0)} debits/s (${best.elapsed.toFixed(0)} ms), ` +
          `latency p50 ${best.p50.toFixed(0)} ms, p99 ${best.p99.toFixed(0)} ms (queued behind the lock)\n`,
      );
    }
    const results = [];
    for (let i = 0; i < ROUNDS; i++) results.push(await spread(h));
    const best = results.reduce((a, b) => (a.perSecond > b.perSecond ? a : b));
    process.stdout.write(
      `${DEBITS} concurrent 1-minute debits on 100 contracts (10 each), every balance exact: best of ${ROUNDS}: ` +
        `${best.perSecond.toFixed(0)} debits/s (${best.elapsed.toFixed(0)} ms), latency p50 ${best.p50.toFixed(0)} ms, ` +
        `p99 ${best.p99.toFixed(0)} ms\n${JSON.stringify({ debitsPerSec: Math.round(best.perSecond) })}\n`,
    );
  } finally {
    await h.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
