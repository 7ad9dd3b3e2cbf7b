import type { TicketAfterChange } from '@reglament/shared/domain';
import type { TicketState } from '../domain/ticket';

/** The whole ticket after a change, as every tickets.* event carries it (consumers never call back). */
export function ticketAfterChange(ticket: TicketState): TicketAfterChange {
  return {
    ticketId: ticket.id,
    number: ticket.number,
    organizationId: ticket.organizationId,
    contractId: ticket.contractId,
    preset: ticket.preset,
    requesterId: ticket.requesterId,
    channel: ticket.channel,
    title: ticket.title,
    category: ticket.category,
    priority: ticket.priority,
    status: ticket.status,
    assigneeId: ticket.assigneeId,
    product: ticket.product,
    serviceCode: ticket.serviceCode,
    plannedResolutionAt: ticket.plannedResolutionAt?.toISOString() ?? null,
    registeredAt: ticket.registeredAt.toISOString(),
    resolvedAt: ticket.resolvedAt?.toISOString() ?? null,
    closedAt: ticket.closedAt?.toISOString() ?? null,
    closeReason: ticket.closeReason,
    linkedTicketId: ticket.linkedTicketId,
    kind: ticket.kind,
    // Issue 18: only a DUTY ticket carries its duty (other tickets' events are as before).
    ...(ticket.duty
      ? {
          duty: {
            dutyId: ticket.duty.dutyId,
            party: ticket.duty.party,
            periodStartsOn: ticket.duty.periodStartsOn,
            dueWorkingDays: ticket.duty.dueWorkingDays,
          },
        }
      : {}),
    version: ticket.version,
  };
}
