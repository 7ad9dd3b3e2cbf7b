import { loadConfigOrExit, type ConfigOf, type ConfigShape, type Env } from '../config/config';
import type { platformConfigShape } from '../config/platform-config';
import { exitOnStartupFailure, runUntilSignal } from './lifecycle';
import { closePlatform, createPlatform, type Platform } from './platform';
import type { RunningService } from './service-runtime';

type PlatformConfig = ConfigOf<typeof platformConfigShape>;

/**
 * `main.ts` of a part run as its own process: validated config, platform on NATS, the part,
 * graceful shutdown on SIGTERM. Parts in separate processes can only talk over NATS, so
 * NATS_URL is required here (the all-in-one embedded mode is `pnpm start`).
 */
export function runStandalone<S extends ConfigShape>(
  name: string,
  shape: S,
  env: Env,
  start: (platform: Platform, config: ConfigOf<S> & PlatformConfig) => Promise<RunningService>,
): void {
  const config = loadConfigOrExit(shape, env) as ConfigOf<S> & PlatformConfig;
  if (!config.NATS_URL) {
    process.stderr.write(
      'Invalid configuration: NATS_URL must be set when a part runs as its own process (events must reach the other parts); ' +
        'for everything in one process without NATS run `pnpm start` at the repository root\n',
    );
    process.exit(1);
  }
  let platform: Platform | undefined;
  createPlatform({
    name,
    natsUrl: config.NATS_URL,
    eventPrefix: config.EVENT_PREFIX,
    internalSecret: config.INTERNAL_SECRET,
    testClock: config.TEST_CLOCK,
    logLevel: config.LOG_LEVEL,
    host: config.HOST,
    parkAfterAttempts: config.PARK_AFTER_ATTEMPTS,
    ...(config.METRICS_TOKEN ? { metricsToken: config.METRICS_TOKEN } : {}),
    retention: {
      inboxMarginMs: config.INBOX_KEEP_HOURS * 3600_000,
      outboxKeepMs: config.OUTBOX_KEEP_HOURS * 3600_000,
    },
  })
    .then(async (p) => {
      platform = p;
      const running = await start(p, config);
      runUntilSignal(p.log, async () => {
        await running.stop();
        await closePlatform(p);
      });
    })
    .catch((error: unknown) => exitOnStartupFailure(platform?.log, error));
}
