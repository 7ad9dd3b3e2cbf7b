import { type Caller, newId, type StaffRole } from '@reglament/shared/domain';
import type { NotificationsHarness } from './harness';

export type Person = Caller & { kind: 'user'; email: string };

/** Publishes an organization's contract and contacts, and staff, as contracts would; returns callers. */
export async function seedContract(h: NotificationsHarness, organizationId: string, number = 'C-7') {
  const contractId = newId();
  await h.publish('contracts.contract.created', organizationId, {
    contractId,
    organizationId,
    number,
    preset: 'imc-typical',
    status: 'ACTIVE',
    startsOn: '2025-01-01',
    endsOn: '2025-12-31',
    products: [],
    coverage: null,
    timeZone: 'Europe/Moscow',
    prerequisites: [],
  });
  return contractId;
}

export async function seedContact(
  h: NotificationsHarness,
  organizationId: string,
  name: string,
  options: { language?: 'RU' | 'EN'; emailOff?: string[] } = {},
): Promise<Person> {
  const id = newId();
  const email = `${name.toLowerCase()}@customer.example`;
  await h.publish('contracts.contact.registered', organizationId, {
    contactId: id,
    organizationId,
    fullName: name,
    email,
    phone: null,
    active: true,
    ...options,
  });
  return { kind: 'user', id, role: 'CUSTOMER', organizationId, name, email };
}

export async function seedStaff(
  h: NotificationsHarness,
  role: StaffRole,
  name: string,
  options: { language?: 'RU' | 'EN'; emailOff?: string[] } = {},
): Promise<Person> {
  const id = newId();
  const email = `${name.toLowerCase()}@provider.example`;
  await h.publish('contracts.staff.registered', null, {
    staffId: id,
    fullName: name,
    email,
    role,
    active: true,
    ...options,
  });
  return { kind: 'user', id, role, organizationId: null, name, email };
}
