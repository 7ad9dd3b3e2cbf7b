import type { ContactFacts, ContractFacts, EventOrigin, StaffFacts } from '@reglament/shared/domain';
import type { ContractEntity } from '../infra/entities';
import type { ContactEntity, StaffEntity } from '../infra/people.entities';
import { presetOf } from '../domain/presets';

/** What every contracts.contract.* event carries: the contract as it is now, whole. */
export function contractFacts(row: ContractEntity): ContractFacts {
  return {
    contractId: row.id,
    organizationId: row.organizationId,
    number: row.number,
    preset: row.preset,
    status: row.status,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    products: row.products,
    coverage: row.coverage,
    timeZone: row.timeZone,
    prerequisites: row.prerequisites,
    calendarId: presetOf(row.preset).calendarId,
    holidays: row.holidays,
    suspensionReason: row.suspended ? row.suspensionReason : null,
  };
}

export function contactFacts(row: ContactEntity): ContactFacts {
  return {
    contactId: row.id,
    organizationId: row.organizationId,
    fullName: row.fullName,
    email: row.email,
    phone: row.phone,
    active: row.active,
    language: row.language === 'EN' ? 'EN' : 'RU',
    emailOff: row.emailOff,
  };
}

export function staffFacts(row: StaffEntity): StaffFacts {
  return {
    staffId: row.id,
    fullName: row.fullName,
    email: row.email,
    role: row.role,
    active: row.active,
    language: row.language === 'EN' ? 'EN' : 'RU',
    emailOff: row.emailOff,
  };
}

export function origin(at: Date): EventOrigin {
  return { source: 'contracts', occurredAt: at };
}
