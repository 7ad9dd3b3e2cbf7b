import { MAX_OPERATION_TOKENS } from '../guard/limits';
import type { IncomingMessage, Server } from 'node:http';
import { AppError, carriesLoneSurrogate, ErrorCode, IllFormedTextError } from '@reglament/shared/domain';
import { type Logger } from '@reglament/shared/platform';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import {
  type ExecutionArgs,
  type ExecutionResult,
  type FormattedExecutionResult,
  getOperationAST,
  GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
  parse,
  validate,
} from 'graphql';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Authenticator } from '../auth/authenticate';
import type { GatewayContext } from '../context';
import type { OperationGuard } from '../guard/guard';
import type { InFlightLimiter } from '../guard/in-flight';
import { clientAddressOf } from '../http/client-address';
import { type RateLimiter, rateKeyOf } from '../guard/rate-limiter';
import type { ManifestStore } from '../persisted/manifest-store';
import { trustedOperation } from '../persisted/trusted-documents';
import type { SubscriptionHub } from './hub';

export interface WsLimits {
  maxConnections: number;
  maxSubscriptionsPerConnection: number;
  connectionInitTimeoutMs: number;
  pingIntervalMs: number;
}

export interface WsOptions {
  server: Server;
  path: string;
  schema: GraphQLSchema;
  hub: SubscriptionHub;
  log: Logger;
  authenticator: Authenticator;
  guard: OperationGuard;
  limiter: RateLimiter;
  inFlight: InFlightLimiter;
  /** Reverse proxies in front whose X-Forwarded-For entries are trusted (0: none). */
  trustedProxyHops: number;
  manifests: ManifestStore;
  limits: WsLimits;
  /** Maps errors to typed API errors (the one place: formatErrorFor). */
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  /** Queries and mutations sent over the socket run through the federated executor. */
  executeOperation: (args: ExecutionArgs) => Promise<ExecutionResult>;
  onConnectionsChanged?: (open: number) => void;
}

type Extra = { socket: WebSocket; request: IncomingMessage };

interface Connection {
  gateway: GatewayContext;
  expiry: NodeJS.Timeout | null;
}

/** setTimeout's ceiling (about 24.8 days): a later expiry is checked again on the next operation. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** 1013 "Try Again Later": the server is at its connection limit. */
const TRY_AGAIN_LATER = 1013;
/** How often open sockets' credentials are checked again. */
const CREDENTIAL_SWEEP_MS = 2_000;

/**
 * graphql-ws on the gateway's /graphql (same port as HTTP). Credentials come in
 * `connection_init` (a JWT, or a partner's key) and are checked again before every operation;
 * the socket closes with 4403 when the token expires, also while idle. Limits: connections per
 * gateway, operations per connection, the init timeout, and a ping to find dead peers.
 */
