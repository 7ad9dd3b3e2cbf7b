import { createPlatform, type Platform } from '@reglament/shared/platform';
import { TEST_SECRET } from '@reglament/shared/testing';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { type GatewaySettings, type RunningGateway, startGateway } from '../../src/gateway-server';
import { TEST_JWT_SECRET, type TestSystem } from '../../../test/support/system';

/**
 * Another gateway replica beside the test system's own: its own NATS connection on the same
 * prefix, the same subgraphs (as a second gateway process would be).
 */
export async function startReplica(
  sys: TestSystem,
  settings: Partial<GatewaySettings> = {},
): Promise<{ gateway: RunningGateway; platform: Platform; stop(): Promise<void> }> {
  const platform = await createPlatform({
    name: 'gateway-replica',
    natsUrl: sys.nats.url,
    eventPrefix: sys.nats.prefix,
    internalSecret: TEST_SECRET,
    testClock: false,
    logLevel: process.env.TEST_LOG_LEVEL ?? 'silent',
  });
  const gateway = await startGateway(
    { bus: platform.bus, log: platform.log },
    {
      port: 0,
      internalSecret: TEST_SECRET,
      jwtSecret: TEST_JWT_SECRET,
      subgraphUrls: Object.fromEntries(Object.values(sys.system.services).map((s) => [s.name, s.url])),
      ...settings,
    },
  ).catch(async (error: unknown) => {
    await platform.bus.close();
    throw error;
  });
  return {
    gateway,
    platform,
    stop: async () => {
      await gateway.stop();
      await platform.bus.close();
    },
  };
}

export interface WsProbe {
  client: Client;
  closed: Promise<{ code: number; reason: string }>;
}

/** A graphql-ws client that reports how its socket closed. */
export function wsClient(url: string, connectionParams: Record<string, unknown>): WsProbe {
  let onClosed: (value: { code: number; reason: string }) => void = () => undefined;
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (onClosed = resolve));
  const client = createClient({
    url: url.replace('http', 'ws'),
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: false,
    // The close is what the tests look at; graphql-ws would also print it.
    onNonLazyError: () => undefined,
    on: {
      closed: (event) => {
        const e = event as { code: number; reason: string };
        onClosed({ code: e.code, reason: String(e.reason) });
      },
    },
  });
  return { client, closed };
}
