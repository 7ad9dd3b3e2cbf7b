import type { DeliveredEvent, Domain } from '@reglament/shared';

/** What a subscription payload is made from: the event, reduced to the fields of the change. */
export interface Change {
  type: string;
  at: string;
  organizationId: string | null;
  ticketId: string | null;
  timerId: string | null;
  from: string | null;
  to: string | null;
  cursor: string;
}

export const FIELD_DOMAINS: Record<string, Domain> = { ticketChanged: 'tickets', slaChanged: 'sla' };

const TICKET_CHANGE_TYPES = new Set([
  'REGISTERED',
  'ACKNOWLEDGED',
  'STATUS_CHANGED',
  'CLASSIFIED',
  'ASSIGNED',
  'PRIORITY_CHANGED',
  'MESSAGE_ADDED',
  'CLARIFICATION_REQUESTED',
  'CLARIFICATION_ANSWERED',
  'SOLUTION_PROVIDED',
  'SOLUTION_RETURNED',
  'CLOSED',
]);

/** `tickets.ticket.status_changed` -> STATUS_CHANGED; `sla.timer.warning` -> WARNING. */
export function changeOf({ event, seq, domain }: DeliveredEvent): Change | null {
  const action = event.type.split('.')[2]?.toUpperCase() ?? '';
  const data = event.data as unknown as Record<string, unknown>;
  const str = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : null);
  if (domain === 'tickets') {
    if (!str('ticketId')) return null;
    return {
      type: TICKET_CHANGE_TYPES.has(action) ? action : 'UPDATED',
      at: event.occurredAt,
      organizationId: event.organizationId,
      ticketId: str('ticketId'),
      timerId: null,
      from: str('fromStatus'),
      to: str('toStatus'),
      cursor: String(seq),
    };
  }
  if (domain === 'sla' && event.type.startsWith('sla.timer.')) {
    return {
      type: action,
      at: event.occurredAt,
      organizationId: event.organizationId,
      ticketId: str('ticketId'),
      timerId: str('timerId'),
      from: null,
      to: null,
      cursor: String(seq),
    };
  }
  return null;
}
