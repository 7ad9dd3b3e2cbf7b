import autocannon from 'autocannon';
import { cpuSeconds } from './processes';

export interface Target {
  name: string;
  url: string;
  headers: () => Record<string, string>;
  body: string;
  /** The process serving the target: its CPU time per request is reported too. */
  pid?: number;
}

export interface Measured {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  /** CPU time of the serving process per request, ms (when its pid is known). */
  cpuMsPerRequest: number;
}

/** One autocannon run: requests per second and latency percentiles (ms). */
export async function measure(target: Target, seconds: number, connections: number): Promise<Measured> {
  const cpuBefore = target.pid ? cpuSeconds(target.pid) : 0;
  const result = await autocannon({
    url: target.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...target.headers() },
    body: target.body,
    connections,
    duration: seconds,
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx,
    cpuMsPerRequest: target.pid ? ((cpuSeconds(target.pid) - cpuBefore) * 1000) / result.requests.total : NaN,
  };
}

/**
 * The targets measured in turn, `rounds` times (A B A B ...), after a warm-up of each: drifts of
 * the machine hit every target alike. Reports the median of the rounds per target.
 */
export async function compare(
  targets: Target[],
  options: { rounds: number; seconds: number; warmupSeconds: number; connections: number },
): Promise<Map<string, Measured>> {
  for (const target of targets) await measure(target, options.warmupSeconds, options.connections);
  const runs = new Map<string, Measured[]>(targets.map((t) => [t.name, []]));
  for (let round = 0; round < options.rounds; round++) {
    for (const target of targets) {
      const run = await measure(target, options.seconds, options.connections);
      runs.get(target.name)!.push(run);
      process.stderr.write(
        `  round ${round + 1} ${target.name}: ${run.rps.toFixed(0)} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms, ` +
          `CPU ${run.cpuMsPerRequest.toFixed(2)} ms/request, errors ${run.errors}\n`,
      );
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return new Map(
    [...runs].map(([name, list]) => [
      name,
      {
        rps: median(list.map((r) => r.rps)),
        p50: median(list.map((r) => r.p50)),
        p99: median(list.map((r) => r.p99)),
        requests: list.reduce((n, r) => n + r.requests, 0),
        errors: list.reduce((n, r) => n + r.errors, 0),
        cpuMsPerRequest: median(list.map((r) => r.cpuMsPerRequest)),
      },
    ]),
  );
}
