import type { BaseContext } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import type { Caller } from '../auth/caller';
import { openDatabase, type DatabaseOptions } from '../db/data-source';
import { PLATFORM_MIGRATIONS } from '../db/platform-migration';
import type { Domain } from '../events/subjects';
import type { Logger } from '../logger';
import { startConsumer, type EventHandlers } from '../outbox/consumer';
import { InboxRow } from '../outbox/inbox.entity';
import { ParkedEventRow } from '../outbox/parked.entity';
import { OutboxRow } from '../outbox/outbox.entity';
import { ParkedEvents } from '../outbox/parking';
import { OutboxRelay } from '../outbox/relay';
import { parkedEventsRoute } from './parked-route';
import { PartMetrics } from './part-metrics';
import { Housekeeping } from '../outbox/housekeeping';
import { Transactions } from '../outbox/transactions';
import { Lifecycle } from './lifecycle';
import type { Platform } from './platform';
import {
  type RequestOrigin,
  startSubgraphServer,
  type RunningServer,
  type SubgraphServerOptions,
} from './subgraph-server';

export interface StorageSettings {
  databaseUrl?: string;
  dataDir: string;
}

export interface ServiceRuntimeOptions extends StorageSettings {
  service: string;
  entities: DatabaseOptions['entities'];
  migrations: DatabaseOptions['migrations'];
}

/**
 * The parts every subgraph has, started in the order of the composition root:
 * DB -> migrations -> outbox relay -> consumers -> server; `stop()` goes in reverse
 * (stop taking requests, drain consumers and the relay, close the DB).
 */
export class ServiceRuntime {
  readonly lifecycle = new Lifecycle();
  readonly log: Logger;
  /** Events this part's consumers parked (dead-letter store), retried or discarded by admins. */
  readonly parked: ParkedEvents;
  /** GET /metrics of this part; a part adds its own series to `metrics.registry`. */
  readonly metrics: PartMetrics;
  readonly housekeeping: Housekeeping;
  server: RunningServer | null = null;

  private constructor(
    readonly service: string,
    readonly platform: Platform,
    readonly dataSource: DataSource,
    readonly relay: OutboxRelay,
    readonly transactions: Transactions,
  ) {
    this.log = platform.log.child({ part: service });
    this.parked = new ParkedEvents(dataSource, relay, this.log, platform.parkAfterAttempts);
    this.metrics = new PartMetrics(service, dataSource, platform.bus);
    this.parked.onParked = (consumer, _event, state) => this.metrics.parkedTotal.inc({ consumer, state });
    this.housekeeping = new Housekeeping(dataSource, this.log, platform.retention, (table, rows) =>
      this.metrics.pruned.inc({ table }, rows),
    );
  }

  static async start(platform: Platform, options: ServiceRuntimeOptions): Promise<ServiceRuntime> {
    const log = platform.log.child({ part: options.service });
    const dataSource = await openDatabase({
      service: options.service,
      ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
      dataDir: options.dataDir,
      entities: [OutboxRow, InboxRow, ParkedEventRow, ...asArray(options.entities)],
      migrations: [...PLATFORM_MIGRATIONS, ...asArray(options.migrations)],
      log,
    });
    const relay = new OutboxRelay({ dataSource, bus: platform.bus, log, singleProcess: !options.databaseUrl });
    const runtime = new ServiceRuntime(
      options.service,
      platform,
      dataSource,
      relay,
      new Transactions(dataSource, relay),
    );
    runtime.lifecycle.add('database', () => dataSource.destroy());
    relay.start();
    // Stopped after the consumers and the server (reverse order): publishes what they committed.
    runtime.lifecycle.add('outbox relay', () => relay.stop());
    runtime.housekeeping.start();
    runtime.lifecycle.add('housekeeping', () => runtime.housekeeping.stop());
    return runtime;
  }

  /** A durable, idempotent consumer of one domain's events. */
  async consume(domain: Domain, handlers: EventHandlers): Promise<void> {
    const consumer = await startConsumer({
      service: this.service,
      domain,
      bus: this.platform.bus,
      dataSource: this.dataSource,
      relay: this.relay,
      log: this.log,
      handlers,
      parked: this.parked,
    });
    this.metrics.watchConsumer(`${this.service}-on-${domain}`, domain);
    this.lifecycle.add(`consumer of ${domain}`, () => consumer.stop());
  }

  async serve<Ctx extends BaseContext>(
    schema: GraphQLSchema,
    port: number,
    context: (caller: Caller, request: RequestOrigin) => Ctx,
    options: Pick<SubgraphServerOptions<Ctx>, 'maxBodyBytes' | 'routes' | 'degraded'> & {
      /** Overrides the platform's METRICS_TOKEN for this part's /metrics. */
      metricsToken?: string;
    } = {},
  ): Promise<RunningServer> {
    this.server = await startSubgraphServer({
      name: this.service,
      platform: { ...this.platform, log: this.log },
      schema,
      port,
      dataSource: this.dataSource,
      context,
      ...(options.maxBodyBytes ? { maxBodyBytes: options.maxBodyBytes } : {}),
      ...(options.degraded ? { degraded: options.degraded } : {}),
      routes: [
        parkedEventsRoute(this.parked, this.platform.internalSecret),
        this.metrics.route(options.metricsToken ?? this.platform.metricsToken),
        ...(options.routes ?? []),
      ],
    });
    this.lifecycle.add('server', () => this.server?.stop());
    return this.server;
  }

  async stop(): Promise<void> {
    await this.lifecycle.stopAll(this.log);
  }
}

function asArray<T>(list: T[] | Record<string, T>): T[] {
  return Array.isArray(list) ? list : Object.values(list);
}

/** What a started part hands back to whoever composed it (embedded mode, tests, main.ts). */
export interface RunningService {
  name: string;
  url: string;
  port: number;
  runtime: ServiceRuntime;
  stop(): Promise<void>;
}
