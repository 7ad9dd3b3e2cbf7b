/**
 * The typed event catalog: every event type, its payload and its version. A type string is
 * never renamed; an incompatible payload gets a new version beside the old one. Each domain
 * keeps its payloads in its own file (`<domain>-events.ts`), owned by the service that publishes.
 */
import type { ContractsEventPayloads } from './contracts-events';
import type { NotificationsEventPayloads } from './notifications-events';
import type { SlaEventPayloads } from './sla-events';
import type { TicketsEventPayloads } from './tickets-events';

export * from './contracts-events';
export * from './notifications-events';
export * from './sla-events';
export * from './tickets-events';

export interface EventPayloads
  extends TicketsEventPayloads, SlaEventPayloads, ContractsEventPayloads, NotificationsEventPayloads {}

export type EventType = keyof EventPayloads;

/** Current version of every event type; adding a type here is adding it to the catalog. */
export const EVENT_VERSIONS: { readonly [T in EventType]: number } = {
  'tickets.ticket.registered': 1,
  'tickets.ticket.status_changed': 1,
  'tickets.ticket.closed': 1,
  'tickets.ticket.classified': 1,
  'tickets.ticket.priority_changed': 1,
  'tickets.ticket.assigned': 1,
  'tickets.ticket.planned_date_changed': 1,
  'tickets.ticket.message_added': 1,
  'tickets.ticket.on_site_requested': 1,
  'tickets.ticket.on_site_arrived': 1,
  'tickets.ticket.attachment_added': 1,
  'tickets.email.refused': 1,
  'tickets.ticket.planned_date_proposed': 1,
  'tickets.ticket.planned_date_agreed': 1,
  'tickets.ticket.planned_date_objected': 1,
  'tickets.ticket.category_changed': 1,
  'tickets.ticket.marked_as_failure': 1,
  'sla.timer.started': 1,
  'sla.timer.paused': 1,
  'sla.timer.resumed': 1,
  'sla.timer.deadline_changed': 1,
  'sla.timer.warning': 1,
  'sla.timer.breached': 1,
  'sla.timer.met': 1,
  'sla.timer.cancelled': 1,
  'sla.ticket.state_changed': 1,
  'sla.ticket.auto_close_due': 1,
  'sla.ticket.clarification_expired': 1,
  'sla.failure_report.submitted': 1,
  'sla.production_calendar.imported': 1,
  'sla.calendar.coverage_low': 1,
  'sla.advisory_fix.warning': 1,
  'sla.advisory_fix.breached': 1,
  'sla.advisory_fix.stopped': 1,
  'contracts.organization.created': 1,
  'contracts.organization.updated': 1,
  'contracts.contact.registered': 1,
  'contracts.contact.updated': 1,
  'contracts.contact.deactivated': 1,
  'contracts.staff.registered': 1,
  'contracts.staff.updated': 1,
  'contracts.credential.changed': 1,
  'contracts.contract.created': 1,
  'contracts.contract.updated': 1,
  'contracts.contract.status_changed': 1,
  'contracts.hour_package.added': 1,
  'contracts.prepaid.exhausted': 1,
  'contracts.prepaid.replenished': 1,
  'contracts.release.scheduled': 1,
  'contracts.release.moved': 1,
  'contracts.time.logged': 1,
  'contracts.customization.cap_nearing': 1,
  'contracts.advisory.published': 1,
  'contracts.advisory.addressed': 1,
  'contracts.advisory.fix_linked': 1,
  'contracts.advisory.fix_addressed': 1,
  'contracts.release.published': 1,
  'contracts.release.announced': 1,
  'contracts.duty.changed': 1,
  'contracts.duty.occurrence_opened': 1,
  'notifications.notification.created': 1,
  'notifications.email.ticket_requested': 1,
  'notifications.email.reply_received': 1,
  'notifications.webhook.disabled': 1,
};

export const EVENT_TYPES = Object.keys(EVENT_VERSIONS) as EventType[];

export function isEventType(type: string): type is EventType {
  return Object.prototype.hasOwnProperty.call(EVENT_VERSIONS, type);
}
