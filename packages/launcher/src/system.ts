import { startContracts } from '@reglament/contracts';
import { type NotificationsSettings, startNotifications } from '@reglament/notifications';
import {
  closePlatform,
  createPlatform,
  Lifecycle,
  type Platform,
  type RunningService,
  type StorageSettings,
} from '@reglament/shared/platform';
import { startSla } from '@reglament/sla';
import { startTickets } from '@reglament/tickets';
import { join } from 'node:path';
import { type GatewaySettings, type RunningGateway, startGateway } from '@reglament/gateway';

export interface SystemOptions {
  /** Real PostgreSQL (each part its own schema); unset -> PGlite per part under dataDir. */
  databaseUrl?: string;
  /** NATS JetStream; unset -> one in-process bus shared by all parts. */
  natsUrl?: string;
  eventPrefix: string;
  dataDir: string;
  internalSecret: string;
  jwtSecret: string;
  testClock: boolean;
  logLevel: string;
  /** 0 = any free port. */
  ports: { gateway: number; tickets: number; sla: number; contracts: number; notifications: number };
  /** The first admin (contracts creates it at first start). */
  adminEmail?: string;
  adminPassword?: string;
  /** E-mail settings of the notifications part (defaults: .eml files under DATA_DIR/mail). */
  mail?: NotificationsSettings['mail'];
  /** The inbound e-mail channel of the notifications part (SMTP listener when `smtpPort` is set). */
  emailIn?: NotificationsSettings['emailIn'];
  /** Partner webhooks of the notifications part (retry base, timeout, limits). */
  webhooks?: NotificationsSettings['webhooks'];
  /**
   * Embedded only: the clock starts at this past instant and stands there until the demo history
   * is written (see demo-history.ts); ignored with NATS, where each part has its own clock.
   */
  clockStartsAt?: Date;
  /** One demo customer under each preset (the embedded one-command start). */
  demoData?: boolean;
  /** Gateway settings beyond the defaults (limits, trusted documents, development mode). */
  gateway?: Partial<Omit<GatewaySettings, 'port' | 'internalSecret' | 'jwtSecret' | 'subgraphUrls'>>;
}

export interface RunningSystem {
  gateway: RunningGateway;
  services: Record<'tickets' | 'sla' | 'contracts' | 'notifications', RunningService>;
  platforms: Platform[];
  stop(): Promise<void>;
}

/**
 * All parts in one process. Embedded (no NATS): one platform, one in-process bus and one clock
 * shared by every part. With NATS: each part gets its own platform (its own connection and
 * clock, synchronized over NATS), exactly as if it ran in its own process.
 */
export async function startSystem(options: SystemOptions): Promise<RunningSystem> {
  const lifecycle = new Lifecycle();
  const platforms: Platform[] = [];
  const shared = options.natsUrl ? null : await newPlatform('reglament', options, `${options.dataDir}/bus`);
  if (shared) {
    platforms.push(shared);
    lifecycle.add('platform', () => closePlatform(shared));
  }
  const platformFor = async (name: string) => {
    if (shared) return shared;
    const platform = await newPlatform(name, options);
    platforms.push(platform);
    lifecycle.add(`${name} platform`, () => closePlatform(platform));
    return platform;
  };
  const storage: StorageSettings = {
    dataDir: options.dataDir,
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
  };
  try {
    const starts = {
      contracts: async () =>
        startContracts(await platformFor('contracts'), {
          ...storage,
          port: options.ports.contracts,
          jwtSecret: options.jwtSecret,
          ...(options.adminEmail ? { adminEmail: options.adminEmail } : {}),
          ...(options.adminPassword ? { adminPassword: options.adminPassword } : {}),
          demoData: options.demoData ?? false,
        }),
      tickets: async () => startTickets(await platformFor('tickets'), { ...storage, port: options.ports.tickets }),
      sla: async () => startSla(await platformFor('sla'), { ...storage, port: options.ports.sla }),
      notifications: async () =>
        startNotifications(await platformFor('notifications'), {
          ...storage,
          port: options.ports.notifications,
          ...(options.mail ? { mail: options.mail } : {}),
          ...(options.emailIn ? { emailIn: options.emailIn } : {}),
          ...(options.webhooks ? { webhooks: options.webhooks } : {}),
        }),
    };
    const [contracts, tickets, sla, notifications] = await Promise.all([
      starts.contracts(),
      starts.tickets(),
      starts.sla(),
      starts.notifications(),
    ]);
    const services = { contracts, tickets, sla, notifications };
    for (const service of Object.values(services)) lifecycle.add(service.name, () => service.stop());
    const gatewayPlatform = await platformFor('gateway');
    const gateway = await startGateway(
      { bus: gatewayPlatform.bus, log: gatewayPlatform.log },
      {
        port: options.ports.gateway,
        internalSecret: options.internalSecret,
        jwtSecret: options.jwtSecret,
        subgraphUrls: Object.fromEntries(Object.values(services).map((s) => [s.name, s.url])),
        partnerKeysFile: join(options.dataDir, 'partner-keys.json'),
        ...options.gateway,
      },
    );
    lifecycle.add('gateway', () => gateway.stop());
    return { gateway, services, platforms, stop: () => lifecycle.stopAll() };
  } catch (error) {
    await lifecycle.stopAll();
    throw error;
  }
}

function newPlatform(name: string, options: SystemOptions, busDir?: string): Promise<Platform> {
  return createPlatform({
    name,
    ...(busDir && options.clockStartsAt ? { clockStartsAt: options.clockStartsAt } : {}),
    eventPrefix: options.eventPrefix,
    internalSecret: options.internalSecret,
    testClock: options.testClock,
    logLevel: options.logLevel,
    ...(options.natsUrl ? { natsUrl: options.natsUrl } : {}),
    ...(busDir ? { busDir } : {}),
  });
}
