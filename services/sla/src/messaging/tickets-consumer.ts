import { type AnyEventEnvelope, causedBy } from '@reglament/shared/domain';
import { type Clock, type EventHandlers, type Tx } from '@reglament/shared/platform';
import type { TicketClocks } from '../application/ticket-clocks';

const TICKET_EVENTS = [
  'tickets.ticket.registered',
  'tickets.ticket.status_changed',
  'tickets.ticket.closed',
  'tickets.ticket.classified',
  'tickets.ticket.priority_changed',
  'tickets.ticket.category_changed',
  'tickets.ticket.planned_date_changed',
  'tickets.ticket.planned_date_agreed',
  'tickets.ticket.marked_as_failure',
  'tickets.ticket.message_added',
  'tickets.ticket.on_site_requested',
  'tickets.ticket.on_site_arrived',
] as const;

/** Every tickets event that moves a clock goes into the ticket's history (R-SLA-3, R-SLA-8). */
export function ticketsHandlers(clocks: TicketClocks, clock: Clock): EventHandlers {
  const record = async (event: AnyEventEnvelope, tx: Tx) => {
    const now = clock.now();
    await clocks.record(tx, event, now.getTime(), causedBy(event, 'sla', now));
  };
  return Object.fromEntries(TICKET_EVENTS.map((type) => [type, record])) as EventHandlers;
}
