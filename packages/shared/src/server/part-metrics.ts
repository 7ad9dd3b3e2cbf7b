import { createHash, timingSafeEqual } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import type { EventBus } from '../bus/event-bus';
import type { Domain } from '../events/subjects';
import type { Route } from './http';

/**
 * What every part exposes on GET /metrics (its own port): consumer lag per stream, outbox
 * backlog and age, parked events, database pool use, rows pruned, and the Node default metrics
 * without a product prefix (stock dashboards work). A part adds its own to `registry`.
 * One registry per part instance, so parts sharing a process (embedded, tests) never mix.
 */
export class PartMetrics {
  readonly registry = new Registry();
  readonly parkedTotal: Counter<'consumer' | 'state'>;
  readonly pruned: Counter<'table'>;
  private readonly consumers: { durable: string; domain: Domain }[] = [];

  constructor(
    readonly part: string,
    dataSource: DataSource,
    bus: EventBus,
  ) {
    const registers = [this.registry];
    const consumers = this.consumers;
    new Gauge({
      name: 'reglament_consumer_lag_events',
      help: 'Events of a stream not yet applied by this part’s durable consumer (pending + in flight)',
      labelNames: ['consumer', 'stream'],
      registers,
      async collect() {
        this.reset();
        for (const { durable, domain } of consumers) {
          const lag = await bus.consumerLag(durable, domain).catch(() => null);
          if (lag !== null) this.set({ consumer: durable, stream: domain }, lag);
        }
      },
    });
    const outbox = async () => {
      const [row] = (await dataSource.query(
        `SELECT count(*)::int AS backlog, COALESCE(EXTRACT(EPOCH FROM (now() - min(created_at))), 0)::float AS age
         FROM outbox WHERE published_at IS NULL`,
      )) as { backlog: number; age: number }[];
      return row ?? { backlog: 0, age: 0 };
    };
    new Gauge({
      name: 'reglament_outbox_backlog_events',
      help: 'Committed events the relay has not published yet',
      registers,
      async collect() {
        this.set((await outbox()).backlog);
      },
    });
    new Gauge({
      name: 'reglament_outbox_oldest_age_seconds',
      help: 'Age of the oldest unpublished outbox row (0 when none): grows while NATS is unreachable',
      registers,
      async collect() {
        this.set((await outbox()).age);
      },
    });
    new Gauge({
      name: 'reglament_parked_events',
      help: 'Events parked by this part’s consumers (FAILED: needs an admin; HELD: waits behind one)',
      labelNames: ['consumer', 'state'],
      registers,
      async collect() {
        this.reset();
        const rows = (await dataSource.query(
          'SELECT consumer, state, count(*)::int AS n FROM parked_events GROUP BY consumer, state',
        )) as { consumer: string; state: string; n: number }[];
        for (const row of rows) this.set({ consumer: row.consumer, state: row.state }, row.n);
      },
    });
    this.parkedTotal = new Counter({
      name: 'reglament_events_parked_total',
      help: 'Events parked since start, by consumer and state',
      labelNames: ['consumer', 'state'],
      registers,
    });
    this.pruned = new Counter({
      name: 'reglament_rows_pruned_total',
      help: 'Rows removed by housekeeping (inbox past the duplicate window and margin, published outbox rows)',
      labelNames: ['table'],
      registers,
    });
    const pool = () =>
      (dataSource.driver as unknown as { master?: { totalCount?: number; idleCount?: number; waitingCount?: number } })
        .master;
    new Gauge({
      name: 'reglament_db_pool_connections',
      help: 'Database pool connections by state (in_use, idle, waiting: requests waiting for one)',
      labelNames: ['state'],
      registers,
      collect() {
        const p = pool();
        if (!p || typeof p.totalCount !== 'number') return;
        this.set({ state: 'in_use' }, p.totalCount - (p.idleCount ?? 0));
        this.set({ state: 'idle' }, p.idleCount ?? 0);
        this.set({ state: 'waiting' }, p.waitingCount ?? 0);
      },
    });
  }

  /** A durable consumer whose lag is reported. */
  watchConsumer(durable: string, domain: Domain): void {
    this.consumers.push({ durable, domain });
  }

  /** `GET /metrics`; with a token set, only `Authorization: Bearer <token>` is answered. */
  route(token: string | undefined): Route {
    return metricsRoute(this.registry, token);
  }
}

let nodeRegistry: Registry | null = null;

/**
 * The Node default metrics (process_*, nodejs_*), collected once per process however many parts
 * run in it (embedded mode, tests), without a product prefix so stock dashboards find them.
 */
export function nodeMetrics(): Registry {
  if (!nodeRegistry) {
    nodeRegistry = new Registry();
    collectDefaultMetrics({ register: nodeRegistry });
  }
  return nodeRegistry;
}

/** Serves a registry on GET /metrics, behind a bearer token when one is set. */
export function metricsRoute(registry: Registry, token: string | undefined): Route {
  return async (req, res, url) => {
    if (url.pathname !== '/metrics') return false;
    if (token && !bearerIs(req.headers.authorization, token)) {
      res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8', 'www-authenticate': 'Bearer realm="metrics"' });
      res.end('401 /metrics needs "Authorization: Bearer <METRICS_TOKEN>"\n');
      return true;
    }
    res.writeHead(200, { 'content-type': registry.contentType });
    res.end((await registry.metrics()) + (await nodeMetrics().metrics()));
    return true;
  };
}

/** Compares a bearer token in constant time (the scraper's token is a secret). */
function bearerIs(header: string | undefined, token: string): boolean {
  const given = /^Bearer (.+)$/i.exec(header ?? '')?.[1] ?? '';
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b);
}
