import { request } from 'undici';

export interface Readiness {
  ok: boolean;
  checks: Record<string, boolean>;
}

/**
 * Ready = every subgraph answers its /readyz and the bus is connected. Probed at most once a
 * second however often /readyz is asked (a load balancer polling many replicas must not turn
 * into load on the subgraphs).
 */
export function readinessProbe(
  subgraphs: Record<string, string>,
  busHealthy: () => boolean,
  timeoutMs = 1_000,
): () => Promise<Readiness> {
  let last: { at: number; result: Promise<Readiness> } | null = null;
  const probe = async (): Promise<Readiness> => {
    const entries = await Promise.all(
      Object.entries(subgraphs).map(async ([name, url]) => [name, await reachable(url, timeoutMs)] as const),
    );
    const checks: Record<string, boolean> = { bus: busHealthy(), ...Object.fromEntries(entries) };
    return { ok: Object.values(checks).every(Boolean), checks };
  };
  return () => {
    const now = Date.now();
    if (!last || now - last.at > 1_000) last = { at: now, result: probe() };
    return last.result;
  };
}

async function reachable(graphqlUrl: string, timeoutMs: number): Promise<boolean> {
  try {
    // The subgraph's readiness (its database and bus), not only that its process answers.
    const response = await request(new URL('/readyz', graphqlUrl), {
      method: 'GET',
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body.dump();
    return response.statusCode === 200;
  } catch {
    return false;
  }
}
