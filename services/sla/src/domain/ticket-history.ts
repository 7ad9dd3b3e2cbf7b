import type {
  Category,
  Channel,
  CloseReason,
  Priority,
  TicketAfterChange,
  TicketDutyFacts,
  TicketEventEnvelope,
  TicketStatus,
  TicketTransition,
} from '@reglament/shared/domain';

/** What the SLA clock needs to know of a ticket at a point of its history. */
export interface TicketSnapshot {
  category: Category | null;
  priority: Priority | null;
  channel: Channel;
  status: TicketStatus;
  plannedResolutionAt: number | null;
  product: string | null;
  /** A DUTY ticket's contract duty (issue 18): its clock follows the duty, not the policy's targets. */
  duty?: TicketDutyFacts | null;
}

interface Base {
  /** Instant of the change, epoch ms. */
  at: number;
  /** The ticket's version after the change (several events of one command share it). */
  version: number;
  ticket: TicketSnapshot;
}

/**
 * A ticket's history as the SLA service keeps it: the ticket events reduced to what drives
 * clocks. Timers are a pure function of this history (plus policy, calendar, releases and
 * prepaid state): replaying it gives the same timers (R-SLA-10).
 */
export type HistoryEntry =
  | (Base & {
      kind: 'REGISTERED';
      answeredOnCall: boolean | null;
      /** logCall: the call-back the hotline promised, epoch ms (absent in entries stored before it). */
      callbackBy?: number | null;
    })
  | (Base & { kind: 'STATUS'; transition: TicketTransition; from: TicketStatus; to: TicketStatus; byProvider: boolean })
  | (Base & { kind: 'CLOSED'; reason: CloseReason; from: TicketStatus; byProvider: boolean })
  | (Base & { kind: 'RECLASSIFIED' })
  | (Base & { kind: 'PLANNED_DATE' })
  /** 003 §7: the ticket was marked as a product failure (a failure report is owed; no clock moves). */
  | (Base & { kind: 'FAILURE_MARKED' })
  /** 003 item 2: the customer agreed the planned date the provider proposed (stops TERM_AGREEMENT). */
  | (Base & { kind: 'TERM_AGREED' })
  /** A public message from provider staff: a response to the customer (REACTION, CALLBACK). */
  | (Base & { kind: 'PROVIDER_RESPONSE' })
  | (Base & { kind: 'ON_SITE_REQUESTED' })
  | (Base & { kind: 'ON_SITE_ARRIVED' });

/** History in the order it happened: by version, then as recorded. */
export function ordered(entries: readonly (HistoryEntry & { seq: number })[]): HistoryEntry[] {
  return [...entries].sort((a, b) => a.version - b.version || a.seq - b.seq);
}

/** What the SLA clock keeps of a ticket as an event carries it. */
export function snapshotOf(t: TicketAfterChange): TicketSnapshot {
  return {
    category: t.category,
    priority: t.priority,
    channel: t.channel,
    status: t.status,
    plannedResolutionAt: t.plannedResolutionAt ? Date.parse(t.plannedResolutionAt) : null,
    product: t.product,
    duty: t.duty ?? null,
  };
}

/** The SLA-relevant part of a tickets event, or null for events that move no clock. */
export function historyEntryOf(event: TicketEventEnvelope): HistoryEntry | null {
  const { ticket, actor } = event.data;
  const base = { at: Date.parse(event.occurredAt), version: ticket.version, ticket: snapshotOf(ticket) };
  const byProvider = actor.role !== 'CUSTOMER';
  switch (event.type) {
    case 'tickets.ticket.registered':
      return {
        ...base,
        kind: 'REGISTERED',
        answeredOnCall: event.data.answeredOnCall,
        callbackBy: event.data.callbackBy ? Date.parse(event.data.callbackBy) : null,
      };
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
    case 'tickets.ticket.category_changed':
      return { ...base, kind: 'RECLASSIFIED' };
    case 'tickets.ticket.planned_date_changed':
      return { ...base, kind: 'PLANNED_DATE' };
    case 'tickets.ticket.marked_as_failure':
      return { ...base, kind: 'FAILURE_MARKED' };
    case 'tickets.ticket.planned_date_agreed':
      return { ...base, kind: 'TERM_AGREED' };
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
