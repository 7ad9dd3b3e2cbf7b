import { newId } from '@reglament/shared/domain';
import { type EventHandlers } from '@reglament/shared/platform';
import { NotificationEntity } from '../infra/entities';

/** R-NTF-1: the requester learns the registration number of a new ticket (R-TKT-1). */
export const ticketsHandlers: EventHandlers = {
  'tickets.ticket.registered': async (event, tx) => {
    const t = event.data.ticket;
    if (!t.requesterId) return;
    await tx.manager.insert(NotificationEntity, {
      id: newId(),
      recipientId: t.requesterId,
      organizationId: t.organizationId,
      ticketId: t.ticketId,
      kind: 'TICKET_REGISTERED',
      title: `Ticket ${t.number} registered`,
      body: `Your request "${t.title}" was registered under number ${t.number}.`,
      sourceEventId: event.id,
      createdAt: new Date(event.occurredAt),
      readAt: null,
    });
  },
};
