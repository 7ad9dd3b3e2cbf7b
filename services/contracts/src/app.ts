import { type Platform, type RunningService, ServiceRuntime, type StorageSettings } from '@reglament/shared/platform';
import { Advisories } from './application/advisories';
import { Auth } from './application/auth';
import { Contacts } from './application/contacts';
import { ContractClock } from './application/contract-clock';
import { Contracts } from './application/contracts';
import { Credentials } from './application/credentials';
import { Duties } from './application/duties';
import { seedDemoData } from './application/demo-data';
import { Organizations } from './application/organizations';
import { PrepaidLedger } from './application/prepaid';
import { PrepaidMonths } from './application/prepaid-months';
import { PrepaidReads } from './application/prepaid-reads';
import { Releases } from './application/releases';
import { Staff } from './application/staff';
import { Statements } from './application/statements';
import { TimeLogging } from './application/time-logging';
import { Workload } from './application/workload';
import { type ContractsApp, createLoaders } from './graphql/context';
import { buildContractsSchema } from './graphql/schema';
import { OrganizationsContracts1763700000100 } from './infra/migrations/1763700000100-organizations-contracts';
import { PeoplePrepaidReleases1763700000110 } from './infra/migrations/1763700000110-people-prepaid-releases';
import { LoginThrottleByAddress1796653894003 } from './infra/migrations/1796653894003-LoginThrottleByAddress';
import { NotificationPreferences1796653894100 } from './infra/migrations/1796653894100-notification-preferences';
import { SupportContacts1796679982608 } from './infra/migrations/1796679982608-SupportContacts';
import { Advisories1796684406601 } from './infra/migrations/1796684406601-Advisories';
import { KnownTicketAssignee1796700000000 } from './infra/migrations/1796700000000-KnownTicketAssignee';
import { ContractStore } from './infra/contract-store';
import { DutyStore } from './infra/duty-store';
import { ContractDuties1796710000000 } from './infra/migrations/1796710000000-ContractDuties';
import { OrganizationStore } from './infra/organization-store';
import { ContactStore, CredentialStore, LoginThrottleStore, StaffStore } from './infra/people-store';
import { PrepaidStore } from './infra/prepaid-store';
import { ReleaseStore } from './infra/release-store';
import { AdvisoryStore } from './infra/advisory-store';
import { StatementStore } from './infra/statement-store';
import { TimeEntryStore } from './infra/time-entry-store';
import { WorkloadStore } from './infra/workload-store';
import { TokenIssuer } from './infra/tokens';
import { ticketsHandlers } from './messaging/tickets-consumer';
import { contractsEntities } from './infra/entities';

export { contractsEntities };

export const contractsMigrations = [
  OrganizationsContracts1763700000100,
  PeoplePrepaidReleases1763700000110,
  LoginThrottleByAddress1796653894003,
  NotificationPreferences1796653894100,
  SupportContacts1796679982608,
  Advisories1796684406601,
  KnownTicketAssignee1796700000000,
  ContractDuties1796710000000,
];

export interface ContractsSettings extends StorageSettings {
  port: number;
  /** HS256 key of the access tokens `login` issues (the gateway verifies them with the same key). */
  jwtSecret?: string;
  /** The first admin, created at first start (docs/api.md "Authentication and tokens"). */
  adminEmail?: string;
  adminPassword?: string;
  /** Embedded demo: one customer under each preset, with printed logins. */
  demoData?: boolean;
  /** How often the clock jobs run besides every move of the clock (default 30 s). */
  clockIntervalMs?: number;
  /** Real time as login throttling reads it (default Date.now; tests move it). */
  realNow?: () => number;
}

