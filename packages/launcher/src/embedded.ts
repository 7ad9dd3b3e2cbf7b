/**
 * `pnpm start`: the whole system in one process. With nothing set: embedded mode (PGlite per
 * part under .data/, in-process bus), gateway on http://localhost:4000/graphql. With
 * DATABASE_URL and NATS_URL set: the same parts on real PostgreSQL and NATS.
 */
// First: tracing wraps http, undici and pg as they load (docs/operations.md "Traces").
import '@reglament/shared/telemetry';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  ensurePrivateDir,
  env,
  exitOnStartupFailure,
  loadConfigOrExit,
  platformConfigShape,
  runUntilSignal,
} from '@reglament/shared/platform';
import { z } from 'zod';
import { startSystem } from './system';
import { emailInConfigShape, mailConfigShape, webhookConfigShape } from '@reglament/notifications';
import { demoLogins } from '@reglament/contracts';
import { demoHistory, historyStart } from './demo-history';
import { seedDemoTickets } from './demo-tickets';
import { ensurePagesBuilt } from '@reglament/wallboard';

/** The demo data set's logins (one customer under each preset), printed at start. */
function demoText(): string {
  if (!demoOn) return '';
  const lines = demoLogins().map(
    (login) => `    ${login.email} / ${login.password}  (${login.role}${login.preset ? `, ${login.preset}` : ''})`,
  );
  return `  Demo logins:\n${lines.join('\n')}\n`;
}

const config = loadConfigOrExit(
  {
    ...platformConfigShape,
    ...mailConfigShape,
    ...emailInConfigShape,
    ...webhookConfigShape,
    /** The embedded start listens for inbound e-mail on 2525 (docs/email.md); SMTP_IN_PORT=0 picks any free port. */
    SMTP_IN_PORT: env.port(2525),
    INTERNAL_SECRET: env.optionalSecret('HMAC key the gateway signs callers with; generated under DATA_DIR when unset'),
    JWT_SECRET: env.optionalSecret('HS256 key of access tokens; generated under DATA_DIR when unset'),
    GATEWAY_PORT: env.port(4000),
    TICKETS_PORT: env.port(4001),
    SLA_PORT: env.port(4002),
    CONTRACTS_PORT: env.port(4003),
    NOTIFICATIONS_PORT: env.port(4004),
    ADMIN_EMAIL: z.email().default('admin@reglament.local').describe('must be an e-mail address (the first admin)'),
    ADMIN_PASSWORD: z
      .string()
      .min(8)
      .default('admin-demo-password')
      .describe('must be at least 8 characters (the first admin)'),
    DEMO_DATA: env.flag(true),
    /** DEMO=0: no demo data set (the same as DEMO_DATA=0). */
    DEMO: env.flag(true),
    GATEWAY_DEVELOPMENT: env.flag(false),
  },
  process.env,
);

