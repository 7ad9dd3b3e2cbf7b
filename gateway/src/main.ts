/** The gateway as its own process (distributed mode): subgraph URLs and NATS from the environment. */
// First: tracing wraps http, undici and pg as they load (docs/operations.md "Traces").
import '@reglament/shared/telemetry';
import { createPlatform, exitOnStartupFailure, loadConfigOrExit, runUntilSignal } from '@reglament/shared/platform';
import { join, resolve } from 'node:path';
import { gatewayConfigShape, ideEnabled, limitsFromConfig } from './config';
import { startGateway } from './gateway-server';

const config = loadConfigOrExit(gatewayConfigShape, process.env);
if (!config.JWT_SECRET && !config.JWT_JWKS_URL) {
  process.stderr.write(
    'Invalid configuration: JWT_SECRET or JWT_JWKS_URL must be set (how access tokens are verified)\n',
  );
  process.exit(1);
}
if (config.INTROSPECT_SUBGRAPHS && !config.GATEWAY_DEVELOPMENT) {
  process.stderr.write(
    'Invalid configuration: INTROSPECT_SUBGRAPHS=1 needs GATEWAY_DEVELOPMENT=1 (production loads the supergraph composed at build time)\n',
  );
  process.exit(1);
}
if (!config.NATS_URL) {
  process.stderr.write(
    'Invalid configuration: NATS_URL must be set for the gateway as its own process (subscriptions are fed by NATS)\n',
  );
  process.exit(1);
}

createPlatform({
  name: 'gateway',
  natsUrl: config.NATS_URL,
  eventPrefix: config.EVENT_PREFIX,
  internalSecret: config.INTERNAL_SECRET,
  testClock: false,
  logLevel: config.LOG_LEVEL,
})
  .then(async (platform) => {
    const gateway = await startGateway(
      { bus: platform.bus, log: platform.log },
      {
        port: config.GATEWAY_PORT,
        host: config.HOST,
        internalSecret: config.INTERNAL_SECRET,
        ...(config.JWT_SECRET ? { jwtSecret: config.JWT_SECRET } : {}),
        ...(config.JWT_JWKS_URL ? { jwksUrl: config.JWT_JWKS_URL } : {}),
        ...(config.METRICS_TOKEN ? { metricsToken: config.METRICS_TOKEN } : {}),
        limits: limitsFromConfig(config),
        trustedProxyHops: config.TRUST_PROXY_HOPS,
        cors: {
          origins: (config.CORS_ORIGINS ?? '')
            .split(',')
            .map((origin) => origin.trim())
            .filter((origin) => origin.length > 0),
          allowCredentials: config.CORS_ALLOW_CREDENTIALS,
        },
        development: config.GATEWAY_DEVELOPMENT,
        ide: ideEnabled(config),
        introspectSubgraphs: config.INTROSPECT_SUBGRAPHS,
        ...(config.PERSISTED_DIR ? { persistedDir: resolve(config.PERSISTED_DIR) } : {}),
        partnerKeysFile: resolve(config.PARTNER_KEYS_FILE ?? join(config.DATA_DIR, 'partner-keys.json')),
        subgraphUrls: {
          ...(config.TICKETS_URL ? { tickets: config.TICKETS_URL } : {}),
          ...(config.SLA_URL ? { sla: config.SLA_URL } : {}),
          ...(config.CONTRACTS_URL ? { contracts: config.CONTRACTS_URL } : {}),
          ...(config.NOTIFICATIONS_URL ? { notifications: config.NOTIFICATIONS_URL } : {}),
        },
      },
    );
    runUntilSignal(platform.log, async () => {
      await gateway.stop();
      await platform.bus.close();
    });
  })
  .catch((error: unknown) => exitOnStartupFailure(undefined, error));
