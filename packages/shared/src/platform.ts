/**
 * `@reglament/shared/platform`: what the parts run on. Configuration, logging, clocks, the event
 * bus, data sources and migrations, outbox/inbox, GraphQL plumbing and servers. Domain code never
 * imports it (eslint `no-restricted-imports`); what is pure lives in `@reglament/shared/domain`.
 */
import 'reflect-metadata';

export * from './config/config';
export * from './config/platform-config';
export * from './logger';
export * from './clock/clock';
export * from './clock/clock-sync';
export * from './bus/event-bus';
export * from './bus/memory-bus';
export * from './bus/nats-bus';
export * from './db/data-source';
export * from './db/platform-migration';
export * from './db/migration-drift';
export * from './db/mutex';
export * from './outbox/outbox.entity';
export * from './outbox/inbox.entity';
export * from './outbox/transactions';
export * from './outbox/relay';
export * from './outbox/inbox';
export * from './outbox/consumer';
export * from './outbox/read-model';
export * from './outbox/parking';
export * from './outbox/parked.entity';
export * from './auth/download-link';
export * from './graphql/scalars';
export * from './graphql/errors';
export * from './graphql/subgraph-schema';
export * from './graphql/connection';
export * from './graphql/enums';
export * from './server/http';
export * from './server/private-dir';
export * from './server/platform';
export * from './server/lifecycle';
export * from './server/subgraph-server';
export * from './server/service-runtime';
export * from './server/standalone';
export * from './server/parked-route';
export * from './server/part-metrics';
export * from './outbox/housekeeping';
export * from './telemetry/tracing';
