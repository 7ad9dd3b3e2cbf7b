import {
  type Actor,
  type AnyEventEnvelope,
  type EventPayloads,
  type EventType,
  makeEvent,
  newId,
  type SlaTimerFacts,
  type TicketAfterChange,
} from '@reglament/shared/domain';

/** Builders of other services' events, as they publish them, for the notifications tests. */
export function event<T extends EventType>(type: T, organizationId: string | null, data: EventPayloads[T]) {
  return makeEvent(type, organizationId, data, {
    source: type.split('.')[0]!,
    occurredAt: new Date('2025-03-03T07:00:00Z'),
  }) as AnyEventEnvelope;
}

export function ticketAfterChange(
  overrides: Partial<TicketAfterChange> & { organizationId: string },
): TicketAfterChange {
  return {
    ticketId: newId(),
    number: 'T-2025-000042',
    contractId: newId(),
    preset: 'imc-typical',
    requesterId: null,
    channel: 'PORTAL',
    title: 'Report prints blank',
    category: 'ERROR',
    priority: 'HIGH',
    status: 'IN_PROGRESS',
    assigneeId: null,
    product: null,
    serviceCode: null,
    plannedResolutionAt: null,
    registeredAt: '2025-03-03T07:00:00.000Z',
    resolvedAt: null,
    closedAt: null,
    closeReason: null,
    linkedTicketId: null,
    version: 1,
    ...overrides,
  };
}

export const staffActor = (id: string): Actor => ({ id, role: 'DISPATCHER', name: 'Dora' });
export const customerActor = (id: string): Actor => ({ id, role: 'CUSTOMER', name: 'Olga' });
export const systemActor: Actor = { id: null, role: 'SYSTEM', name: null };

export function timerFacts(ticket: TicketAfterChange, overrides: Partial<SlaTimerFacts> = {}): SlaTimerFacts {
  return {
    timerId: newId(),
    ticketId: ticket.ticketId,
    organizationId: ticket.organizationId,
    policyId: 'imc-typical',
    metric: 'RESOLUTION',
    party: 'PROVIDER',
    status: 'RUNNING',
    startedAt: '2025-03-03T07:00:00.000Z',
    deadline: '2025-03-05T15:00:00.000Z',
    warnAt: '2025-03-04T15:00:00.000Z',
    breachedAt: null,
    stoppedAt: null,
    ...overrides,
  };
}