/** Secrets of a local installation: generated once, kept under the data directory. */
function localSecret(dataDir: string, name: string): string {
  ensurePrivateDir(dataDir);
  const file = join(dataDir, `${name}.secret`);
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

const demoOn = config.DEMO && config.DEMO_DATA;
const started = Date.now();
const dataDir = resolve(config.DATA_DIR);
// `pnpm start --reset`: start clean (embedded data only: a database of one's own is dropped by its owner).
if (process.argv.includes('--reset')) {
  if (config.DATABASE_URL) {
    process.stderr.write(
      '--reset clears the embedded data folder only; with DATABASE_URL drop the database yourself\n',
    );
    process.exit(1);
  }
  rmSync(dataDir, { recursive: true, force: true });
  process.stdout.write(`--reset: ${dataDir} removed, starting clean\n`);
}
// First start of the embedded data with the demo on: the demo tickets get a day of history.
const history =
  demoOn && !config.DATABASE_URL && !config.NATS_URL && !existsSync(join(dataDir, 'contracts'))
    ? historyStart(new Date(started))
    : undefined;
// The wallboard and the IDE are built once per change of their sources (a few seconds).
ensurePagesBuilt((message) => process.stdout.write(`${message}\n`));
startSystem({
  dataDir,
  eventPrefix: config.EVENT_PREFIX,
  internalSecret: config.INTERNAL_SECRET ?? localSecret(dataDir, 'internal'),
  jwtSecret: config.JWT_SECRET ?? localSecret(dataDir, 'jwt'),
  testClock: config.TEST_CLOCK,
  logLevel: config.LOG_LEVEL,
  adminEmail: config.ADMIN_EMAIL,
  adminPassword: config.ADMIN_PASSWORD,
  demoData: demoOn,
  ...(history ? { clockStartsAt: history } : {}),
  mail: {
    smtpUrl: config.SMTP_URL,
    from: config.MAIL_FROM,
    ...(config.MAIL_DOMAIN ? { domain: config.MAIL_DOMAIN } : {}),
    portalUrl: config.PORTAL_URL,
    maxAttempts: config.MAIL_MAX_ATTEMPTS,
  },
  emailIn: {
    smtpPort: config.SMTP_IN_PORT,
    smtpHost: config.SMTP_IN_HOST,
    maxBytes: config.EMAIL_IN_MAX_BYTES,
    attachmentsMaxBytes: config.EMAIL_IN_ATTACHMENTS_MAX_BYTES,
    ratePerHour: config.EMAIL_IN_RATE_PER_HOUR,
    waitMs: config.EMAIL_IN_WAIT_MS,
  },
  webhooks: {
    retryBaseMs: config.WEBHOOK_RETRY_BASE_MS,
    timeoutMs: config.WEBHOOK_TIMEOUT_MS,
    disableAfterMs: config.WEBHOOK_DISABLE_AFTER_HOURS * 3600_000,
    maxPerOrganization: config.WEBHOOK_MAX_PER_ORGANIZATION,
  },
  // The IDE is on in the one-command start (a local installation), whatever the mode.
  gateway: { development: config.GATEWAY_DEVELOPMENT, ide: true },
  ...(config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL } : {}),
  ...(config.NATS_URL ? { natsUrl: config.NATS_URL } : {}),
  ports: {
    gateway: config.GATEWAY_PORT,
    tickets: config.TICKETS_PORT,
    sla: config.SLA_PORT,
    contracts: config.CONTRACTS_PORT,
    notifications: config.NOTIFICATIONS_PORT,
  },
})
  .then((system) => {
    const mode =
      config.DATABASE_URL && config.NATS_URL ? 'distributed (PostgreSQL + NATS)' : 'embedded (PGlite + in-process bus)';
    process.stdout.write(
      `\nReglament is ready in ${((Date.now() - started) / 1000).toFixed(1)} s, ${mode}.\n` +
        `  Wallboard: ${system.gateway.url.replace(/\/graphql$/, '/wallboard')}\n` +
        `  GraphQL IDE (open in a browser): ${system.gateway.url}\n` +
        `  GraphQL (HTTP and graphql-ws): ${system.gateway.url}\n` +
        `  Admin login: ${config.ADMIN_EMAIL} / ${config.ADMIN_PASSWORD === 'admin-demo-password' ? 'admin-demo-password' : '(ADMIN_PASSWORD)'}\n` +
        demoText() +
        (config.TEST_CLOCK ? '  Test clock on: `pnpm demo:day` plays a working day on it.\n' : '') +
        '\n',
    );
    const log = system.platforms[0]!.log;
    if (demoOn) {
      if (history) {
        process.stdout.write(
          `  Loading the demo data: a working day of history from ${history.toISOString()}, a few seconds.\n\n`,
        );
      }
      const replay = history ? demoHistory(system.platforms[0]!, new Date(started)) : null;
      void seedDemoTickets(system.gateway.url, log, { history: replay });
    }
    runUntilSignal(log, () => system.stop());
  })
  .catch((error: unknown) => exitOnStartupFailure(undefined, error));
