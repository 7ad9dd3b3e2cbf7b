import { type Caller, isStaff } from '@reglament/shared/domain';
import DataLoader from 'dataloader';
import type { Advisories } from '../application/advisories';
import type { Auth } from '../application/auth';
import type { Contacts } from '../application/contacts';
import type { Contracts } from '../application/contracts';
import type { Credentials } from '../application/credentials';
import type { Duties } from '../application/duties';
import type { ContractDutyEntity } from '../infra/duty.entities';
import type { Organizations } from '../application/organizations';
import type { PrepaidLedger } from '../application/prepaid';
import type { BalanceView, PrepaidReads } from '../application/prepaid-reads';
import type { Releases } from '../application/releases';
import type { Staff } from '../application/staff';
import type { Statements } from '../application/statements';
import type { TimeLogging } from '../application/time-logging';
import type { Workload } from '../application/workload';
import type { ContractEntity, OrganizationEntity } from '../infra/entities';
import type { ContactEntity, StaffEntity } from '../infra/people.entities';
import type { HourPackageEntity, PaymentEntity, TimeEntryEntity } from '../infra/prepaid.entities';
import type { ReleaseEntity } from '../infra/release.entities';
import type { AdvisoryEntity, AdvisoryRecipientEntity } from '../infra/advisory.entities';
import { toContract } from './mappers';
import type { Contract } from './types/contract.types';

/** The contracts service's use cases: all a resolver calls (no data source: queries live in infra/ stores). */
export interface ContractsApp {
  /** One login per e-mail across contacts and staff. */
  credentials: Credentials;
  auth: Auth;
  organizations: Organizations;
  contacts: Contacts;
  staff: Staff;
  contracts: Contracts;
  /** Issue 18: contract duties and the clock job that opens their occurrences. */
  duties: Duties;
  prepaid: PrepaidLedger;
  prepaidReads: PrepaidReads;
  timeLogging: TimeLogging;
  releases: Releases;
  advisories: Advisories;
  statements: Statements;
  workload: Workload;
}

export interface ContractsContext {
  caller: Caller;
  /** The client's address as the gateway signed it (login throttling counts per address). */
  clientAddress?: string | null;
  app: ContractsApp;
  loaders: Loaders;
}

export type Loaders = ReturnType<typeof createLoaders>;

/**
 * One set per request, bound to the caller: every list field and entity reference is
 * batched, and a loader only ever returns what the caller may see (null / empty otherwise).
 */
export function createLoaders(app: ContractsApp, caller: Caller) {
  const byId = <T>(load: (ids: readonly string[]) => Promise<Map<string, T>>) =>
    new DataLoader<string, T | null>(async (ids) => {
      const found = await load(ids);
      return ids.map((id) => found.get(id) ?? null);
    });
  const grouped = <T>(load: (ids: readonly string[]) => Promise<Map<string, T[]>>) =>
    new DataLoader<string, T[]>(async (ids) => {
      const found = await load(ids);
      return ids.map((id) => found.get(id) ?? []);
    });
  const contract = byId<ContractEntity>((ids) => app.contracts.visibleByIds(caller, ids));
  return {
    organization: byId<OrganizationEntity>((ids) => app.organizations.visibleByIds(caller, ids)),
    contract,
    contact: byId<ContactEntity>((ids) => app.contacts.visibleByIds(caller, ids)),
    /** Staff are visible to staff only (a customer sees no names of the provider's people). */
    staffMember: byId<StaffEntity>((ids) => (isStaff(caller) ? app.staff.byIds(ids) : Promise.resolve(new Map()))),
    release: byId<ReleaseEntity>((ids) => app.releases.byIds(caller, ids)),
    advisory: byId<AdvisoryEntity>((ids) => app.advisories.byIds(caller, ids)),
    advisoryRecipients: grouped<AdvisoryRecipientEntity>((ids) => app.advisories.recipientsOf(caller, ids)),
    contactsByOrganization: grouped<ContactEntity>((ids) => app.contacts.visibleByOrganizations(caller, ids)),
    contractsByOrganization: grouped<ContractEntity>((ids) => app.contracts.visibleByOrganizations(caller, ids)),
    dutiesByContract: grouped<ContractDutyEntity>((ids) => app.duties.byContracts(caller, ids)),
    packagesByContract: grouped<HourPackageEntity>((ids) => app.prepaidReads.packagesOf(ids)),
    paymentsByContract: grouped<PaymentEntity>((ids) => app.prepaidReads.paymentsOf(ids)),
    timeEntriesByTicket: grouped<TimeEntryEntity>((ids) => app.timeLogging.byTickets(caller, ids)),
    /** The current month's balance of contracts (the row is loaded by `contract` first). */
    prepaidNow: new DataLoader<ContractEntity, BalanceView | null, string>(
      async (rows) => {
        const balances = await app.prepaidReads.balances(rows);
        return rows.map((row) => balances.get(row.id) ?? null);
      },
      { cacheKeyFn: (row) => row.id },
    ),
    customizationSpent: new DataLoader<string, number>(async (ids) => {
      const spent = await app.timeLogging.spentByContracts(ids);
      return ids.map((id) => spent.get(id) ?? 0);
    }),
  };
}

/** A contract row as the API shows it: status and prerequisites on today's date in its zone. */
export function contractOut(ctx: ContractsContext, row: ContractEntity): Contract {
  return toContract(row, ctx.app.contracts.statusOf(row), ctx.app.contracts.todayOf(row));
}
