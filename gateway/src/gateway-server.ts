import { createHash, timingSafeEqual } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';
import {
  closeServer,
  createHttpServer,
  type EventBus,
  healthRoutes,
  listen,
  nodeMetrics,
  type Logger,
  type Route,
} from '@reglament/shared/platform';
import { type ExecutionResult, GraphQLError, type GraphQLSchema, print } from 'graphql';
import { DeactivatedAccounts } from './auth/deactivated-accounts';
import { MAX_OPERATION_TOKENS } from './guard/limits';
import { Authenticator } from './auth/authenticate';
import { PartnerKeyStore } from './auth/partner-keys';
import { createTokenVerifier } from './auth/tokens';
import type { GatewayContext } from './context';
import { OperationGuard } from './guard/guard';
import { InFlightLimiter } from './guard/in-flight';
import { RateLimiter } from './guard/rate-limiter';
import { ResponseBudget } from './guard/response-budget';
import { attachmentDownloadRoute } from './http/attachment-downloads';
import { reportDownloadRoute } from './http/report-downloads';
import { type CorsSettings, corsRoute, validateCors } from './http/cors';
import { SubgraphMap } from './guard/subgraph-map';
import { clientErrorFormatter } from './http/client-errors';
import { graphqlHttpRoute } from './http/graphql-http';
import { pagesRoute } from './http/pages';
import { PAGES_DIR } from '@reglament/wallboard';
import { GatewayMetrics } from './observability/metrics';
import { metricsPlugin } from './observability/metrics-plugin';
import { readinessProbe } from './observability/readiness';
import { unavailablePlugin } from './observability/unavailable-plugin';
import { APQ_BUCKET_BYTES, APQ_TTL_MS, PersistedQueryCache } from './persisted/apq-cache';
import { ManifestStore, PERSISTED_DIR } from './persisted/manifest-store';
import { DEFAULT_LIMITS, type GatewayLimits } from './settings';
import { CallerSigner } from './caller-signer';
import { createGateway, loadSupergraph, subgraphEndpoints } from './supergraph';
import { SubscriptionHub } from './subscriptions/hub';
import { clientIntrospectionPlugin } from './subscriptions/introspection';
import { withSubscriptions } from './subscriptions/schema';
import { startWebSocketServer } from './subscriptions/ws-server';

export interface GatewaySettings {
  port: number;
  /** The interface to listen on (default 0.0.0.0: the gateway is the door). */
  host?: string;
  internalSecret: string;
  jwtSecret?: string;
  jwksUrl?: string;
  subgraphUrls: Partial<Record<string, string>>;
  /** The composed supergraph (default: gateway/supergraph.graphql). */
  supergraphSdl?: string;
  /** Development only: compose from the running subgraphs (IntrospectAndCompose) instead. */
  introspectSubgraphs?: boolean;
  /** Development: introspection for everyone. */
  development?: boolean;
  /** Trusted documents: `<dir>/<partner>/manifest.json` (default gateway/persisted). */
  persistedDir?: string;
  /** The partner keys file; unset: partner keys are not accepted. */
  partnerKeysFile?: string;
  limits?: Partial<GatewayLimits>;
  /** Set: `/metrics` answers only `Authorization: Bearer <metricsToken>` (401 otherwise). */
  metricsToken?: string;
  /** Reverse proxies in front whose X-Forwarded-For entries are trusted (default 0: none). */
  trustedProxyHops?: number;
  /** Browser apps on other origins allowed to call the API (default: none). */
  cors?: CorsSettings;
  /** The built browser pages (default: packages/wallboard/dist); /wallboard is always served. */
  pagesDir?: string;
  /** The GraphQL IDE at GET /graphql for browsers (default: on in development, off otherwise). */
  ide?: boolean;
  /** @deprecated use limits.maxBodyBytes */
  maxBodyBytes?: number;
}

export interface RunningGateway {
  url: string;
  port: number;
  hub: SubscriptionHub;
  metrics: GatewayMetrics;
  manifests: ManifestStore;
  partnerKeys: PartnerKeyStore | null;
  /** Open graphql-ws connections. */
  readonly connections: number;
  stop(): Promise<void>;
}

