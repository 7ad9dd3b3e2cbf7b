/** Events of the tickets service (owner: services/tickets). Instants are ISO-8601 UTC strings. */
import type { Category, Channel, CloseReason, Priority, Role, TicketKind, TicketStatus } from '../domain-types';

/** What every tickets.* event carries about the ticket (its state after the change), so consumers never call back. */
export interface TicketAfterChange {
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
  resolvedAt: string | null;
  closedAt: string | null;
  closeReason: CloseReason | null;
  linkedTicketId: string | null;
  /** REQUEST, DUTY or WISH (a wish runs no SLA clock); absent in events written before it existed: REQUEST. */
  kind?: TicketKind;
  /** A DUTY ticket: the contract duty's occurrence it is (issue 18); absent or null for others. */
  duty?: TicketDutyFacts | null;
  /** Increments with every change of the ticket: consumers can tell order and staleness. */
  version: number;
}

/** What a DUTY ticket's clock needs: whose duty it is and when it is due (contract calendar). */
export interface TicketDutyFacts {
  dutyId: string;
  party: 'PROVIDER' | 'CUSTOMER';
  /** The period's start date in the contract's zone. */
  periodStartsOn: string;
  /** Due by the close of the N-th working day after periodStartsOn. */
  dueWorkingDays: number;
}

export interface Actor {
  id: string | null;
  role: Role | 'SYSTEM';
  name: string | null;
}

interface TicketEventBase {
  ticket: TicketAfterChange;
  actor: Actor;
}

// Flattened for convenience: every payload also exposes ticketId and organizationId at the top.
interface Keyed {
  ticketId: string;
  organizationId: string;
}

export interface TicketRegisteredV1 extends TicketEventBase, Keyed {
  /** PHONE tickets not answered on the call start a CALLBACK timer (R-TKT-3). */
  answeredOnCall: boolean | null;
  /**
   * logCall: the call-back the hotline promised (ISO instant). The SLA service holds the CALLBACK
   * clock to it when it lies within 3 working days of the contract's calendar, else to that limit.
   * Absent in events before it existed.
   */
  callbackBy?: string | null;
}

/** The moves of R-TKT-14; one status_changed (or closed) event per move. */
export const TICKET_TRANSITIONS = [
  'ACKNOWLEDGE',
  'TRIAGE',
  'REQUEST_CLARIFICATION',
  'ANSWER_CLARIFICATION',
  'START_WORK',
  'PROVIDE_SOLUTION',
  'ACCEPT_SOLUTION',
  'RETURN_SOLUTION',
  'CLOSE',
] as const;
export type TicketTransition = (typeof TICKET_TRANSITIONS)[number];

export interface TicketStatusChangedV1 extends TicketEventBase, Keyed {
  transition: TicketTransition;
  fromStatus: TicketStatus;
  toStatus: TicketStatus;
  /** The message that went with the move (question, answer, solution, remarks), if any. */
  note: string | null;
  /** PROVIDE_SOLUTION (002): how the solution reached the customer: PORTAL, EMAIL, PHONE or REMOTE_SESSION. */
  deliveredVia?: string;
}

export interface TicketClosedV1 extends TicketEventBase, Keyed {
  fromStatus: TicketStatus;
  toStatus: 'CLOSED';
  reason: CloseReason;
  comment: string | null;
}

export interface TicketClassifiedV1 extends TicketEventBase, Keyed {
  category: Category;
  priority: Priority;
  previousCategory: Category | null;
  previousPriority: Priority | null;
}

export interface TicketPriorityChangedV1 extends TicketEventBase, Keyed {
  priority: Priority;
  previousPriority: Priority | null;
  reason: string | null;
}

/** R-SLA-10: the category changed after triage; running deadlines are recomputed from their start. */
export interface TicketCategoryChangedV1 extends TicketEventBase, Keyed {
  category: Category;
  previousCategory: Category | null;
  reason: string;
}

export interface TicketAssignedV1 extends TicketEventBase, Keyed {
  assigneeId: string;
  previousAssigneeId: string | null;
}

export interface TicketPlannedDateChangedV1 extends TicketEventBase, Keyed {
  plannedResolutionAt: string | null;
  previousPlannedResolutionAt: string | null;
}

/** 003 item 2: the provider proposed an execution term (a planned resolution date) to the customer. */
export interface TicketPlannedDateProposedV1 extends TicketEventBase, Keyed {
  proposedResolutionAt: string;
  previousProposedResolutionAt: string | null;
  note: string | null;
}

/** 003 item 2: the customer agreed the proposed date; it is the planned date now (TERM_AGREEMENT stops). */
export interface TicketPlannedDateAgreedV1 extends TicketEventBase, Keyed {
  plannedResolutionAt: string;
}

/** 003 item 2: the customer objected to the proposed date; the term is still to be agreed. */
export interface TicketPlannedDateObjectedV1 extends TicketEventBase, Keyed {
  proposedResolutionAt: string;
  reason: string;
}

/** 003 §7: a product failure: the SLA service requires a failure report before the ticket closes. */
export interface TicketMarkedAsFailureV1 extends TicketEventBase, Keyed {
  /** STAFF: markAsFailure; PRESET: the preset counts the ticket's class as a failure. */
  by: 'STAFF' | 'PRESET';
}

export interface TicketMessageAddedV1 extends TicketEventBase, Keyed {
  messageId: string;
  internal: boolean;
  /** A public message from provider staff counts as a response to the customer (REACTION). */
  fromProvider: boolean;
  body: string;
}

export interface TicketOnSiteRequestedV1 extends TicketEventBase, Keyed {
  note: string | null;
}

export type TicketOnSiteArrivedV1 = TicketEventBase & Keyed;

export interface TicketAttachmentAddedV1 extends TicketEventBase, Keyed {
  attachmentId: string;
  name: string;
  contentType: string;
  size: number;
  /** Internal files are for provider staff only: never announce them to the customer. */
  internal: boolean;
}

/** An e-mail registration (notifications.email.ticket_requested) the rules refused, e.g. no contract in force (R-CON-1). */
export interface EmailRegistrationRefusedV1 {
  intakeId: string;
  organizationId: string;
  contactId: string;
  reasons: string[];
}

export interface TicketsEventPayloads {
  'tickets.ticket.registered': TicketRegisteredV1;
  'tickets.ticket.status_changed': TicketStatusChangedV1;
  'tickets.ticket.closed': TicketClosedV1;
  'tickets.ticket.classified': TicketClassifiedV1;
  'tickets.ticket.priority_changed': TicketPriorityChangedV1;
  'tickets.ticket.category_changed': TicketCategoryChangedV1;
  'tickets.ticket.assigned': TicketAssignedV1;
  'tickets.ticket.planned_date_changed': TicketPlannedDateChangedV1;
  'tickets.ticket.planned_date_proposed': TicketPlannedDateProposedV1;
  'tickets.ticket.planned_date_agreed': TicketPlannedDateAgreedV1;
  'tickets.ticket.planned_date_objected': TicketPlannedDateObjectedV1;
  'tickets.ticket.marked_as_failure': TicketMarkedAsFailureV1;
  'tickets.ticket.message_added': TicketMessageAddedV1;
  'tickets.ticket.on_site_requested': TicketOnSiteRequestedV1;
  'tickets.ticket.on_site_arrived': TicketOnSiteArrivedV1;
  'tickets.ticket.attachment_added': TicketAttachmentAddedV1;
  'tickets.email.refused': EmailRegistrationRefusedV1;
}
