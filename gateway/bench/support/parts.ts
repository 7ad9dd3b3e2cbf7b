import type { Backend } from './backend';
import { BENCH_INTERNAL_SECRET, BENCH_JWT_SECRET } from './backend';
import { freePort, startNode } from './processes';

/** Extra node arguments from the environment, e.g. `GATEWAY_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"`. */
const nodeArgsFrom = (variable: string): string[] => (process.env[variable] ?? '').split(' ').filter(Boolean);

/** The four subgraphs in one process (BACKEND_NODE_ARGS: extra node arguments, to profile them). */
export async function startBackend() {
  const started = await startNode(
    'packages/launcher/bench/backend.ts',
    {},
    /BACKEND (\{.*\})\n/,
    nodeArgsFrom('BACKEND_NODE_ARGS'),
  );
  return { ...started, backend: JSON.parse(started.match[1]!) as Backend };
}

/**
 * Our gateway as its own process (gateway/src/main.ts), the rate limit out of the way of a load
 * generator (GATEWAY_NODE_ARGS: extra node arguments, to profile it).
 */
export async function startOurGateway(
  backend: Backend,
  env: Record<string, string> = {},
  nodeArgs: string[] = nodeArgsFrom('GATEWAY_NODE_ARGS'),
) {
  const port = await freePort();
  const started = await startNode(
    'gateway/src/main.ts',
    {
      GATEWAY_PORT: String(port),
      JWT_SECRET: BENCH_JWT_SECRET,
      INTERNAL_SECRET: BENCH_INTERNAL_SECRET,
      TICKETS_URL: backend.subgraphs.tickets!,
      SLA_URL: backend.subgraphs.sla!,
      CONTRACTS_URL: backend.subgraphs.contracts!,
      NOTIFICATIONS_URL: backend.subgraphs.notifications!,
      NATS_URL: backend.natsUrl,
      EVENT_PREFIX: backend.prefix,
      LOG_LEVEL: 'info',
      RATE_LIMIT_PER_MINUTE: '1000000',
      RATE_LIMIT_BURST: '1000000',
      MAX_IN_FLIGHT_PER_CALLER: '10000',
      ...env,
    },
    /gateway listening/,
    nodeArgs,
  );
  started.child.stdout!.resume();
  return { ...started, url: `http://127.0.0.1:${port}/graphql` };
}
