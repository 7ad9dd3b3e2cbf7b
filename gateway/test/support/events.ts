import { type AnyEventEnvelope, makeEvent, type TicketAfterChange, type TicketStatus } from '@reglament/shared/domain';
import { type DeliveredEvent } from '@reglament/shared/platform';

export const ORG_A = '01950000-0000-7000-8000-00000000000a';
export const ORG_B = '01950000-0000-7000-8000-00000000000b';
export const TICKET_1 = '01950000-0000-7000-8000-000000000001';
export const TICKET_2 = '01950000-0000-7000-8000-000000000002';
export const TIMER_1 = '01950000-0000-7000-8000-0000000000f1';

const AT = new Date('2025-03-03T07:00:00.000Z');

export function ticketAfterChange(ticketId: string, organizationId: string, status: TicketStatus): TicketAfterChange {
  return {
    ticketId,
    number: 'T-2025-000001',
    organizationId,
    contractId: '01950000-0000-7000-8000-0000000000c0',
    preset: 'imc-typical',
    requesterId: null,
    channel: 'PORTAL',
    title: 'Posting fails',
    category: null,
    priority: null,
    status,
    assigneeId: null,
    product: null,
    serviceCode: null,
    plannedResolutionAt: null,
    registeredAt: AT.toISOString(),
    resolvedAt: null,
    closedAt: null,
    closeReason: null,
    linkedTicketId: null,
    version: 1,
  };
}

const actor = { id: null, role: 'SYSTEM' as const, name: null };

export function statusChanged(
  ticketId: string,
  organizationId: string,
  from: TicketStatus,
  to: TicketStatus,
  transition: 'ACKNOWLEDGE' | 'START_WORK' | 'REQUEST_CLARIFICATION',
) {
  return makeEvent(
    'tickets.ticket.status_changed',
    organizationId,
    {
      ticket: ticketAfterChange(ticketId, organizationId, to),
      actor,
      ticketId,
      organizationId,
      transition,
      fromStatus: from,
      toStatus: to,
      note: null,
    },
    { source: 'tickets', occurredAt: AT },
  );
}

export function messageAdded(ticketId: string, organizationId: string, internal: boolean) {
  return makeEvent(
    'tickets.ticket.message_added',
    organizationId,
    {
      ticket: ticketAfterChange(ticketId, organizationId, 'IN_ANALYSIS'),
      actor,
      ticketId,
      organizationId,
      messageId: '01950000-0000-7000-8000-0000000000e1',
      internal,
      fromProvider: true,
      body: 'Looking into it',
    },
    { source: 'tickets', occurredAt: AT },
  );
}

export function timerEvent(type: 'sla.timer.started' | 'sla.timer.warning', ticketId: string, organizationId: string) {
  const facts = {
    timerId: TIMER_1,
    ticketId,
    organizationId,
    policyId: '01950000-0000-7000-8000-0000000000d1',
    metric: 'REACTION' as const,
    party: 'PROVIDER' as const,
    status: 'RUNNING' as const,
    startedAt: AT.toISOString(),
    deadline: '2025-03-03T09:00:00.000Z',
    warnAt: null,
    breachedAt: null,
    stoppedAt: null,
  };
  return type === 'sla.timer.warning'
    ? makeEvent(
        type,
        organizationId,
        { ...facts, partyAtRisk: 'PROVIDER', partyToNotify: ['PROVIDER', 'CUSTOMER'] },
        { source: 'sla', occurredAt: AT },
      )
    : makeEvent(type, organizationId, facts, { source: 'sla', occurredAt: AT });
}

export function delivered(event: AnyEventEnvelope, seq: number): DeliveredEvent {
  return {
    event,
    seq,
    domain: event.type.startsWith('sla.') ? 'sla' : 'tickets',
    redelivered: false,
  } as DeliveredEvent;
}
