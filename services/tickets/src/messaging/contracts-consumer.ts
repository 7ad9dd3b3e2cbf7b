import { causedBy, type ContactFacts, type ContractFacts, type StaffFacts } from '@reglament/shared/domain';
import { type Clock, type EventHandlers, type Tx, upsertIfNewer } from '@reglament/shared/platform';
import type { Registration } from '../application/registration';

/**
 * Keeps the local read models of contracts, contacts and staff (R-ACC-1, R-CON-1 checks at
 * registration; assignees). Tickets never reads contracts' tables. Each event carries the
 * whole entity, so an upsert is the whole effect.
 */
export function contractsHandlers(registration: Registration, clock: Clock): EventHandlers {
  return {
    ...READ_MODEL_HANDLERS,
    // Issue 18: each occurrence of a contract duty becomes a DUTY ticket of the same id (once).
    'contracts.duty.occurrence_opened': async (event, tx) => {
      await registration.registerDuty(tx, event.data, causedBy(event, 'tickets', clock.now()));
    },
  };
}

const READ_MODEL_HANDLERS: EventHandlers = {
  'contracts.contract.created': (event, tx) => saveContract(tx, event.data, event.id),
  'contracts.contract.updated': (event, tx) => saveContract(tx, event.data, event.id),
  'contracts.contract.status_changed': (event, tx) => saveContract(tx, event.data, event.id),
  'contracts.contact.registered': (event, tx) => saveContact(tx, event.data, event.data.active, event.id),
  'contracts.contact.updated': (event, tx) => saveContact(tx, event.data, event.data.active, event.id),
  'contracts.contact.deactivated': (event, tx) => saveContact(tx, event.data, false, event.id),
  'contracts.staff.registered': (event, tx) => saveStaff(tx, event.data, event.id),
  'contracts.staff.updated': (event, tx) => saveStaff(tx, event.data, event.id),
};

// Each event carries the whole entity; a later event of it is never overwritten by an earlier
// one arriving late (several replicas share the durable consumer).

async function saveContract(tx: Tx, c: ContractFacts, eventId: string): Promise<void> {
  await upsertIfNewer(
    tx.manager,
    'known_contracts',
    'contract_id',
    {
      contract_id: c.contractId,
      organization_id: c.organizationId,
      number: c.number,
      preset: c.preset,
      status: c.status,
      starts_on: c.startsOn,
      ends_on: c.endsOn,
      products: c.products,
      time_zone: c.timeZone,
      prerequisites: JSON.stringify(c.prerequisites),
    },
    eventId,
  );
}

async function saveContact(tx: Tx, c: ContactFacts, active: boolean, eventId: string): Promise<void> {
  await upsertIfNewer(
    tx.manager,
    'known_contacts',
    'contact_id',
    {
      contact_id: c.contactId,
      organization_id: c.organizationId,
      full_name: c.fullName,
      email: c.email,
      phone: c.phone,
      active,
    },
    eventId,
  );
}

async function saveStaff(tx: Tx, s: StaffFacts, eventId: string): Promise<void> {
  await upsertIfNewer(
    tx.manager,
    'known_staff',
    'staff_id',
    { staff_id: s.staffId, full_name: s.fullName, email: s.email, role: s.role, active: s.active },
    eventId,
  );
}
