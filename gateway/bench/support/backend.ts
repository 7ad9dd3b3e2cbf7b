/**
 * What the benchmarks' backend process (packages/launcher/bench/backend.ts: the four services in one
 * process, started by parts.ts) prints when ready, and the secrets it runs with.
 */
export const BENCH_INTERNAL_SECRET = 'bench-internal-secret-0123456789';
export const BENCH_JWT_SECRET = 'bench-jwt-secret-0123456789abcdef';

export interface Backend {
  seedUrl: string;
  subgraphs: Record<string, string>;
  natsUrl: string;
  prefix: string;
}
