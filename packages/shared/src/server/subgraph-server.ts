import type { IncomingMessage } from 'node:http';
import { ApolloServer, type BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import { type Caller, verifyCaller } from '../auth/caller';
import { formatErrorFor } from '../graphql/errors';
import type { Platform } from './platform';
import { closeServer, createHttpServer, graphqlRoute, healthRoutes, listen, type Route } from './http';

export interface SubgraphServerOptions<Ctx extends BaseContext> {
  name: string;
  platform: Platform;
  schema: GraphQLSchema;
  port: number;
  dataSource: DataSource;
  /** Builds the per-request context (DataLoaders live here, one set per request). */
  context: (caller: Caller, request: RequestOrigin) => Ctx;
  routes?: Route[];
  /** Largest request body accepted (default 1,000,000 bytes), e.g. for base64 attachments. */
  maxBodyBytes?: number;
  /** Checks `/readyz` reports as degraded (name -> why) while the part stays ready. */
  degraded?: () => Promise<Record<string, string>>;
}

/** Where a request came from, as the gateway signed it. */
export interface RequestOrigin {
  /** The client's address (null: not known, e.g. the gateway's own requests). */
  clientAddress: string | null;
}

export interface RunningServer {
  port: number;
  url: string;
  stop(): Promise<void>;
}

/**
 * A subgraph on its own port: `/graphql` (signed callers only), `/healthz`, `/readyz` (and the
 * part's own routes, e.g. `/metrics`).
 * A request without a valid signature from the gateway is refused with UNAUTHENTICATED.
 */
export async function startSubgraphServer<Ctx extends BaseContext>(
  options: SubgraphServerOptions<Ctx>,
): Promise<RunningServer> {
  const { platform } = options;
  const log = platform.log;
  const apollo = new ApolloServer<Ctx>({
    schema: options.schema,
    formatError: formatErrorFor(log),
    includeStacktraceInErrorResponses: false,
    introspection: true,
    // The gateway sends POST application/json; nothing else reaches a subgraph legitimately.
    csrfPrevention: true,
    // Shutdown is ours (stop taking requests, drain consumers and relay, close the DB), not Apollo's.
    stopOnTerminationSignals: false,
    // No ftv1 traces: nothing reads them here, and they cost time on every request.
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  await apollo.start();

  const context = async (req: IncomingMessage): Promise<Ctx> => {
    const verdict = verifyCaller({ get: (name) => headerValue(req, name) }, platform.internalSecret);
    if (!verdict.ok) {
      throw new GraphQLError(`Refused: ${verdict.reason}`, {
        extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
      });
    }
    return options.context(verdict.caller, { clientAddress: verdict.address });
  };

  const ready = async () => {
    const checks = {
      database: await options.dataSource
        .query('SELECT 1')
        .then(() => true)
        .catch(() => false),
      bus: platform.bus.isHealthy(),
    };
    const degraded = options.degraded
      ? await options.degraded().catch((): Record<string, string> => ({ degradedChecks: 'could not be evaluated' }))
      : {};
    return { ok: Object.values(checks).every(Boolean), checks, degraded };
  };

  const server = createHttpServer(
    [
      healthRoutes(ready),
      graphqlRoute(apollo, context, {
        part: options.name,
        ...(options.maxBodyBytes ? { maxBodyBytes: options.maxBodyBytes } : {}),
      }),
      ...(options.routes ?? []),
    ],
    (error) => log.error({ err: error }, 'HTTP handler failed'),
  );
  const host = platform.host ?? '127.0.0.1';
  const port = await listen(server, options.port, host);
  // The address to call it at: loopback when listening on every interface or on loopback.
  const url = `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host}:${port}/graphql`;
  log.info({ url }, `${options.name} subgraph listening`);
  return {
    port,
    url,
    stop: async () => {
      await closeServer(server);
      await apollo.stop();
    },
  };
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
