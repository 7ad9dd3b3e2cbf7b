import { newId } from '../ids';
import type { EventPayloads, EventType } from './catalog';
import { EVENT_VERSIONS } from './catalog';

/** The envelope every event travels in (docs/architecture.md "Events"). */
export interface EventEnvelope<T extends EventType = EventType> {
  id: string;
  type: T;
  version: number;
  occurredAt: string;
  source: string;
  organizationId: string | null;
  correlationId: string;
  causationId: string | null;
  data: EventPayloads[T];
  /** W3C trace context of the work that emitted the event (set at the outbox when tracing is on). */
  traceparent?: string;
  tracestate?: string;
}

/** Any envelope, discriminated by `type` so a switch narrows `data`. */
export type AnyEventEnvelope = { [T in EventType]: EventEnvelope<T> }[EventType];

/** A `tickets.ticket.*` event: each carries the ticket after the change (`data.ticket`) and who acted. */
export type TicketEventEnvelope = Extract<AnyEventEnvelope, { type: `tickets.ticket.${string}` }>;

export function isTicketEvent(event: AnyEventEnvelope): event is TicketEventEnvelope {
  return event.type.startsWith('tickets.ticket.');
}

export interface EventOrigin {
  source: string;
  occurredAt: Date;
  /** The event or request this one follows from. */
  correlationId?: string;
  causationId?: string | null;
}

export function makeEvent<T extends EventType>(
  type: T,
  organizationId: string | null,
  data: EventPayloads[T],
  origin: EventOrigin,
): EventEnvelope<T> {
  const id = newId();
  return {
    id,
    type,
    version: EVENT_VERSIONS[type],
    occurredAt: origin.occurredAt.toISOString(),
    source: origin.source,
    organizationId,
    correlationId: origin.correlationId ?? id,
    causationId: origin.causationId ?? null,
    data,
  };
}

/** An event that follows from `cause` keeps its correlation id and names it as the cause. */
export function causedBy(cause: EventEnvelope, source: string, occurredAt: Date): EventOrigin {
  return { source, occurredAt, correlationId: cause.correlationId, causationId: cause.id };
}
