import type { ContactFacts, ContractFacts, EventHandlers, StaffFacts, Tx } from '@reglament/shared';
import { KnownContactEntity, KnownContractEntity, KnownStaffEntity } from '../infra/entities';

/**
 * Keeps the local read models of contracts, contacts and staff (R-ACC-1, R-CON-1 checks at
 * registration; assignees). Tickets never reads contracts' tables. Each event carries the
 * whole entity, so an upsert is the whole effect.
 */
export const contractsHandlers: EventHandlers = {
  'contracts.contract.created': (event, tx) => saveContract(tx, event.data),
  'contracts.contract.updated': (event, tx) => saveContract(tx, event.data),
  'contracts.contract.status_changed': (event, tx) => saveContract(tx, event.data),
  'contracts.contact.registered': (event, tx) => saveContact(tx, event.data, event.data.active),
  'contracts.contact.updated': (event, tx) => saveContact(tx, event.data, event.data.active),
  'contracts.contact.deactivated': (event, tx) => saveContact(tx, event.data, false),
  'contracts.staff.registered': (event, tx) => saveStaff(tx, event.data),
  'contracts.staff.updated': (event, tx) => saveStaff(tx, event.data),
};

async function saveContract(tx: Tx, c: ContractFacts): Promise<void> {
  await tx.manager.upsert(
    KnownContractEntity,
    {
      contractId: c.contractId,
      organizationId: c.organizationId,
      number: c.number,
      preset: c.preset,
      status: c.status,
      startsOn: c.startsOn,
      endsOn: c.endsOn,
      products: c.products,
      timeZone: c.timeZone,
      prerequisites: c.prerequisites,
    },
    ['contractId'],
  );
}

async function saveContact(tx: Tx, c: ContactFacts, active: boolean): Promise<void> {
  await tx.manager.upsert(
    KnownContactEntity,
    {
      contactId: c.contactId,
      organizationId: c.organizationId,
      fullName: c.fullName,
      email: c.email,
      phone: c.phone,
      active,
    },
    ['contactId'],
  );
}

async function saveStaff(tx: Tx, s: StaffFacts): Promise<void> {
  await tx.manager.upsert(
    KnownStaffEntity,
    { staffId: s.staffId, fullName: s.fullName, email: s.email, role: s.role, active: s.active },
    ['staffId'],
  );
}
