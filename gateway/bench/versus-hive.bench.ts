/**
 * Our gateway against @graphql-hive/gateway on the same supergraph, subgraphs, data, queries
 * and load, measured in turn in one run: the wallboard list query (tickets + sla) and a ticket
 * card across three subgraphs (tickets + sla + contracts). Both verify the JWT and sign the
 * caller for the subgraphs.
 *   npm ci --prefix gateway/bench/hive-gateway     (once)
 *   pnpm --filter @reglament/gateway bench:hive
 * Options (environment): ROUNDS (3), SECONDS (10), CONNECTIONS (16), ONLY_OURS=1 (our gateway
 * alone, as `pnpm bench` runs it when Hive is not installed). The last line is JSON
 * (`wallboardRps`, `cardRps`, ours).
 */
import { compare, type Target } from './support/load';
import { startBackend, startOurGateway } from './support/parts';
import { startHiveGateway } from './support/hive';
import { DISPATCHER_ID, seedOrganizations, token, waitUntilFederated } from './support/seed';

const ROUNDS = Number(process.env.ROUNDS ?? 3);
const SECONDS = Number(process.env.SECONDS ?? 10);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 16);

const WALLBOARD = `query Wallboard {
  tickets(filter: { status: [REGISTERED, IN_ANALYSIS, AWAITING_CLARIFICATION, IN_PROGRESS] }, first: 50) {
    totalCount
    edges { node { id number title status priority assigneeId registeredAt sla { state nextDeadline } } }
  }
}`;
const TICKET_CARD = `query TicketCard($id: ID!) {
  ticket(id: $id) {
    id number title status priority
    sla { state nextDeadline timers { metric party status deadline } }
    contract { number preset prepaid { remainingMinutes exhausted } }
  }
}`;

async function main(): Promise<void> {
  const backend = await startBackend();
  const stops: (() => Promise<void>)[] = [];
  try {
    process.stderr.write('seeding 5 customers x 40 tickets...\n');
    const orgs = await seedOrganizations(backend.backend.seedUrl, 5, 40);
    const tickets = orgs.flatMap((o) => o.ticketIds);
    await waitUntilFederated(backend.backend.seedUrl, tickets);
    const ours = await startOurGateway(backend.backend);
    stops.push(ours.stop);
    const hive = process.env.ONLY_OURS === '1' ? null : await startHiveGateway(backend.backend);
    if (hive) stops.push(hive.stop);
    const dispatcher = await token({ sub: DISPATCHER_ID, role: 'DISPATCHER' });
    const headers = () => ({ authorization: `Bearer ${dispatcher}` });
    const queries = {
      'wallboard list (tickets + sla)': JSON.stringify({ query: WALLBOARD }),
      'ticket card (tickets + sla + contracts)': JSON.stringify({ query: TICKET_CARD, variables: { id: tickets[7] } }),
    };
    const table: string[][] = [
      [
        'query',
        'ours req/s',
        'Hive req/s',
        'RPS ratio (ours ÷ Hive)',
        'ours p50 / p99 ms',
        'Hive p50 / p99 ms',
        'p50 ratio (Hive ÷ ours)',
        'gateway CPU ms/request ours / Hive',
      ],
    ];
    const figures: Record<string, number> = {};
    for (const [name, body] of Object.entries(queries)) {
      const answers = await Promise.all(
        [ours.url, hive?.url ?? ours.url].map(async (url) =>
          (
            await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers() }, body })
          ).json(),
        ),
      );
      if (
        (hive && JSON.stringify(answers[0]) !== JSON.stringify(answers[1])) ||
        (answers[0] as { errors?: unknown }).errors
      ) {
        throw new Error(
          `${name}: the gateways answer differently:\n${JSON.stringify(answers[0]).slice(0, 500)}\n${JSON.stringify(answers[1]).slice(0, 500)}`,
        );
      }
      process.stderr.write(`${name}: ${ROUNDS} rounds x ${SECONDS} s, ${CONNECTIONS} connections\n`);
      const targets: Target[] = [
        { name: 'ours', url: ours.url, headers, body, pid: ours.child.pid! },
        ...(hive ? [{ name: 'hive', url: hive.url, headers, body, pid: hive.child.pid! }] : []),
      ];
      const results = await compare(targets, {
        rounds: ROUNDS,
        seconds: SECONDS,
        warmupSeconds: 5,
        connections: CONNECTIONS,
      });
      const o = results.get('ours')!;
      figures[name.startsWith('wallboard') ? 'wallboardRps' : 'cardRps'] = Math.round(o.rps);
      const h = results.get('hive') ?? { rps: NaN, p50: NaN, p99: NaN, errors: 0, cpuMsPerRequest: NaN, requests: 0 };
      table.push([
        name,
        o.rps.toFixed(0),
        h.rps.toFixed(0),
        (o.rps / h.rps).toFixed(2),
        `${o.p50} / ${o.p99}`,
        `${h.p50} / ${h.p99}`,
        (h.p50 / o.p50).toFixed(2),
        `${o.cpuMsPerRequest.toFixed(2)} / ${h.cpuMsPerRequest.toFixed(2)}`,
      ]);
      if (o.errors || h.errors) process.stderr.write(`  errors: ours ${o.errors}, hive ${h.errors}\n`);
    }
    process.stdout.write(`\n${table.map((r) => `| ${r.join(' | ')} |`).join('\n')}\n${JSON.stringify(figures)}\n`);
  } finally {
    for (const stop of stops.reverse()) await stop();
    await backend.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