/** The use cases of the contracts service over one database (what the resolvers and tests call). */
export function buildContractsApp(
  runtime: ServiceRuntime,
  platform: Platform,
  settings: ContractsSettings,
): ContractsApp {
  const { dataSource, transactions } = runtime;
  const { clock } = platform;
  // The infra/ stores hold every query; the application services below only call them.
  const organizationStore = new OrganizationStore(dataSource);
  const contractStore = new ContractStore(dataSource);
  const contactStore = new ContactStore(dataSource);
  const staffStore = new StaffStore(dataSource);
  const credentialStore = new CredentialStore(dataSource);
  const prepaidStore = new PrepaidStore(dataSource);
  const credentials = new Credentials(credentialStore);
  const duties = new Duties(new DutyStore(dataSource), contractStore, transactions, clock, runtime.log);
  const contracts = new Contracts(contractStore, organizationStore, transactions, clock, duties);
  const prepaidMonths = new PrepaidMonths(prepaidStore, clock);
  const prepaid = new PrepaidLedger(prepaidStore, prepaidMonths, transactions, clock, contracts);
  const releaseStore = new ReleaseStore(dataSource);
  const releases = new Releases(releaseStore, contractStore, transactions, clock);
  return {
    credentials,
    auth: new Auth(
      {
        throttle: new LoginThrottleStore(dataSource),
        credentials: credentialStore,
        contacts: contactStore,
        staff: staffStore,
      },
      credentials,
      transactions,
      clock,
      settings.jwtSecret ? new TokenIssuer(settings.jwtSecret) : null,
      runtime.log,
      settings.realNow,
    ),
    organizations: new Organizations(organizationStore, transactions, clock),
    contacts: new Contacts(contactStore, organizationStore, credentials, transactions, clock),
    staff: new Staff(staffStore, credentials, transactions, clock),
    contracts,
    duties,
    prepaid,
    prepaidReads: new PrepaidReads(prepaidStore, clock),
    timeLogging: new TimeLogging(new TimeEntryStore(dataSource), contractStore, transactions, clock, prepaidMonths),
    releases,
    advisories: new Advisories(
      new AdvisoryStore(dataSource),
      contractStore,
      releaseStore,
      releases,
      transactions,
      clock,
    ),
    workload: new Workload(new WorkloadStore(dataSource), clock),
    statements: new Statements(contracts, new StatementStore(dataSource), prepaidStore, clock),
  };
}

export interface RunningContracts extends RunningService {
  app: ContractsApp;
  clockJobs: ContractClock;
}

/**
 * The composition root of the contracts subgraph: DB -> migrations -> relay -> first admin
 * and demo data -> consumers (tickets read model) -> server -> clock jobs.
 */
export async function startContracts(platform: Platform, settings: ContractsSettings): Promise<RunningContracts> {
  const runtime = await ServiceRuntime.start(platform, {
    service: 'contracts',
    ...settings,
    entities: contractsEntities,
    migrations: contractsMigrations,
  });
  try {
    const app = buildContractsApp(runtime, platform, settings);
    if (settings.adminEmail && settings.adminPassword) {
      const admin = await app.staff.ensureFirstAdmin(settings.adminEmail, settings.adminPassword);
      if (admin === 'created') runtime.log.info({ email: settings.adminEmail }, 'first admin created');
    }
    if (settings.demoData) {
      await seedDemoData({ ...app, clock: platform.clock, log: runtime.log });
    }
    await runtime.consume('tickets', ticketsHandlers);
    const server = await runtime.serve(await buildContractsSchema(), settings.port, (caller, request) => ({
      caller,
      clientAddress: request.clientAddress,
      app,
      loaders: createLoaders(app, caller),
    }));
    const clockJobs = new ContractClock(
      platform.clock,
      [
        { name: 'contract statuses', run: () => app.contracts.sweepStatuses() },
        { name: 'prepaid months', run: () => app.prepaid.rollOverAll() },
        { name: 'login failures', run: () => app.auth.forgetOldFailures() },
        { name: 'contract duties', run: () => app.duties.openDue() },
      ],
      runtime.log,
      settings.clockIntervalMs,
    );
    clockJobs.start();
    runtime.lifecycle.add('contracts clock', () => clockJobs.stop());
    return {
      name: 'contracts',
      url: server.url,
      port: server.port,
      runtime,
      app,
      clockJobs,
      stop: () => runtime.stop(),
    };
  } catch (error) {
    await runtime.stop();
    throw error;
  }
}
