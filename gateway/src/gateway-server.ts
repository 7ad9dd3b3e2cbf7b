import { ApolloServer } from '@apollo/server';
import {
  AppError,
  type Caller,
  closeServer,
  createHttpServer,
  type EventBus,
  formatErrorFor,
  graphqlRoute,
  healthRoutes,
  listen,
  type Logger,
  unauthenticated,
} from '@reglament/shared';
import { type ExecutionResult, GraphQLError, print } from 'graphql';
import { bearerToken, createTokenVerifier, type TokenVerifier } from './auth/tokens';
import type { GatewayContext } from './context';
import { createGateway, loadSupergraph } from './supergraph';
import { SubscriptionHub } from './subscriptions/hub';
import { withSubscriptions } from './subscriptions/schema';
import { startWebSocketServer } from './subscriptions/ws-server';

export interface GatewaySettings {
  port: number;
  internalSecret: string;
  jwtSecret?: string;
  jwksUrl?: string;
  subgraphUrls: Partial<Record<string, string>>;
  supergraphSdl?: string;
  maxBodyBytes?: number;
}

export interface RunningGateway {
  url: string;
  port: number;
  hub: SubscriptionHub;
  stop(): Promise<void>;
}

/** The gateway: one supergraph over HTTP and graphql-ws on the same /graphql. */
export async function startGateway(
  deps: { bus: EventBus; log: Logger },
  settings: GatewaySettings,
): Promise<RunningGateway> {
  const log = deps.log.child({ part: 'gateway' });
  const verify: TokenVerifier = createTokenVerifier({
    ...(settings.jwtSecret ? { jwtSecret: settings.jwtSecret } : {}),
    ...(settings.jwksUrl ? { jwksUrl: settings.jwksUrl } : {}),
  });
  const gateway = createGateway({
    supergraphSdl: settings.supergraphSdl ?? loadSupergraph(),
    subgraphUrls: settings.subgraphUrls,
    internalSecret: settings.internalSecret,
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: formatErrorFor(log),
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    // Shutdown is ours (stop taking requests, drain consumers and relay, close the DB), not Apollo's.
    stopOnTerminationSignals: false,
  });
  await apollo.start();

  const contextOf = async (authorization: string | null | undefined): Promise<GatewayContext> => {
    const token = bearerToken(authorization);
    if (!token) return { caller: { kind: 'anonymous' } as Caller, expiresAt: null };
    return verify(token);
  };

  const httpContext = async (req: { headers: Record<string, string | string[] | undefined> }) => {
    try {
      const header = req.headers.authorization;
      return await contextOf(Array.isArray(header) ? header[0] : header);
    } catch (error) {
      if (error instanceof AppError) {
        throw new GraphQLError(error.message, { extensions: { code: error.code, http: { status: 401 } } });
      }
      throw error;
    }
  };

  const executeFederated = async (query: string, variables: Record<string, unknown>, context: GatewayContext) => {
    const response = await apollo.executeOperation({ query, variables }, { contextValue: context });
    if (response.body.kind !== 'single') throw new Error('Incremental delivery is not supported here');
    return response.body.singleResult as ExecutionResult;
  };

  const schema = withSubscriptions(gateway.schema!);
  const hub = new SubscriptionHub({ bus: deps.bus, schema, executeFederated, log });

  const server = createHttpServer(
    [
      healthRoutes(async () => ({ ok: true, checks: { bus: deps.bus.isHealthy() } })),
      graphqlRoute(apollo, httpContext, { maxBodyBytes: settings.maxBodyBytes ?? 1_000_000 }),
    ],
    (error) => log.error({ err: error }, 'HTTP handler failed'),
  );
  const ws = startWebSocketServer({
    server,
    path: '/graphql',
    schema,
    hub,
    log,
    authenticate: async (params) => {
      const raw =
        params?.authorization ?? params?.Authorization ?? (params?.token ? `Bearer ${String(params.token)}` : null);
      if (raw !== null && typeof raw !== 'string') throw unauthenticated('authorization must be a string');
      return contextOf(raw);
    },
    executeOperation: (args) =>
      executeFederated(
        print(args.document),
        (args.variableValues ?? {}) as Record<string, unknown>,
        args.contextValue as GatewayContext,
      ),
  });
  const port = await listen(server, settings.port);
  const url = `http://localhost:${port}/graphql`;
  log.info({ url }, 'gateway listening');
  return {
    url,
    port,
    hub,
    stop: async () => {
      await ws.close();
      await hub.close();
      await closeServer(server);
      await apollo.stop();
    },
  };
}
