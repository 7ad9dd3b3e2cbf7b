import type { Category, CloseReason, Priority, TicketStatus, TicketTransition } from '@reglament/shared/domain';
import type { SolutionDelivery } from './ticket';

/**
 * What a change records. Each fact becomes exactly one history entry (R-TKT-13) and exactly
 * one event (tickets.ticket.<kind>), written in the transaction of the change.
 */
export type TicketChange =
  | { kind: 'REGISTERED'; answeredOnCall: boolean | null; callbackBy?: Date | null }
  | {
      kind: 'STATUS_CHANGED';
      transition: TicketTransition;
      from: TicketStatus;
      to: TicketStatus;
      note: string | null;
      /** PROVIDE_SOLUTION (002): how the solution reached the customer. */
      deliveredVia?: SolutionDelivery;
    }
  | { kind: 'CLOSED'; transition: TicketTransition; from: TicketStatus; reason: CloseReason; comment: string | null }
  | {
      kind: 'CLASSIFIED';
      category: Category;
      priority: Priority;
      previousCategory: Category | null;
      previousPriority: Priority | null;
    }
  | { kind: 'PRIORITY_CHANGED'; priority: Priority; previousPriority: Priority | null; reason: string | null }
  | { kind: 'CATEGORY_CHANGED'; category: Category; previousCategory: Category | null; reason: string }
  | { kind: 'ASSIGNED'; assigneeId: string; previousAssigneeId: string | null; assigneeName: string | null }
  | {
      kind: 'PLANNED_DATE_CHANGED';
      plannedResolutionAt: Date | null;
      previousPlannedResolutionAt: Date | null;
      reason: string | null;
    }
  | { kind: 'MESSAGE_ADDED'; messageId: string; internal: boolean; fromProvider: boolean; body: string }
  | {
      kind: 'PLANNED_DATE_PROPOSED';
      proposedResolutionAt: Date;
      previousProposedResolutionAt: Date | null;
      note: string | null;
    }
  | { kind: 'PLANNED_DATE_AGREED'; plannedResolutionAt: Date }
  | { kind: 'PLANNED_DATE_OBJECTED'; proposedResolutionAt: Date; reason: string }
  /** 003 §7: a product failure; by STAFF (markAsFailure) or by the PRESET's mapping of its class. */
  | { kind: 'MARKED_AS_FAILURE'; by: 'STAFF' | 'PRESET' }
  | { kind: 'ON_SITE_REQUESTED'; note: string | null }
  | { kind: 'ON_SITE_ARRIVED' }
  | {
      kind: 'ATTACHMENT_ADDED';
      attachmentId: string;
      name: string;
      contentType: string;
      size: number;
      internal: boolean;
    };

export type TicketChangeKind = TicketChange['kind'];

/** Facts only provider staff may see (a customer never sees internal messages or files). */
export function isInternalChange(fact: TicketChange): boolean {
  return (fact.kind === 'MESSAGE_ADDED' || fact.kind === 'ATTACHMENT_ADDED') && fact.internal;
}

/** A text that goes into the ticket's thread with a change (question, answer, solution, remarks). */
export interface NewMessage {
  id: string;
  body: string;
  internal: boolean;
  fromProvider: boolean;
  /** The move it came with; null for a plain message. */
  transition: TicketTransition | null;
}
