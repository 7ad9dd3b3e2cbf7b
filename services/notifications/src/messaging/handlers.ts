import {
  type AnyEventEnvelope,
  type ContactFacts,
  type ContractFacts,
  type EventType,
  type OrganizationFacts,
  type SlaTimerFacts,
  type StaffFacts,
  type TicketAfterChange,
} from '@reglament/shared/domain';
import { type EventHandlers, type Tx, upsertIfNewer } from '@reglament/shared/platform';
import type { NotificationRecorder } from '../application/recorder';
import { asLanguage } from '../application/recorder';
import { isNotificationKind } from '../domain/kinds';
import { NOTIFYING_EVENTS } from '../domain/rules';

type Handler = (event: AnyEventEnvelope, tx: Tx) => Promise<void>;

/**
 * Consumers of the tickets, sla and contracts domains: each event first updates the read
 * models notifications keeps (tickets, people, contracts, clocks: it never calls another
 * service), then goes through the rules table, in the same inbox transaction.
 */
export function domainHandlers(recorder: NotificationRecorder): Record<'tickets' | 'sla' | 'contracts', EventHandlers> {
  const withRules =
    (update: Handler | null): Handler =>
    async (event, tx) => {
      if (update) await update(event, tx);
      if (NOTIFYING_EVENTS.has(event.type)) await recorder.record(event, tx);
    };
  const build = (entries: [EventType, Handler | null][]): EventHandlers => {
    const handlers: Record<string, Handler> = {};
    for (const [type, update] of entries) handlers[type] = withRules(update);
    for (const type of NOTIFYING_EVENTS) {
      if (!handlers[type] && entries.some(([t]) => t.split('.')[0] === type.split('.')[0])) {
        handlers[type] = withRules(null);
      }
    }
    return handlers as EventHandlers;
  };
  const ticketTypes: EventType[] = [
    'tickets.ticket.registered',
    'tickets.ticket.status_changed',
    'tickets.ticket.closed',
    'tickets.ticket.classified',
    'tickets.ticket.priority_changed',
    'tickets.ticket.assigned',
    'tickets.ticket.planned_date_changed',
    'tickets.ticket.planned_date_proposed',
    'tickets.ticket.planned_date_agreed',
    'tickets.ticket.planned_date_objected',
    'tickets.ticket.category_changed',
    'tickets.ticket.marked_as_failure',
    'tickets.ticket.message_added',
    'tickets.ticket.on_site_requested',
    'tickets.ticket.on_site_arrived',
    'tickets.ticket.attachment_added',
  ];
  const timerTypes: EventType[] = [
    'sla.timer.started',
    'sla.timer.paused',
    'sla.timer.resumed',
    'sla.timer.deadline_changed',
    'sla.timer.warning',
    'sla.timer.breached',
    'sla.timer.met',
    'sla.timer.cancelled',
  ];
  return {
    tickets: build(ticketTypes.map((type) => [type, saveTicket])),
    sla: build(timerTypes.map((type) => [type, saveTimer])),
    contracts: build([
      ['contracts.organization.created', saveOrganization],
      ['contracts.organization.updated', saveOrganization],
      ['contracts.contact.registered', saveContact],
      ['contracts.contact.updated', saveContact],
      ['contracts.contact.deactivated', (e, tx) => saveContact(e, tx, false)],
      ['contracts.staff.registered', saveStaff],
      ['contracts.staff.updated', saveStaff],
      ['contracts.contract.created', saveContract],
      ['contracts.contract.updated', saveContract],
      ['contracts.contract.status_changed', saveContract],
    ]),
  };
}

async function saveTicket(event: AnyEventEnvelope, tx: Tx): Promise<void> {
  const t = (event.data as { ticket: TicketAfterChange }).ticket;
  await upsertIfNewer(
    tx.manager,
    'known_tickets',
    'ticket_id',
    {
      ticket_id: t.ticketId,
      number: t.number,
      organization_id: t.organizationId,
      contract_id: t.contractId,
      requester_id: t.requesterId,
      assignee_id: t.assigneeId,
      title: t.title,
      status: t.status,
    },
    event.id,
  );
}

async function saveTimer(event: AnyEventEnvelope, tx: Tx): Promise<void> {
  const t = event.data as SlaTimerFacts;
  await upsertIfNewer(
    tx.manager,
    'known_timers',
    'timer_id',
    { timer_id: t.timerId, ticket_id: t.ticketId, metric: t.metric, status: t.status, deadline: t.deadline },
    event.id,
  );
}

async function saveContact(event: AnyEventEnvelope, tx: Tx, active?: boolean): Promise<void> {
  const c = event.data as ContactFacts;
  await savePerson(tx, event.id, {
    person_id: c.contactId,
    kind: 'CONTACT',
    organization_id: c.organizationId,
    role: 'CUSTOMER',
    full_name: c.fullName,
    email: c.email,
    active: active ?? c.active,
    ...preferences(c),
  });
}

async function saveStaff(event: AnyEventEnvelope, tx: Tx): Promise<void> {
  const s = event.data as StaffFacts;
  await savePerson(tx, event.id, {
    person_id: s.staffId,
    kind: 'STAFF',
    organization_id: null,
    role: s.role,
    full_name: s.fullName,
    email: s.email,
    active: s.active,
    ...preferences(s),
  });
}

function preferences(p: ContactFacts | StaffFacts): { language: string; email_off: string[] } {
  return { language: asLanguage(p.language), email_off: (p.emailOff ?? []).filter(isNotificationKind) };
}

async function savePerson(tx: Tx, eventId: string, values: Record<string, unknown>): Promise<void> {
  await upsertIfNewer(tx.manager, 'known_people', 'person_id', values, eventId);
}

async function saveOrganization(event: AnyEventEnvelope, tx: Tx): Promise<void> {
  const o = event.data as OrganizationFacts;
  await upsertIfNewer(
    tx.manager,
    'known_organizations',
    'organization_id',
    {
      organization_id: o.organizationId,
      name: o.name,
      email: o.email,
      email_domains: o.emailDomains.map((d) => d.trim().toLowerCase()),
    },
    event.id,
  );
}

async function saveContract(event: AnyEventEnvelope, tx: Tx): Promise<void> {
  const c = event.data as ContractFacts;
  await upsertIfNewer(
    tx.manager,
    'known_contracts',
    'contract_id',
    { contract_id: c.contractId, organization_id: c.organizationId, number: c.number, time_zone: c.timeZone },
    event.id,
  );
}