export function startWebSocketServer(options: WsOptions): { close(): Promise<void>; readonly connections: number } {
  const { authenticator, limits } = options;
  const wss = new WebSocketServer({ server: options.server, path: options.path, maxPayload: 1_000_000 });
  const connections = new WeakMap<object, Connection>();
  // Open, authenticated sockets: swept for credentials that stopped being good while connected (a
  // revoked partner key, a deactivated account), which close with 4403 like an expired token.
  const live = new Map<object, { gateway: GatewayContext; socket: { close(code: number, reason: string): void } }>();
  const sweep = setInterval(() => {
    for (const [ctx, { gateway, socket }] of live) {
      const valid = authenticator.stillValid(gateway);
      if (!valid.ok) {
        live.delete(ctx);
        socket.close(CloseCode.Forbidden, `Forbidden: ${valid.reason}`);
      }
    }
  }, CREDENTIAL_SWEEP_MS);
  sweep.unref();
  let open = 0;

  wss.on('connection', (socket) => {
    open++;
    options.onConnectionsChanged?.(open);
    socket.once('close', () => {
      open--;
      options.onConnectionsChanged?.(open);
    });
    if (open > limits.maxConnections) {
      socket.close(TRY_AGAIN_LATER, `Too many connections: this gateway serves at most ${limits.maxConnections}`);
    }
  });

  const refuse = (error: unknown): readonly GraphQLError[] => {
    if (error instanceof GraphQLError) return [error];
    if (error instanceof AppError) {
      return [new GraphQLError(error.message, { extensions: { code: error.code, ...error.details } })];
    }
    throw error;
  };

  const cleanup = useServer<Record<string, unknown> | undefined, Extra>(
    {
      schema: options.schema,
      connectionInitWaitTimeout: limits.connectionInitTimeoutMs,
      onConnect: async (ctx) => {
        let gateway: GatewayContext;
        try {
          gateway = {
            ...(await authenticator.fromConnectionParams(ctx.connectionParams)),
            clientAddress: clientAddressOf(ctx.extra.request, options.trustedProxyHops),
          };
        } catch (error) {
          if (error instanceof AppError) return false; // 4403 Forbidden
          throw error;
        }
        // Nothing over a socket is for anonymous callers (they cannot subscribe): no idle sockets for them.
        if (gateway.caller.kind === 'anonymous') return false;
        let expiry: NodeJS.Timeout | null = null;
        if (gateway.expiresAt !== null) {
          const delay = gateway.expiresAt - Date.now();
          if (delay <= 0) return false;
          if (delay < MAX_TIMER_MS) {
            expiry = setTimeout(
              () => ctx.extra.socket.close(CloseCode.Forbidden, 'Forbidden: the token has expired'),
              delay,
            );
            expiry.unref();
          }
        }
        connections.set(ctx, { gateway, expiry });
        live.set(ctx, { gateway, socket: ctx.extra.socket });
        return true;
      },
      onClose: (ctx) => {
        const connection = connections.get(ctx);
        if (connection?.expiry) clearTimeout(connection.expiry);
        live.delete(ctx);
      },
      onSubscribe: async (ctx, _id, payload) => {
        const connection = connections.get(ctx);
        if (!connection) return refuse(new AppError(ErrorCode.UNAUTHENTICATED, 'Send connection_init first'));
        const { gateway } = connection;
        const valid = authenticator.stillValid(gateway);
        if (!valid.ok) {
          ctx.extra.socket.close(CloseCode.Forbidden, `Forbidden: ${valid.reason}`);
          return refuse(new AppError(ErrorCode.UNAUTHENTICATED, `Refused: ${valid.reason}`));
        }
        try {
          const active = Object.keys(ctx.subscriptions).length;
          if (active > limits.maxSubscriptionsPerConnection) {
            throw new AppError(
              ErrorCode.RATE_LIMITED,
              `Too many operations on one connection: at most ${limits.maxSubscriptionsPerConnection} at once`,
              { limit: limits.maxSubscriptionsPerConnection },
            );
          }
          const decision = options.limiter.take(rateKeyOf(gateway));
          if (!decision.allowed) {
            throw new AppError(ErrorCode.RATE_LIMITED, options.limiter.message(decision.retryAfterSeconds), {
              retryAfterSeconds: decision.retryAfterSeconds,
            });
          }
          // graphql-ws reads frames with JSON.parse, which lets a lone surrogate through.
          if (carriesLoneSurrogate(payload.variables) || carriesLoneSurrogate(payload.query)) {
            throw new AppError(ErrorCode.BAD_USER_INPUT, new IllFormedTextError().message);
          }
          const query = gateway.partner
            ? trustedOperation(options.manifests, gateway.partner, payload).body
            : payload.query;
          let document;
          try {
            document = parse(query, { maxTokens: MAX_OPERATION_TOKENS });
          } catch (error) {
            throw new GraphQLError((error as Error).message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
          }
          const errors = validate(options.schema, document, undefined, { hideSuggestions: true });
          if (errors.length > 0) {
            return errors.map(
              (e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
            );
          }
          const operation = getOperationAST(document, payload.operationName);
          if (!operation) throw new AppError(ErrorCode.BAD_USER_INPUT, 'Name the operation to run (operationName)');
          options.guard.check(options.schema, document, operation, payload.variables ?? undefined, gateway.caller);
          const args: ExecutionArgs = {
            schema: options.schema,
            document,
            ...(payload.operationName ? { operationName: payload.operationName } : {}),
            variableValues: payload.variables ?? null,
            contextValue: gateway,
          };
          // A subscription's scope is checked here, so a refusal is an `error` message, not a result.
          if (operation.operation === 'subscription') args.rootValue = await options.hub.authorize(args);
          return args;
        } catch (error) {
          return refuse(error);
        }
      },
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => options.formatError(e.toJSON(), e)),
      onNext: (_ctx, _id, _payload, _args, result): FormattedExecutionResult | void => {
        if (!result.errors?.length) return;
        const { errors, ...rest } = result;
        // Queries and mutations come back from Apollo already formatted (plain objects, no toJSON);
        // subscription results carry GraphQLErrors. Either way an error is a `next` with `errors`.
        return { ...rest, errors: errors.map((e) => formatOne(options.formatError, e)) };
      },
      subscribe: (args) => options.hub.subscribe(args),
      // Queries and mutations count among the caller's requests in flight (subscriptions do not:
      // they are long-lived and capped per connection).
      execute: async (args) => {
        const gateway = args.contextValue as GatewayContext;
        const leave = options.inFlight.enter(rateKeyOf(gateway));
        if (!leave) {
          return {
            errors: [
              new GraphQLError(options.inFlight.message(), {
                extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds: 1, maxInFlight: options.inFlight.limit },
              }),
            ],
          };
        }
        try {
          return await options.executeOperation(args);
        } finally {
          leave();
        }
      },
      // Internal errors never reach a close reason.
      isProd: true,
    },
    wss,
    limits.pingIntervalMs,
  );
  return {
    get connections() {
      return open;
    },
    close: async () => {
      clearInterval(sweep);
      await cleanup.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

function formatOne(
  format: WsOptions['formatError'],
  error: GraphQLError | GraphQLFormattedError,
): GraphQLFormattedError {
  return error instanceof GraphQLError ? format(error.toJSON(), error) : format(error, error);
}
