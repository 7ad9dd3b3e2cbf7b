/**
 * Subscriptions at scale: SUBSCRIBERS graphql-ws subscribers (default 5,000) on one gateway
 * process, in ORGANIZATIONS customer organizations (default 50), each organization's
 * subscribers split over 10 distinct selections (so 10 groups per organization), while
 * EVENTS_PER_SECOND ticket events (default 100) are published to NATS, each for a ticket of a
 * random organization. Measures publish-to-receipt latency (p50/p99) at the subscribers, the
 * gateway process's CPU and memory, and the supergraph executions per event, which must equal
 * the distinct groups an event touches (10), not the subscribers it reaches (100).
 *   pnpm --filter @reglament/gateway bench:subscriptions
 * Options (environment): SUBSCRIBERS, ORGANIZATIONS, EVENTS_PER_SECOND, SECONDS (30).
 *
 * The events are synthetic (`tickets.ticket.priority_changed` of real, seeded tickets) on a NATS
 * prefix of the gateway's own, so the services do not react to them; `ticket { ... }` in the
 * selections is resolved from the real subgraphs.
 */
import { makeEvent, newId, type TicketAfterChange } from '@reglament/shared/domain';
import { createLogger, NatsEventBus } from '@reglament/shared/platform';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { startBackend, startOurGateway } from './support/parts';
import { cpuSeconds, percentile, rssMiB } from './support/processes';
import { seedOrganizations, type SeededOrganization, waitUntilFederated } from './support/seed';

const SUBSCRIBERS = Number(process.env.SUBSCRIBERS ?? 5000);
const ORGANIZATIONS = Number(process.env.ORGANIZATIONS ?? 50);
const EVENTS_PER_SECOND = Number(process.env.EVENTS_PER_SECOND ?? 100);
const SECONDS = Number(process.env.SECONDS ?? 30);

/** Ten wallboard selections: four from the event alone, six reaching into one to three subgraphs. */
const SELECTIONS = [
  `subscription S1 { ticketChanged { type at ticketId } }`,
  `subscription S2 { ticketChanged { type at from to cursor } }`,
  `subscription S3 { ticketChanged { at organizationId ticketId cursor } }`,
  `subscription S4 { ticketChanged { at type cursor ticketId } }`,
  `subscription S5 { ticketChanged { at ticket { number status } } }`,
  `subscription S6 { ticketChanged { at ticket { number title priority } } }`,
  `subscription S7 { ticketChanged { at ticket { status sla { state nextDeadline } } } }`,
  `subscription S8 { ticketChanged { at type ticket { number sla { timers { metric deadline } } } } }`,
  `subscription S9 { ticketChanged { at ticket { number contract { number preset } } } }`,
  `subscription S10 { ticketChanged { at ticket { ...Card } } } fragment Card on Ticket { number status contract { number } sla { state } }`,
];

/** EXPERIMENT=local: ten selections from the event alone (isolates fan-out from the supergraph). */
const LOCAL = Array.from({ length: 10 }, (_, i) => `subscription L${i} { ticketChanged { at t${i}: type cursor } }`);
const CHOSEN = process.env.EXPERIMENT === 'local' ? LOCAL : SELECTIONS;