/** The gateway: one supergraph over HTTP and graphql-ws on the same /graphql, with the guard at the door. */
export async function startGateway(
  deps: { bus: EventBus; log: Logger },
  settings: GatewaySettings,
): Promise<RunningGateway> {
  const log = deps.log.child({ part: 'gateway' });
  const limits: GatewayLimits = {
    ...DEFAULT_LIMITS,
    ...(settings.maxBodyBytes ? { maxBodyBytes: settings.maxBodyBytes } : {}),
    ...settings.limits,
  };
  if (settings.cors) validateCors(settings.cors);
  if (settings.introspectSubgraphs && !settings.development) {
    throw new Error('Composing from the running subgraphs (introspection) is for development only');
  }
  const verifyToken = createTokenVerifier({
    ...(settings.jwtSecret ? { jwtSecret: settings.jwtSecret } : {}),
    ...(settings.jwksUrl ? { jwksUrl: settings.jwksUrl } : {}),
  });
  const partnerKeys = settings.partnerKeysFile ? PartnerKeyStore.open(settings.partnerKeysFile, log) : null;
  // Tokens of deactivated contacts and staff are refused at the door, before they expire.
  const deactivated = await DeactivatedAccounts.start(deps.bus, log);
  const authenticator = new Authenticator(verifyToken, partnerKeys, deactivated);
  const supergraphSdl = settings.introspectSubgraphs ? null : (settings.supergraphSdl ?? loadSupergraph());
  const guard = new OperationGuard({
    maxDepth: limits.maxDepth,
    maxCost: limits.maxCost,
    maxAliases: limits.maxAliases,
    maxDirectives: limits.maxDirectives,
    development: settings.development ?? false,
    subgraphs: supergraphSdl ? SubgraphMap.fromSupergraph(supergraphSdl) : SubgraphMap.empty(),
    onMeasured: (steps) => metrics.analysisSteps.observe(steps),
  });
  const limiter = new RateLimiter(limits.rateLimitPerMinute, limits.rateLimitBurst);
  const inFlight = new InFlightLimiter(limits.maxInFlightPerCaller);
  const sharedApq =
    deps.bus.kind === 'nats' ? await deps.bus.keyValue('apq', { ttlMs: APQ_TTL_MS, maxBytes: APQ_BUCKET_BYTES }) : null;

  const federation = createGateway({
    supergraphSdl,
    subgraphUrls: settings.subgraphUrls,
    internalSecret: settings.internalSecret,
  });
  let hub: SubscriptionHub | null = null;
  // The schema clients see (API schema + Subscription), set once the gateway has loaded.
  let clientSchema: GraphQLSchema | null = null;
  let wsConnections = 0;
  const metrics = new GatewayMetrics({
    subscriptions: () => hub?.subscriberCount ?? 0,
    groups: () => hub?.groupCount ?? 0,
    connections: () => wsConnections,
  });
  const formatError = clientErrorFormatter(log);
  const apollo = new ApolloServer<GatewayContext>({
    gateway: federation.gateway,
    formatError,
    includeStacktraceInErrorResponses: false,
    // Introspection is decided per caller by the guard (staff only outside development).
    introspection: true,
    csrfPrevention: {
      // Requests carrying these cannot be sent cross-site without a CORS preflight.
      requestHeaders: ['x-apollo-operation-name', 'apollo-require-preflight', 'authorization', 'x-api-key'],
    },
    allowBatchedHttpRequests: false,
    // No "Did you mean ...?" hints: they would describe the schema to callers refused introspection.
    hideSchemaDetailsFromClientErrors: true,
    // Parsing is bounded before anything else runs: an operation of a million tokens is refused at once.
    parseOptions: { maxTokens: MAX_OPERATION_TOKENS },
    persistedQueries: { cache: new PersistedQueryCache(limits.apqCacheEntries, sharedApq, log) },
    plugins: [
      guard.plugin(),
      clientIntrospectionPlugin(() => clientSchema),
      metricsPlugin(metrics),
      unavailablePlugin(),
      ApolloServerPluginUsageReportingDisabled(),
    ],
    // Shutdown is ours (stop taking requests, drain consumers and relay, close the DB), not Apollo's.
    stopOnTerminationSignals: false,
  });
  await apollo.start();

  const executeFederated = async (
    query: string,
    variables: Record<string, unknown>,
    context: GatewayContext,
    operationName?: string,
  ) => {
    // A client's operation over a socket gets its own answer budget; the gateway's own have none.
    const budget = context.internal ? undefined : new ResponseBudget(limits.maxResponseBytes);
    const response = await apollo.executeOperation(
      { query, variables, ...(operationName ? { operationName } : {}) },
      { contextValue: budget ? { ...context, budget } : context },
    );
    if (response.body.kind !== 'single') throw new Error('Incremental delivery is not supported here');
    if (budget?.exceeded) {
      const error = budget.error();
      return {
        data: null,
        errors: [new GraphQLError(error.message, { extensions: { code: error.code, ...error.details } })],
      };
    }
    return response.body.singleResult as ExecutionResult;
  };

  const schema = withSubscriptions(federation.gateway.schema!);
  clientSchema = schema;
  const manifests = ManifestStore.open(settings.persistedDir ?? PERSISTED_DIR, schema, log);
  hub = new SubscriptionHub({
    bus: deps.bus,
    schema,
    executeFederated,
    log,
    queueCapacity: limits.subscriberQueue,
    observer: {
      eventReceived: (domain) => metrics.eventsReceived.inc({ domain }),
      executed: () => metrics.executions.inc(),
      fetched: (count) => metrics.federatedQueries.inc(count),
      fannedOut: (count) => metrics.fannedOut.inc(count),
      dropped: () => metrics.dropped.inc(),
    },
  });

  // Every subgraph the gateway routes to, the supergraph's default URLs included.
  const ready = readinessProbe(subgraphEndpoints(supergraphSdl, settings.subgraphUrls), () => deps.bus.isHealthy());
  const metricsRoute: Route = async (req, res, url) => {
    if (url.pathname !== '/metrics') return false;
    if (settings.metricsToken && !bearerIs(req.headers.authorization, settings.metricsToken)) {
      res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8', 'www-authenticate': 'Bearer realm="metrics"' });
      res.end('401 /metrics needs "Authorization: Bearer <METRICS_TOKEN>"\n');
      return true;
    }
    res.writeHead(200, { 'content-type': metrics.registry.contentType });
    // The Node default metrics come from the process-wide registry (once per process, no prefix).
    res.end((await metrics.registry.metrics()) + (await nodeMetrics().metrics()));
    return true;
  };
  const downloads = settings.subgraphUrls.tickets
    ? attachmentDownloadRoute({
        internalSecret: settings.internalSecret,
        ticketsUrl: settings.subgraphUrls.tickets,
        signer: new CallerSigner(settings.internalSecret),
        authenticator,
        limiter,
        inFlight,
      })
    : null;
  const server = createHttpServer(
    [
      ...(settings.cors?.origins.length ? [corsRoute(settings.cors)] : []),
      healthRoutes(ready),
      metricsRoute,
      pagesRoute({ dir: settings.pagesDir ?? PAGES_DIR, ide: settings.ide ?? settings.development ?? false }),
      ...(downloads ? [downloads.route] : []),
      reportDownloadRoute({
        authenticator,
        limiter,
        inFlight,
        execute: (query, variables, context) => executeFederated(query, variables, context),
      }),
      graphqlHttpRoute({
        apollo,
        authenticator,
        limiter,
        inFlight,
        manifests,
        metrics,
        maxBodyBytes: limits.maxBodyBytes,
        maxResponseBytes: limits.maxResponseBytes,
        trustedProxyHops: settings.trustedProxyHops ?? 0,
      }),
    ],
    (error) => log.error({ err: error }, 'HTTP handler failed'),
  );
  const ws = startWebSocketServer({
    server,
    path: '/graphql',
    schema,
    hub,
    log,
    authenticator,
    guard,
    limiter,
    inFlight,
    trustedProxyHops: settings.trustedProxyHops ?? 0,
    manifests,
    limits,
    formatError,
    onConnectionsChanged: (open) => (wsConnections = open),
    executeOperation: (args) =>
      executeFederated(
        print(args.document),
        (args.variableValues ?? {}) as Record<string, unknown>,
        args.contextValue as GatewayContext,
        args.operationName ?? undefined,
      ),
  });
  const port = await listen(server, settings.port, settings.host ?? '0.0.0.0');
  const url = `http://localhost:${port}/graphql`;
  log.info({ url }, 'gateway listening');
  const running = hub;
  return {
    url,
    port,
    hub: running,
    metrics,
    manifests,
    partnerKeys,
    get connections() {
      return wsConnections;
    },
    stop: async () => {
      await ws.close();
      await running.close();
      await closeServer(server);
      await apollo.stop();
      await federation.close();
      await downloads?.close();
      manifests.close();
      partnerKeys?.close();
      await deactivated.stop();
    },
  };
}

/** Compares a bearer token in constant time (the scraper's token is a secret). */
function bearerIs(header: string | undefined, token: string): boolean {
  const given = /^Bearer (.+)$/i.exec(header ?? '')?.[1] ?? '';
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b);
}
