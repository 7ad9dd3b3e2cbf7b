import { type AnyEventEnvelope, type Domain, isTicketEvent, type TicketTransition } from '@reglament/shared/domain';
import type { DeliveredEvent } from '@reglament/shared/platform';

/** What a subscription payload is made from: the event, reduced to the fields of the change. */
export interface Change {
  type: string;
  at: string;
  organizationId: string | null;
  ticketId: string | null;
  timerId: string | null;
  from: string | null;
  to: string | null;
  /** The event's position in its domain's stream: `after` resumes from it. */
  seq: number;
  cursor: string;
  /** Internal messages and files: provider staff may see that they happened, customers may not. */
  staffOnly: boolean;
  /** notificationAdded: whose notification it is (only that user's subscriptions get it) and its id. */
  recipientId: string | null;
  notificationId: string | null;
}

export const FIELD_DOMAINS: Record<string, Domain> = {
  ticketChanged: 'tickets',
  slaChanged: 'sla',
  notificationAdded: 'notifications',
};

/** `tickets.ticket.<action>` -> TicketChangeType; status moves are named by their transition. */
const TICKET_ACTIONS: Record<string, string> = {
  registered: 'REGISTERED',
  closed: 'CLOSED',
  classified: 'CLASSIFIED',
  priority_changed: 'PRIORITY_CHANGED',
  category_changed: 'CATEGORY_CHANGED',
  marked_as_failure: 'MARKED_AS_FAILURE',
  assigned: 'ASSIGNED',
  planned_date_changed: 'PLANNED_DATE_CHANGED',
  planned_date_proposed: 'PLANNED_DATE_PROPOSED',
  planned_date_agreed: 'PLANNED_DATE_AGREED',
  planned_date_objected: 'PLANNED_DATE_OBJECTED',
  message_added: 'MESSAGE_ADDED',
  on_site_requested: 'ON_SITE_REQUESTED',
  on_site_arrived: 'ON_SITE_ARRIVED',
  attachment_added: 'ATTACHMENT_ADDED',
};

const TRANSITION_TYPES: Partial<Record<TicketTransition, string>> = {
  ACKNOWLEDGE: 'ACKNOWLEDGED',
  REQUEST_CLARIFICATION: 'CLARIFICATION_REQUESTED',
  ANSWER_CLARIFICATION: 'CLARIFICATION_ANSWERED',
  PROVIDE_SOLUTION: 'SOLUTION_PROVIDED',
  ACCEPT_SOLUTION: 'SOLUTION_ACCEPTED',
  RETURN_SOLUTION: 'SOLUTION_RETURNED',
  // TRIAGE, START_WORK, CLOSE: a plain status move (from -> to says which)
};

const SLA_TIMER_ACTIONS = new Set([
  'started',
  'paused',
  'resumed',
  'deadline_changed',
  'warning',
  'breached',
  'met',
  'cancelled',
]);

function ticketChangeType(action: string, transition: TicketTransition | null): string {
  if (action === 'status_changed') return (transition && TRANSITION_TYPES[transition]) ?? 'STATUS_CHANGED';
  return TICKET_ACTIONS[action] ?? 'UPDATED';
}

/**
 * The change an event stands for, or null when the event is not one subscribers see
 * (e.g. `sla.ticket.state_changed`, which repeats what the timer events already said).
 */
export function changeOf({ event, seq, domain }: DeliveredEvent): Change | null {
  const base = {
    at: event.occurredAt,
    seq,
    cursor: String(seq),
    from: null,
    to: null,
    timerId: null,
    staffOnly: false,
    recipientId: null,
    notificationId: null,
  };
  if (domain === 'tickets' && isTicketEvent(event)) {
    const data = event.data;
    // Defensive: an event from another version may lack the ticket; its key still names it.
    const ticketId = data.ticket?.ticketId ?? data.ticketId;
    if (!ticketId) return null;
    const transition = 'transition' in data ? data.transition : null;
    return {
      ...base,
      type: ticketChangeType(event.type.slice('tickets.ticket.'.length), transition),
      organizationId: event.organizationId ?? data.ticket?.organizationId ?? null,
      ticketId,
      from: 'fromStatus' in data ? data.fromStatus : null,
      to: 'toStatus' in data ? data.toStatus : null,
      staffOnly: 'internal' in data && data.internal === true,
    };
  }
  if (domain === 'sla' && isSlaTimerEvent(event)) {
    const action = event.type.slice('sla.timer.'.length);
    if (!SLA_TIMER_ACTIONS.has(action)) return null;
    return {
      ...base,
      type: action.toUpperCase(),
      organizationId: event.organizationId ?? event.data.organizationId,
      ticketId: event.data.ticketId,
      timerId: event.data.timerId,
    };
  }
  if (domain === 'notifications' && event.type === 'notifications.notification.created') {
    const { recipientId, notificationId } = event.data;
    if (!recipientId || !notificationId) return null;
    return {
      ...base,
      type: 'NOTIFICATION_ADDED',
      organizationId: event.organizationId,
      ticketId: event.data.ticketId,
      recipientId,
      notificationId,
    };
  }
  return null;
}

type SlaTimerEnvelope = Extract<AnyEventEnvelope, { type: `sla.timer.${string}` }>;

function isSlaTimerEvent(event: AnyEventEnvelope): event is SlaTimerEnvelope {
  return event.type.startsWith('sla.timer.');
}