async function main(): Promise<void> {
  const backend = await startBackend();
  let gateway: Awaited<ReturnType<typeof startOurGateway>> | null = null;
  const prefix = `${backend.backend.prefix}_subs`;
  const publisher = await NatsEventBus.connect({
    url: backend.backend.natsUrl,
    prefix,
    name: 'bench-publisher',
    log: createLogger('bench', 'warn'),
  });
  const clients: ReturnType<typeof createClient>[] = [];
  try {
    process.stderr.write(`seeding ${ORGANIZATIONS} customers x 2 tickets...\n`);
    const orgs = await seedOrganizations(backend.backend.seedUrl, ORGANIZATIONS, 2);
    await waitUntilFederated(
      backend.backend.seedUrl,
      orgs.flatMap((o) => o.ticketIds),
    );
    gateway = await startOurGateway(backend.backend, {
      EVENT_PREFIX: prefix,
      WS_MAX_CONNECTIONS: String(SUBSCRIBERS + 100),
      LOG_LEVEL: 'info',
    });
    const pid = gateway.child.pid!;
    const wsUrl = gateway.url.replace('http', 'ws');

    const latencies: number[] = [];
    let window = { from: Number.POSITIVE_INFINITY, to: Number.POSITIVE_INFINITY };
    let received = 0;
    let errors = 0;
    process.stderr.write(`connecting ${SUBSCRIBERS} subscribers...\n`);
    for (let i = 0; i < SUBSCRIBERS; i++) {
      const org = orgs[i % orgs.length]!;
      const selection = CHOSEN[Math.floor(i / orgs.length) % CHOSEN.length]!;
      const client = createClient({
        url: wsUrl,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${org.customerToken}` },
        retryAttempts: 0,
        lazy: true,
      });
      clients.push(client);
      client.subscribe<{ ticketChanged: { at: string } }>(
        { query: selection },
        {
          next: (result) => {
            received++;
            if (result.errors) errors++;
            const at = Date.parse(result.data!.ticketChanged.at);
            if (at >= window.from && at < window.to) latencies.push(Date.now() - at);
          },
          error: () => void errors++,
          complete: () => undefined,
        },
      );
      if (i % 250 === 249) await metric(gateway.url, 'reglament_gateway_subscriptions_open').then(() => undefined);
    }
    await waitFor(
      async () => (await metric(gateway!.url, 'reglament_gateway_subscriptions_open')) >= SUBSCRIBERS,
      120_000,
    );
    const groups = await metric(gateway.url, 'reglament_gateway_subscription_groups');
    process.stderr.write(`${SUBSCRIBERS} subscribed in ${groups} groups; warming up 5 s...\n`);

    const publish = (seconds: number) => publishAt(publisher, orgs, EVENTS_PER_SECOND, seconds);
    const warmup = await publish(5);
    await new Promise((r) => setTimeout(r, 2000));

    const cpuBefore = cpuSeconds(pid);
    const backendCpuBefore = cpuSeconds(backend.child.pid!);
    const clientsCpuBefore = cpuSeconds(process.pid);
    let peakRss = rssMiB(pid);
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMiB(pid))), 1000);
    const startedAt = Date.now();
    window = { from: startedAt, to: startedAt + SECONDS * 1000 };
    process.stderr.write(`measuring ${SECONDS} s at ${EVENTS_PER_SECOND} events/s...\n`);
    const published = await publish(SECONDS);
    const cpuUsed = cpuSeconds(pid) - cpuBefore;
    const backendCpuUsed = cpuSeconds(backend.child.pid!) - backendCpuBefore;
    const clientsCpuUsed = cpuSeconds(process.pid) - clientsCpuBefore;
    const elapsed = (Date.now() - startedAt) / 1000;
    // Every result delivered (the warm-up's too): the counters cover all events since the start.
    await waitFor(
      async () => (await counters(gateway!.url)).fannedOut >= (published + warmup) * (SUBSCRIBERS / ORGANIZATIONS),
      120_000,
    ).catch(() => process.stderr.write('not every result arrived within 2 minutes\n'));
    clearInterval(sampler);
    const after = await counters(gateway.url);
    const before = { events: 0, executions: 0, fetches: 0, fannedOut: 0, dropped: 0 };

    const events = after.events - before.events;
    const sorted = [...latencies].sort((a, b) => a - b);
    const expectedDeliveries = published * (SUBSCRIBERS / ORGANIZATIONS);
    const rows = [
      [
        'subscribers / organizations / distinct selections',
        `${SUBSCRIBERS} / ${ORGANIZATIONS} / ${SELECTIONS.length} (${groups} groups)`,
      ],
      [
        'events published (measured window)',
        `${published} in ${elapsed.toFixed(1)} s (${(published / elapsed).toFixed(0)}/s)`,
      ],
      ['results delivered (measured window)', `${sorted.length} of ${expectedDeliveries} expected (${errors} errors)`],
      [
        'publish -> receipt p50 / p99 / max',
        `${percentile(sorted, 50)} / ${percentile(sorted, 99)} / ${sorted.at(-1)} ms`,
      ],
      ['gateway CPU', `${((cpuUsed / elapsed) * 100).toFixed(0)} % of one core`],
      [
        'subgraphs process CPU (tickets, sla, contracts, notifications)',
        `${((backendCpuUsed / elapsed) * 100).toFixed(0)} % of one core`,
      ],
      [
        'subscribers + publisher process CPU (this benchmark)',
        `${((clientsCpuUsed / elapsed) * 100).toFixed(0)} % of one core`,
      ],
      ['gateway memory (RSS, peak)', `${peakRss.toFixed(0)} MiB`],
      ['events received by the gateway (warm-up + measured)', String(events)],
      [
        'supergraph executions per event',
        `${((after.executions - before.executions) / events).toFixed(2)} (groups touched per event: ${SELECTIONS.length})`,
      ],
      [
        'federated queries per event',
        `${((after.fetches - before.fetches) / events).toFixed(2)} (one per visibility scope touched; 6 selections reach a subgraph)`,
      ],
      [
        'results fanned out per event',
        `${((after.fannedOut - before.fannedOut) / events).toFixed(1)} (subscribers per organization: ${SUBSCRIBERS / ORGANIZATIONS})`,
      ],
      ['results dropped (slow subscribers)', String(after.dropped - before.dropped)],
    ];
    process.stdout.write(
      `\n${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}\n${JSON.stringify({ subsP50Ms: percentile(sorted, 50), subsP99Ms: percentile(sorted, 99) })}\n`,
    );
    void received;
  } finally {
    await Promise.all(clients.map((c) => c.dispose()));
    await gateway?.stop();
    await publisher.destroyAll().catch(() => undefined);
    await publisher.close();
    await backend.stop();
  }
}

/** Publishes `perSecond` events a second for `seconds`, on a fixed schedule; returns how many. */
async function publishAt(bus: NatsEventBus, orgs: SeededOrganization[], perSecond: number, seconds: number) {
  const total = perSecond * seconds;
  const start = Date.now();
  const pending: Promise<void>[] = [];
  for (let n = 0; n < total; n++) {
    const due = start + (n * 1000) / perSecond;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const org = orgs[Math.floor(Math.random() * orgs.length)]!;
    const ticketId = org.ticketIds[n % org.ticketIds.length]!;
    pending.push(bus.publish(priorityChanged(org, ticketId)));
  }
  await Promise.all(pending);
  return total;
}

function priorityChanged(org: SeededOrganization, ticketId: string) {
  const now = new Date();
  const ticket: TicketAfterChange = {
    ticketId,
    number: 'T-bench',
    organizationId: org.organizationId,
    contractId: org.contractId,
    preset: 'imc-typical',
    requesterId: org.contactId,
    channel: 'PORTAL',
    title: 'Benchmark ticket',
    category: null,
    priority: 'HIGH',
    status: 'REGISTERED',
    assigneeId: null,
    product: null,
    serviceCode: null,
    plannedResolutionAt: null,
    registeredAt: now.toISOString(),
    resolvedAt: null,
    closedAt: null,
    closeReason: null,
    linkedTicketId: null,
    version: 1,
  };
  return makeEvent(
    'tickets.ticket.priority_changed',
    org.organizationId,
    {
      ticket,
      actor: { id: newId(), role: 'DISPATCHER', name: 'Bench' },
      ticketId,
      organizationId: org.organizationId,
      priority: 'HIGH',
      previousPriority: 'NORMAL',
      reason: null,
    },
    { source: 'bench', occurredAt: now },
  );
}

async function metric(url: string, name: string): Promise<number> {
  const text = await (await fetch(url.replace('/graphql', '/metrics'))).text();
  let sum = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith(`${name} `) || line.startsWith(`${name}{`)) sum += Number(line.split(' ').at(-1));
  }
  return sum;
}

async function counters(url: string) {
  return {
    events: await metric(url, 'reglament_gateway_events_received_total'),
    executions: await metric(url, 'reglament_gateway_subscription_executions_total'),
    fetches: await metric(url, 'reglament_gateway_subscription_federated_queries_total'),
    fannedOut: await metric(url, 'reglament_gateway_events_fanned_out_total'),
    dropped: await metric(url, 'reglament_gateway_subscription_results_dropped_total'),
  };
}

async function waitFor(probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the subscribers');
    await new Promise((r) => setTimeout(r, 500));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
