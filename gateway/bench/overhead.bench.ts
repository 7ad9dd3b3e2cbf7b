/**
 * Gateway overhead: the same single-subgraph query straight to the tickets subgraph (with a
 * signed caller, as the gateway would send it) and through the gateway (JWT verified, caller
 * signed, query planned), in one run, alternating. Prints p50/p99 and requests per second.
 *   pnpm --filter @reglament/gateway bench:overhead
 * Options (environment): ROUNDS (3), SECONDS (10), CONNECTIONS (8).
 */
import { signCaller } from '@reglament/shared/domain';
import { BENCH_INTERNAL_SECRET } from './support/backend';
import { compare, type Target } from './support/load';
import { startBackend, startOurGateway } from './support/parts';
import { DISPATCHER_ID, seedOrganizations, token, waitUntilFederated } from './support/seed';

const ROUNDS = Number(process.env.ROUNDS ?? 3);
const SECONDS = Number(process.env.SECONDS ?? 10);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 8);

async function main(): Promise<void> {
  const backend = await startBackend();
  let gateway: Awaited<ReturnType<typeof startOurGateway>> | null = null;
  try {
    process.stderr.write('seeding...\n');
    const [org] = await seedOrganizations(backend.backend.seedUrl, 1, 5);
    await waitUntilFederated(backend.backend.seedUrl, org!.ticketIds);
    gateway = await startOurGateway(backend.backend);
    const dispatcher = await token({ sub: DISPATCHER_ID, role: 'DISPATCHER' });
    const body = JSON.stringify({
      query: 'query TicketHead($id: ID!) { ticket(id: $id) { id number status title priority registeredAt } }',
      variables: { id: org!.ticketIds[0] },
    });
    const caller = {
      kind: 'user' as const,
      id: DISPATCHER_ID,
      role: 'DISPATCHER' as const,
      organizationId: null,
      name: null,
    };
    const targets: Target[] = [
      {
        name: 'direct to tickets',
        url: backend.backend.subgraphs.tickets!,
        // Signed when each run starts: a signature is valid for 5 minutes.
        headers: () => signCaller(caller, BENCH_INTERNAL_SECRET),
        body,
      },
      {
        name: 'through the gateway',
        url: gateway.url,
        headers: () => ({ authorization: `Bearer ${dispatcher}` }),
        body,
        pid: gateway.child.pid!,
      },
    ];
    for (const target of targets) {
      const response = await fetch(target.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...target.headers() },
        body,
      });
      const json = (await response.json()) as { errors?: unknown };
      if (json.errors) throw new Error(`${target.name}: ${JSON.stringify(json.errors)}`);
    }
    process.stderr.write(`measuring: ${ROUNDS} rounds x ${SECONDS} s, ${CONNECTIONS} connections\n`);
    const results = await compare(targets, {
      rounds: ROUNDS,
      seconds: SECONDS,
      warmupSeconds: 3,
      connections: CONNECTIONS,
    });
    const direct = results.get('direct to tickets')!;
    const through = results.get('through the gateway')!;
    const rows = [
      ['', 'req/s', 'p50 ms', 'p99 ms', 'gateway CPU ms/request', 'errors'],
      ['direct to tickets', direct.rps.toFixed(0), String(direct.p50), String(direct.p99), '', String(direct.errors)],
      [
        'through the gateway',
        through.rps.toFixed(0),
        String(through.p50),
        String(through.p99),
        through.cpuMsPerRequest.toFixed(2),
        String(through.errors),
      ],
      ['gateway overhead', '', `+${through.p50 - direct.p50}`, `+${through.p99 - direct.p99}`, '', ''],
    ];
    process.stdout.write(`\n${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}\n`);
  } finally {
    await gateway?.stop();
    await backend.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
