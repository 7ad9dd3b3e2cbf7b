import type { Server } from 'node:http';
import { AppError, type Logger } from '@reglament/shared';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { ExecutionArgs, ExecutionResult, GraphQLSchema } from 'graphql';
import { WebSocketServer } from 'ws';
import type { GatewayContext } from '../context';
import type { SubscriptionHub } from './hub';

export interface WsOptions {
  server: Server;
  path: string;
  schema: GraphQLSchema;
  hub: SubscriptionHub;
  log: Logger;
  /** Verifies the token of `connection_init` (`{ authorization: "Bearer ..." }` or `{ token }`). */
  authenticate: (connectionParams: Record<string, unknown> | undefined) => Promise<GatewayContext>;
  /** Queries and mutations sent over the socket run through the federated executor. */
  executeOperation: (args: ExecutionArgs) => Promise<ExecutionResult>;
}

type Extra = {
  [key: string]: unknown;
  gateway?: GatewayContext;
};

/** graphql-ws on the gateway's /graphql (same port as HTTP). */
export function startWebSocketServer(options: WsOptions): { close(): Promise<void> } {
  const wss = new WebSocketServer({ server: options.server, path: options.path });
  const cleanup = useServer<Record<string, unknown> | undefined, Extra>(
    {
      schema: options.schema,
      onConnect: async (ctx) => {
        try {
          (ctx.extra as Extra).gateway = await options.authenticate(ctx.connectionParams);
          return true;
        } catch (error) {
          if (error instanceof AppError) return false; // 4403 Forbidden
          throw error;
        }
      },
      context: (ctx) => {
        const gateway = (ctx.extra as Extra).gateway!;
        if (gateway.expiresAt !== null && gateway.expiresAt <= Date.now()) {
          ctx.extra.socket.close(CloseCode.Forbidden, 'Forbidden: the token has expired');
        }
        return gateway as unknown as Record<string, unknown>;
      },
      subscribe: (args) => options.hub.subscribe(args),
      execute: (args) => options.executeOperation(args),
    },
    wss,
  );
  return {
    close: async () => {
      await cleanup.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
