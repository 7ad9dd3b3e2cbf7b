import type { AnyEventEnvelope, TicketAfterChange } from '@reglament/shared/domain';
import type { HistoryEntry, TicketSnapshot } from '../domain/ticket-history';

function snapshot(t: TicketAfterChange): TicketSnapshot {
  return {
    category: t.category,
    priority: t.priority,
    channel: t.channel,
    status: t.status,
    plannedResolutionAt: t.plannedResolutionAt ? Date.parse(t.plannedResolutionAt) : null,
    product: t.product,
  };
}

/** The SLA-relevant part of a tickets event, or null for events that move no clock. */
export function historyEntryOf(event: AnyEventEnvelope): HistoryEntry | null {
  if (!event.type.startsWith('tickets.ticket.')) return null;
  const data = event.data as { ticket: TicketAfterChange; actor?: { role: string } };
  const base = { at: Date.parse(event.occurredAt), version: data.ticket.version, ticket: snapshot(data.ticket) };
  const byProvider = data.actor?.role !== 'CUSTOMER';
  switch (event.type) {
    case 'tickets.ticket.registered':
      return { ...base, kind: 'REGISTERED', answeredOnCall: event.data.answeredOnCall };
    case 'tickets.ticket.status_changed':
      return {
        ...base,
        kind: 'STATUS',
        transition: event.data.transition,
        from: event.data.fromStatus,
        to: event.data.toStatus,
        byProvider,
      };
    case 'tickets.ticket.closed':
      return { ...base, kind: 'CLOSED', reason: event.data.reason, from: event.data.fromStatus, byProvider };
    case 'tickets.ticket.classified':
    case 'tickets.ticket.priority_changed':
      return { ...base, kind: 'RECLASSIFIED' };
    case 'tickets.ticket.planned_date_changed':
      return { ...base, kind: 'PLANNED_DATE' };
    case 'tickets.ticket.message_added':
      return event.data.fromProvider && !event.data.internal ? { ...base, kind: 'PROVIDER_RESPONSE' } : null;
    case 'tickets.ticket.on_site_requested':
      return { ...base, kind: 'ON_SITE_REQUESTED' };
    case 'tickets.ticket.on_site_arrived':
      return { ...base, kind: 'ON_SITE_ARRIVED' };
    default:
      return null;
  }
}
