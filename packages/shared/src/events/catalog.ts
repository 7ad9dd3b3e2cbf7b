/**
 * The typed event catalog: every event type, its payload and its version. A type string is
 * never renamed; an incompatible payload gets a new version beside the old one.
 * Instants are ISO-8601 strings in UTC; dates are YYYY-MM-DD.
 */
import type { Category, Channel, Party, Priority, Role, SlaMetric, TicketStatus, TimerStatus } from '../domain-types';

// ---- tickets -------------------------------------------------------------------------------

/** What every tickets.* event carries about the ticket, so consumers never call back. */
export interface TicketFacts {
  ticketId: string;
  number: string;
  organizationId: string;
  contractId: string;
  /** The preset (regulation) of the contract; the SLA service picks the policy by it. */
  preset: string;
  requesterId: string | null;
  channel: Channel;
  title: string;
  category: Category | null;
  priority: Priority | null;
  status: TicketStatus;
  assigneeId: string | null;
  product: string | null;
  serviceCode: string | null;
  plannedResolutionAt: string | null;
  registeredAt: string;
}

export interface Actor {
  id: string | null;
  role: Role | 'SYSTEM';
  name: string | null;
}

export interface TicketRegisteredV1 extends TicketFacts {
  actor: Actor;
  /** PHONE tickets not answered on the call start a CALLBACK timer (R-TKT-3). */
  answeredOnCall: boolean | null;
  linkedTicketId: string | null;
}

// ---- sla -----------------------------------------------------------------------------------

export interface SlaTimerFacts {
  timerId: string;
  ticketId: string;
  metric: SlaMetric;
  party: Party;
  status: TimerStatus;
  startedAt: string;
  deadline: string | null;
  warnAt: string | null;
  breachedAt: string | null;
  stoppedAt: string | null;
}

export type SlaTimerEventV1 = SlaTimerFacts;

// ---- contracts -----------------------------------------------------------------------------

export interface OrganizationCreatedV1 {
  organizationId: string;
  name: string;
  email: string;
  emailDomains: string[];
}

export interface ContractFacts {
  contractId: string;
  organizationId: string;
  number: string;
  preset: string;
  status: string;
  startsOn: string;
  endsOn: string;
  products: string[];
}

export type ContractCreatedV1 = ContractFacts;

// ---- notifications -------------------------------------------------------------------------

export interface NotificationCreatedV1 {
  notificationId: string;
  recipientId: string | null;
  ticketId: string | null;
  kind: string;
}

// ---- the catalog ---------------------------------------------------------------------------

export interface EventPayloads {
  'tickets.ticket.registered': TicketRegisteredV1;
  'sla.timer.started': SlaTimerEventV1;
  'sla.timer.paused': SlaTimerEventV1;
  'sla.timer.resumed': SlaTimerEventV1;
  'sla.timer.deadline_changed': SlaTimerEventV1;
  'sla.timer.warning': SlaTimerEventV1;
  'sla.timer.breached': SlaTimerEventV1;
  'sla.timer.met': SlaTimerEventV1;
  'sla.timer.cancelled': SlaTimerEventV1;
  'contracts.organization.created': OrganizationCreatedV1;
  'contracts.contract.created': ContractCreatedV1;
  'notifications.notification.created': NotificationCreatedV1;
}

export type EventType = keyof EventPayloads;

export const EVENT_VERSIONS: { readonly [T in EventType]: number } = {
  'tickets.ticket.registered': 1,
  'sla.timer.started': 1,
  'sla.timer.paused': 1,
  'sla.timer.resumed': 1,
  'sla.timer.deadline_changed': 1,
  'sla.timer.warning': 1,
  'sla.timer.breached': 1,
  'sla.timer.met': 1,
  'sla.timer.cancelled': 1,
  'contracts.organization.created': 1,
  'contracts.contract.created': 1,
  'notifications.notification.created': 1,
};

export const EVENT_TYPES = Object.keys(EVENT_VERSIONS) as EventType[];

export function isEventType(type: string): type is EventType {
  return Object.prototype.hasOwnProperty.call(EVENT_VERSIONS, type);
}
