import type { EventEnvelope, TicketAfterChange, TicketsEventPayloads } from '@reglament/shared/domain';
import type { EventHandlers, Tx } from '@reglament/shared/platform';

/**
 * The read model of tickets, from tickets.* events only (contracts never calls tickets): to
 * bill logged work it needs the ticket's contract, category and service. Every tickets event
 * carries the whole ticket; an older version never overwrites a newer one.
 */
async function remember(ticket: TicketAfterChange, tx: Tx): Promise<void> {
  await tx.manager.query(
    `INSERT INTO known_tickets (ticket_id, organization_id, contract_id, number, category, service_code, status, version, assignee_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (ticket_id) DO UPDATE SET organization_id = EXCLUDED.organization_id,
       contract_id = EXCLUDED.contract_id, number = EXCLUDED.number, category = EXCLUDED.category,
       service_code = EXCLUDED.service_code, status = EXCLUDED.status, version = EXCLUDED.version,
       assignee_id = EXCLUDED.assignee_id
     WHERE known_tickets.version < EXCLUDED.version`,
    [
      ticket.ticketId,
      ticket.organizationId,
      ticket.contractId,
      ticket.number,
      ticket.category,
      ticket.serviceCode,
      ticket.status,
      ticket.version,
      ticket.assigneeId,
    ],
  );
}

type TicketEventType = Extract<keyof TicketsEventPayloads, `tickets.ticket.${string}`>;
const handle = async (event: EventEnvelope<TicketEventType>, tx: Tx) => remember(event.data.ticket, tx);

export const ticketsHandlers: EventHandlers = {
  'tickets.ticket.registered': handle,
  'tickets.ticket.classified': handle,
  'tickets.ticket.closed': handle,
  'tickets.ticket.status_changed': handle,
  'tickets.ticket.priority_changed': handle,
  'tickets.ticket.category_changed': handle,
  'tickets.ticket.assigned': handle,
  'tickets.ticket.planned_date_changed': handle,
  'tickets.ticket.message_added': handle,
  'tickets.ticket.on_site_requested': handle,
  'tickets.ticket.on_site_arrived': handle,
  'tickets.ticket.attachment_added': handle,
};
