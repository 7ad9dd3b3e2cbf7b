import type { Domain, TicketAfterChange, TicketTransition } from '@reglament/shared/domain';
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
  assigned: 'ASSIGNED',
  planned_date_changed: 'PLANNED_DATE_CHANGED',
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
  const [, entity, action = ''] = event.type.split('.');
  const data = event.data as unknown as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
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
  if (domain === 'tickets' && entity === 'ticket') {
    const ticket = data.ticket as Partial<TicketAfterChange> | undefined;
    const ticketId = text(ticket?.ticketId) ?? text(data.ticketId);
    if (!ticketId) return null;
    const transition = text(data.transition) as TicketTransition | null;
    return {
      ...base,
      type: ticketChangeType(action, transition),
      organizationId: event.organizationId ?? text(ticket?.organizationId),
      ticketId,
      from: text(data.fromStatus),
      to: text(data.toStatus),
      staffOnly: data.internal === true,
    };
  }
  if (domain === 'sla' && entity === 'timer' && SLA_TIMER_ACTIONS.has(action)) {
    return {
      ...base,
      type: action.toUpperCase(),
      organizationId: event.organizationId ?? text(data.organizationId),
      ticketId: text(data.ticketId),
      timerId: text(data.timerId),
    };
  }
  if (domain === 'notifications' && event.type === 'notifications.notification.created') {
    const recipientId = text(data.recipientId);
    const notificationId = text(data.notificationId);
    if (!recipientId || !notificationId) return null;
    return {
      ...base,
      type: 'NOTIFICATION_ADDED',
      organizationId: event.organizationId,
      ticketId: text(data.ticketId),
      recipientId,
      notificationId,
    };
  }
  return null;
}
