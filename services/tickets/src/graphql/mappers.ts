import type { TicketEntity } from '../infra/entities';
import type { Ticket } from './types';

export function toTicket(row: TicketEntity): Ticket {
  return {
    id: row.id,
    number: row.number,
    organizationId: row.organizationId,
    contractId: row.contractId,
    requesterId: row.requesterId,
    channel: row.channel,
    title: row.title,
    description: row.description,
    category: row.category,
    priority: row.priority,
    status: row.status,
    assigneeId: row.assigneeId,
    product: row.product,
    plannedResolutionAt: row.plannedResolutionAt,
    registeredAt: row.registeredAt,
  };
}
