/** Events of the contracts service (owner: services/contracts). Dates are YYYY-MM-DD. */
import type { StaffRole } from '../domain-types';

export interface OrganizationFacts {
  organizationId: string;
  name: string;
  email: string;
  emailDomains: string[];
}

export interface ContactFacts {
  contactId: string;
  organizationId: string;
  fullName: string;
  email: string;
  phone: string | null;
  active: boolean;
  /** Optional (added within v1): the language of notifications to them, RU (default) or EN. */
  language?: 'RU' | 'EN';
  /** Optional (added within v1): notification kinds they asked not to get by e-mail (legally required ones still go). */
  emailOff?: string[];
}

export interface StaffFacts {
  staffId: string;
  fullName: string;
  email: string;
  role: StaffRole;
  active: boolean;
  /** Optional (added within v1): the language of notifications to them, RU (default) or EN. */
  language?: 'RU' | 'EN';
  /** Optional (added within v1): notification kinds they asked not to get by e-mail (legally required ones still go). */
  emailOff?: string[];
}

/**
 * A password was set or changed (by its owner or an administrator): tokens issued before
 * `tokensValidFrom` (real time, ms precision; compared with the token's `iat_ms`, else `iat`)
 * are no longer accepted.
 */
export interface CredentialChangedV1 {
  accountId: string;
  kind: 'CONTACT' | 'STAFF';
  organizationId: string | null;
  tokensValidFrom: string;
}

export type ContractStatus = 'DRAFT' | 'ACTIVE' | 'SUSPENDED' | 'EXPIRED';

/** A prerequisite that must be valid for support, e.g. a 1C:ITS subscription until a date (R-CON-1). */
export interface ContractPrerequisite {
  kind: string;
  description: string;
  validUntil: string | null;
  /** Only this product's support depends on it; null or absent: the whole contract. */
  product?: string | null;
}

export interface ContractFacts {
  contractId: string;
  organizationId: string;
  number: string;
  preset: string;
  status: ContractStatus;
  startsOn: string;
  endsOn: string;
  products: string[];
  /** R-CON-8, e.g. "8x5x4" or "24x7"; null: the preset's default. */
  coverage: string | null;
  /** IANA zone of the contract (month boundaries of prepaid time, dates of its calendar). */
  timeZone: string;
  prerequisites: ContractPrerequisite[];
  /** The preset's calendar in the SLA service, e.g. msk-0900-1800. */
  calendarId?: string;
  /** Days off the contract adds to its calendar (kz-supplier: the holiday list the contract fills). */
  holidays?: string[];
  /** Manually suspended (status SUSPENDED for that reason), with why. */
  suspensionReason?: string | null;
}

export interface ContractStatusChangedV1 extends ContractFacts {
  previousStatus: ContractStatus;
}

export interface HourPackageFacts {
  packageId: string;
  contractId: string;
  organizationId: string;
  kind: 'SUBSCRIPTION' | 'ONE_OFF';
  minutesPerMonth: number;
  startsOn: string;
  /** infocraft-365: the package carries its guaranteed reaction time, in working minutes. */
  reactionWorkingMinutes: number | null;
  /** Last day of a subscription (null: with the contract). */
  endsOn?: string | null;
  allowOverdraft?: boolean;
}

export interface PrepaidBalanceV1 {
  contractId: string;
  organizationId: string;
  /** YYYY-MM in the contract's zone. */
  month: string;
  remainingMinutes: number;
}

export interface ReleaseFacts {
  releaseId: string;
  product: string;
  kind: 'PLANNED' | 'UNPLANNED';
  plannedAt: string;
}

export interface ReleaseMovedV1 extends ReleaseFacts {
  previousPlannedAt: string;
}

/** R-NTF-2: an advisory is published (no recipients: one per organization follows as `addressed`). */
export interface AdvisoryPublishedV1 {
  advisoryId: string;
  product: string;
  title: string;
  severity: AdvisorySeverity;
  discoveredAt: string;
  /** R-SLA-6: when the fix is due (the fix clock's deadline). */
  fixDueAt: string;
  /** The organizations told (ids only; who in each is in their own `addressed` event). */
  organizationIds: string[];
}

export type AdvisorySeverity = 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';

/** One per affected organization (the envelope's organization): the contacts of it to tell, each alone. */
export interface AdvisoryAddressedV1 {
  advisoryId: string;
  product: string;
  title: string;
  body: string;
  severity: AdvisorySeverity;
  discoveredAt: string;
  fixDueAt: string;
  contactIds: string[];
}

