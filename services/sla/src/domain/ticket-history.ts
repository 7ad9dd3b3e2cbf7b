import type {
  Category,
  Channel,
  CloseReason,
  Priority,
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
  | (Base & { kind: 'REGISTERED'; answeredOnCall: boolean | null })
  | (Base & { kind: 'STATUS'; transition: TicketTransition; from: TicketStatus; to: TicketStatus; byProvider: boolean })
  | (Base & { kind: 'CLOSED'; reason: CloseReason; from: TicketStatus; byProvider: boolean })
  | (Base & { kind: 'RECLASSIFIED' })
  | (Base & { kind: 'PLANNED_DATE' })
  /** A public message from provider staff: a response to the customer (REACTION, CALLBACK). */
  | (Base & { kind: 'PROVIDER_RESPONSE' })
  | (Base & { kind: 'ON_SITE_REQUESTED' })
  | (Base & { kind: 'ON_SITE_ARRIVED' });

/** History in the order it happened: by version, then as recorded. */
export function ordered(entries: readonly (HistoryEntry & { seq: number })[]): HistoryEntry[] {
  return [...entries].sort((a, b) => a.version - b.version || a.seq - b.seq);
}
