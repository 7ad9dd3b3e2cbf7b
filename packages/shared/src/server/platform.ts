import type { EventBus } from '../bus/event-bus';
import type { RetentionSettings } from '../outbox/housekeeping';
import { MemoryEventBus } from '../bus/memory-bus';
import { NatsEventBus } from '../bus/nats-bus';
import { type Clock, ReplayClock, SystemClock, TestClock } from '../clock/clock';
import { ClockControl } from '../clock/clock-sync';
import { createLogger, type Logger } from '../logger';

/** What every part is given by its composition root: logging, the bus, the clock. */
export interface Platform {
  log: Logger;
  bus: EventBus;
  clock: Clock;
  /** Set only when started with TEST_CLOCK=1; `setClock`/`advanceClock` go through it. */
  clockControl: ClockControl | null;
  internalSecret: string;
  eventPrefix: string;
  /** The interface subgraphs listen on (default 127.0.0.1: only the gateway, on this machine, calls them). */
  host?: string;
  /** Failed attempts after which a consumer parks an event (PARK_AFTER_ATTEMPTS). */
  parkAfterAttempts?: number;
  /** Set: GET /metrics answers only `Authorization: Bearer <metricsToken>` (METRICS_TOKEN). */
  metricsToken?: string;
  /** How long platform tables keep rows (INBOX_KEEP_HOURS, OUTBOX_KEEP_HOURS). */
  retention?: Partial<RetentionSettings>;
}

export interface PlatformSettings {
  name: string;
  natsUrl?: string;
  eventPrefix: string;
  internalSecret: string;
  testClock: boolean;
  /**
   * The clock starts at this past instant (the demo data's history at first start): the test
   * clock simply starts there; otherwise a ReplayClock stands there until released.
   */
  clockStartsAt?: Date;
  logLevel: string;
  /** Embedded mode: where the in-process bus keeps its log (unset: memory only). */
  busDir?: string;
  /** The interface subgraphs listen on (default 127.0.0.1). */
  host?: string;
  parkAfterAttempts?: number;
  metricsToken?: string;
  retention?: Partial<RetentionSettings>;
}

/** Builds the platform of one process. Embedded mode builds one and shares it across parts. */
export async function createPlatform(settings: PlatformSettings): Promise<Platform> {
  const log = createLogger(settings.name, settings.logLevel);
  const bus: EventBus = settings.natsUrl
    ? await NatsEventBus.connect({ url: settings.natsUrl, prefix: settings.eventPrefix, name: settings.name, log })
    : new MemoryEventBus({ log, ...(settings.busDir ? { dir: settings.busDir } : {}) });
  const start = settings.clockStartsAt;
  const clock = settings.testClock
    ? new TestClock(start ?? Date.now())
    : start
      ? new ReplayClock(start)
      : new SystemClock();
  const clockControl = clock instanceof TestClock ? await ClockControl.start(bus, clock, log) : null;
  return {
    log,
    bus,
    clock,
    clockControl,
    internalSecret: settings.internalSecret,
    eventPrefix: settings.eventPrefix,
    ...(settings.host ? { host: settings.host } : {}),
    ...(settings.parkAfterAttempts ? { parkAfterAttempts: settings.parkAfterAttempts } : {}),
    ...(settings.metricsToken ? { metricsToken: settings.metricsToken } : {}),
    ...(settings.retention ? { retention: settings.retention } : {}),
  };
}

export async function closePlatform(platform: Platform): Promise<void> {
  await platform.clockControl?.stop();
  await platform.bus.close();
}