/** The fix of an advisory is out in a published release: the fix clock stops (R-SLA-6). */
export interface AdvisoryFixLinkedV1 {
  advisoryId: string;
  product: string;
  releaseId: string;
  linkedAt: string;
}

/** One per organization told of the advisory: the same contacts hear that the fix is out (001 §8-9). */
export interface AdvisoryFixAddressedV1 {
  advisoryId: string;
  product: string;
  title: string;
  releaseId: string;
  version: string | null;
  contactIds: string[];
}

/** A release of the schedule is out (002: users are informed of new versions). */
export interface ReleasePublishedV1 extends ReleaseFacts {
  version: string | null;
  publishedAt: string;
}

/** One per organization with a contract for the product: the contacts to tell of the release. */
export interface ReleaseAnnouncedV1 {
  releaseId: string;
  product: string;
  kind: 'PLANNED' | 'UNPLANNED';
  version: string | null;
  publishedAt: string;
  contactIds: string[];
}

export interface TimeLoggedV1 {
  entryId: string;
  contractId: string;
  organizationId: string;
  ticketId: string;
  minutes: number;
  debitedMinutes: number;
  kind: 'TIME' | 'SERVICE_WORK';
  serviceCode: string | null;
  /** FREE (R-CON-5), PREPAID (R-CON-3/4), CUSTOMIZATION (R-CON-7) or NOT_PREPAID. */
  billing?: 'FREE' | 'PREPAID' | 'CUSTOMIZATION' | 'NOT_PREPAID';
  /** Customisation work: its price at the contract's hourly rate. */
  amount?: number | null;
  /** YYYY-MM in the contract's zone. */
  month?: string;
}

export interface CustomizationCapV1 {
  contractId: string;
  organizationId: string;
  capAmount: number;
  spentAmount: number;
}

/** A contract duty as it is now (issue 18): added, changed or ended. */
export interface DutyFacts {
  dutyId: string;
  contractId: string;
  organizationId: string;
  title: string;
  party: 'PROVIDER' | 'CUSTOMER';
  /** ONCE, WEEKLY, MONTHLY, QUARTERLY or CRON. */
  scheduleKind: string;
  /** CRON: the expression; ONCE: the date; else null. */
  scheduleValue: string | null;
  dueWorkingDays: number;
  endsOn: string | null;
  seedClause: string | null;
}

/**
 * An occurrence of a contract duty has started (its period began): the tickets service opens a
 * DUTY ticket with the occurrence's id, the SLA service runs its clock (due by the close of the
 * N-th working day after `periodStartsOn` in the contract's calendar).
 */
export interface DutyOccurrenceOpenedV1 {
  occurrenceId: string;
  dutyId: string;
  contractId: string;
  organizationId: string;
  title: string;
  description: string;
  party: 'PROVIDER' | 'CUSTOMER';
  /** The period's first instant (ISO) and its date in the contract's zone. */
  periodStart: string;
  periodStartsOn: string;
  dueWorkingDays: number;
  seedClause: string | null;
}

export interface ContractsEventPayloads {
  'contracts.organization.created': OrganizationFacts;
  'contracts.organization.updated': OrganizationFacts;
  'contracts.contact.registered': ContactFacts;
  'contracts.contact.updated': ContactFacts;
  'contracts.contact.deactivated': ContactFacts;
  'contracts.staff.registered': StaffFacts;
  'contracts.staff.updated': StaffFacts;
  'contracts.credential.changed': CredentialChangedV1;
  'contracts.contract.created': ContractFacts;
  'contracts.contract.updated': ContractFacts;
  'contracts.contract.status_changed': ContractStatusChangedV1;
  'contracts.hour_package.added': HourPackageFacts;
  'contracts.prepaid.exhausted': PrepaidBalanceV1;
  'contracts.prepaid.replenished': PrepaidBalanceV1;
  'contracts.release.scheduled': ReleaseFacts;
  'contracts.release.moved': ReleaseMovedV1;
  'contracts.time.logged': TimeLoggedV1;
  'contracts.customization.cap_nearing': CustomizationCapV1;
  'contracts.advisory.published': AdvisoryPublishedV1;
  'contracts.advisory.addressed': AdvisoryAddressedV1;
  'contracts.advisory.fix_linked': AdvisoryFixLinkedV1;
  'contracts.advisory.fix_addressed': AdvisoryFixAddressedV1;
  'contracts.release.published': ReleasePublishedV1;
  'contracts.release.announced': ReleaseAnnouncedV1;
  'contracts.duty.changed': DutyFacts;
  'contracts.duty.occurrence_opened': DutyOccurrenceOpenedV1;
}
