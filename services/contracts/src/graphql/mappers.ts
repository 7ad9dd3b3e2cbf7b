import { type Category, presetTicketFields } from '@reglament/shared/domain';
import type { Viewer as ViewerModel } from '../application/auth';
import type { BalanceView } from '../application/prepaid-reads';
import { type PresetDefinition, PRESETS } from '../domain/presets';
import { NO_SUPPORT_CONTACTS } from '../domain/support-contacts';
import type { ServiceItem as ServiceItemModel } from '../domain/service-catalog';
import type { ContractEntity, OrganizationEntity } from '../infra/entities';
import type { ContactEntity, StaffEntity } from '../infra/people.entities';
import type { HourPackageEntity, LedgerEntryEntity, PaymentEntity, TimeEntryEntity } from '../infra/prepaid.entities';
import type { ReleaseEntity } from '../infra/release.entities';
import { type Preset, ServiceBillingEnum, type ServiceItem } from './types/catalog.types';
import { type Contract, ContractStatusEnum } from './types/contract.types';
import type { Organization } from './types/organization.types';
import { type Contact, type StaffUser, type Viewer, ViewerKindEnum } from './types/people.types';
import {
  type HourPackage,
  HourPackageKindEnum,
  type LedgerEntry,
  LedgerEntryKindEnum,
  type Payment,
  type PrepaidBalance,
  type TimeEntry,
  TimeEntryKindEnum,
  WorkBillingEnum,
} from './types/prepaid.types';
import { type Release, ReleaseKindEnum } from './types/release.types';
import { type Advisory, AdvisorySeverityEnum } from './types/advisory.types';
import type { AdvisoryEntity } from '../infra/advisory.entities';

export function toOrganization(row: OrganizationEntity): Organization {
  return { id: row.id, name: row.name, email: row.email, emailDomains: row.emailDomains, createdAt: row.createdAt };
}

export function toContract(row: ContractEntity, status: ContractEntity['status'], today: string): Contract {
  return {
    id: row.id,
    number: row.number,
    organizationId: row.organizationId,
    status: ContractStatusEnum[status],
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    preset: row.preset,
    timeZone: row.timeZone,
    coverage: row.coverage,
    totalValue: row.totalValue === null ? null : Number(row.totalValue),
    products: row.products,
    prerequisites: row.prerequisites.map((p) => ({
      kind: p.kind,
      description: p.description,
      validUntil: p.validUntil,
      product: p.product ?? null,
      valid: p.validUntil === null || p.validUntil >= today,
    })),
    warranty: row.warranty,
    suspensionReason: row.suspended ? row.suspensionReason : null,
    holidays: row.holidays,
    supportContacts: row.supportContacts
      ? { ...row.supportContacts, source: 'CONTRACT' }
      : { ...(PRESETS.find((p) => p.id === row.preset)?.supportContacts ?? NO_SUPPORT_CONTACTS), source: 'PRESET' },
    createdAt: row.createdAt,
  };
}

export function toContact(row: ContactEntity): Contact {
  return {
    id: row.id,
    organizationId: row.organizationId,
    fullName: row.fullName,
    email: row.email,
    phone: row.phone,
    active: row.active,
    language: row.language ?? 'RU',
    emailOff: row.emailOff ?? [],
  };
}

export function toStaffUser(row: StaffEntity): StaffUser {
  return {
    id: row.id,
    fullName: row.fullName,
    email: row.email,
    role: row.role,
    active: row.active,
    language: row.language ?? 'RU',
    emailOff: row.emailOff ?? [],
  };
}

export function toViewer(viewer: ViewerModel): Viewer {
  return { ...viewer, kind: ViewerKindEnum[viewer.kind] };
}

export function toHourPackage(row: HourPackageEntity): HourPackage {
  return {
    id: row.id,
    contractId: row.contractId,
    kind: HourPackageKindEnum[row.kind],
    minutesPerMonth: row.minutesPerMonth,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    allowOverdraft: row.allowOverdraft,
    reactionWorkingMinutes: row.reactionWorkingMinutes,
  };
}

export function toBalance(view: BalanceView): PrepaidBalance {
  return {
    month: view.month,
    grantedMinutes: view.granted,
    carriedOverMinutes: view.carriedIn,
    usedMinutes: view.used,
    correctionMinutes: view.corrections,
    carriedOutMinutes: view.carriedOut,
    expiredMinutes: view.expired,
    remainingMinutes: view.remaining,
    exhausted: view.exhausted,
    closed: view.closed,
  };
}

export function toLedgerEntry(row: LedgerEntryEntity): LedgerEntry {
  return {
    id: row.id,
    month: row.month,
    kind: LedgerEntryKindEnum[row.kind],
    minutes: row.minutes,
    packageId: row.packageId,
    timeEntryId: row.timeEntryId,
    note: row.note,
    at: row.createdAt,
    by: row.createdBy,
  };
}

export function toPayment(row: PaymentEntity): Payment {
  return { month: row.month, paidAt: row.paidAt, onTime: row.onTime };
}

export function toTimeEntry(row: TimeEntryEntity): TimeEntry {
  return {
    id: row.id,
    ticketId: row.ticketId,
    contractId: row.contractId,
    kind: TimeEntryKindEnum[row.kind],
    minutes: row.minutes,
    actualMinutes: row.actualMinutes,
    debitedMinutes: row.debitedMinutes,
    billing: WorkBillingEnum[row.billing],
    serviceCode: row.serviceCode,
    amount: row.amount === null ? null : Number(row.amount),
    capOverridden: row.capOverridden,
    note: row.note,
    month: row.month,
    loggedAt: row.loggedAt,
    loggedBy: row.loggedBy,
  };
}

export function toRelease(row: ReleaseEntity): Release {
  return {
    id: row.id,
    product: row.product,
    kind: ReleaseKindEnum[row.kind],
    plannedAt: row.plannedAt,
    version: row.version,
    publishedAt: row.publishedAt,
  };
}

export function toPreset(preset: PresetDefinition): Preset {
  return {
    id: preset.id,
    name: preset.name,
    seed: preset.seed,
    vendor: preset.vendor,
    description: preset.description,
    readings: preset.readings,
    calendarId: preset.calendarId,
    timeZone: preset.timeZone,
    workingHours: preset.workingHours,
    defaultCoverage: preset.defaultCoverage,
    prepaidTime: preset.prepaidTime,
    defaultReactionWorkingMinutes: preset.defaultReactionWorkingMinutes,
    customizationCapPercent: preset.customizationCapPercent,
    warrantyMaxMonths: preset.warrantyMaxMonths,
    categoryLabels: (Object.entries(preset.categoryLabels) as [Category, string][]).map(([category, label]) => ({
      category,
      label,
    })),
    priorityLabels: [...preset.priorityLabels],
    prerequisites: preset.prerequisites,
    ticketFields: presetTicketFields(preset.id).map((field) => ({ ...field })),
  };
}

export function toServiceItem(item: ServiceItemModel): ServiceItem {
  return { ...item, billing: ServiceBillingEnum[item.billing] };
}

export function toAdvisory(row: AdvisoryEntity): Advisory {
  return {
    id: row.id,
    product: row.product,
    title: row.title,
    body: row.body,
    severity: AdvisorySeverityEnum[row.severity],
    discoveredAt: row.discoveredAt,
    fixDueAt: row.fixDueAt,
    publishedAt: row.publishedAt,
    fixedAt: row.fixedAt,
    fixedInReleaseId: row.fixedInReleaseId,
  };
}
