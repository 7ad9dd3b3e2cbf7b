import type { Actor, Category, CloseReason, Priority, TicketStatus } from '@reglament/shared/domain';
import type { NewMessage, TicketChange } from '../changes';
import type { SolutionDelivery, TicketState } from '../ticket';

/**
 * R-TKT-14: the moves of a ticket (status moves and every other change). The table that decides
 * them is assembled in ../transitions.ts from the files of this folder, one per concern.
 */
export const TICKET_MOVES = [
  'ACKNOWLEDGE',
  'TRIAGE',
  'REQUEST_CLARIFICATION',
  'ANSWER_CLARIFICATION',
  'PROVIDE_SOLUTION',
  'ACCEPT_SOLUTION',
  'RETURN_SOLUTION',
  'CLOSE',
  'CHANGE_PRIORITY',
  'CHANGE_PLANNED_DATE',
  'ASSIGN',
  'ADD_MESSAGE',
  'ADD_ATTACHMENT',
  'REQUEST_ON_SITE',
  'RECORD_ON_SITE_ARRIVAL',
  'PROPOSE_PLANNED_DATE',
  'AGREE_PLANNED_DATE',
  'OBJECT_TO_PLANNED_DATE',
  'CHANGE_CATEGORY',
  'MARK_AS_FAILURE',
  'COMPLETE_DUTY',
] as const;
export type TicketMove = (typeof TICKET_MOVES)[number];

/** Who acts: a customer contact of the ticket's organization, provider staff, or the platform itself. */
export type ActorRole = Actor['role'];

export interface MoveInputs {
  ACKNOWLEDGE: { message: string | null };
  TRIAGE: { category: Category; priority: Priority; assigneeId: string; plannedResolutionAt: Date | null };
  REQUEST_CLARIFICATION: { question: string };
  ANSWER_CLARIFICATION: { answer: string };
  /** 002: how the solution reached the customer (PORTAL when not said). */
  PROVIDE_SOLUTION: { solution: string; deliveredVia: SolutionDelivery };
  ACCEPT_SOLUTION: Record<string, never>;
  RETURN_SOLUTION: { remarks: string };
  CLOSE: { reason: CloseReason; comment: string | null };
  CHANGE_PRIORITY: { priority: Priority; reason: string | null };
  CHANGE_PLANNED_DATE: { plannedResolutionAt: Date; reason: string | null };
  ASSIGN: { assigneeId: string };
  ADD_MESSAGE: { body: string; internal: boolean };
  /** Already checked against the size limit by the application (the limit is configuration). */
  ADD_ATTACHMENT: { name: string; contentType: string; size: number; internal: boolean };
  REQUEST_ON_SITE: { note: string | null };
  RECORD_ON_SITE_ARRIVAL: Record<string, never>;
  PROPOSE_PLANNED_DATE: { plannedResolutionAt: Date; note: string | null };
  AGREE_PLANNED_DATE: Record<string, never>;
  OBJECT_TO_PLANNED_DATE: { reason: string };
  CHANGE_CATEGORY: { category: Category; reason: string };
  MARK_AS_FAILURE: Record<string, never>;
  /** Issue 18: checked by the application (length; the file saved in the same transaction). */
  COMPLETE_DUTY: { note: string | null; attachmentId: string | null };
}

export interface StaffMember {
  id: string;
  fullName: string;
  active: boolean;
}

/** What a decision may consult besides the ticket: the clock and the read models fed by events. */
export interface MoveContext {
  now: Date;
  /** From sla.ticket.* events (R-SLA-11, R-TKT-9). */
  sla: {
    failureReportPending: boolean;
    clarificationExpiredAt: Date | null;
    /** When the SLA service last said the ticket's standing (null: never). */
    updatedAt: Date | null;
  };
  /** Staff known from contracts.staff.* events, by id (null: unknown). */
  staff(id: string): StaffMember | null;
  newId(): string;
}

export interface MoveOutcome {
  /** The fields that change (the version is bumped by whoever persists). */
  changes: Partial<TicketState>;
  facts: TicketChange[];
  message: NewMessage | null;
  /** Set by ADD_ATTACHMENT: the id its content is stored under. */
  attachmentId?: string;
}

/** What decides which moves a ticket offers now: its status, and the state `when` conditions read. */
export type AvailabilityState = Pick<
  TicketState,
  'status' | 'kind' | 'preset' | 'onSiteRequestedAt' | 'onSiteArrivedAt' | 'proposedResolutionAt' | 'markedAsFailureAt'
>;

export interface MoveRule<M extends TicketMove> {
  /** The API operation that makes the move. */
  mutation: string;
  from: readonly TicketStatus[];
  /** The status after the move; BACK: where it was before the clarification request. */
  to: TicketStatus | 'UNCHANGED' | 'BACK';
  who: readonly ActorRole[];
  /** Roles a preset adds to `who` for its tickets (e.g. kz-supplier customers change priority, 003). */
  whoByPreset?: { roles: readonly ActorRole[]; presets(preset: string): boolean; rule: string };
  /** What it needs, in words (the schema's docs and refusals use it). */
  needs: string;
  /** A condition on the ticket's own state beyond its status; offered as a next move only when it holds. */
  when?: { holds(ticket: AvailabilityState): boolean; otherwise(ticket: AvailabilityState): string };
  /** Refuses with typed errors; `refuse(why)` (./helpers) makes an INVALID_TRANSITION of this move. */
  check?(ticket: TicketState, input: MoveInputs[M], ctx: MoveContext, actor: Actor): void;
  record(ticket: TicketState, input: MoveInputs[M], ctx: MoveContext, actor: Actor): MoveOutcome;
}

/** A part of the table: the rules of some moves. */
export type MoveRules<K extends TicketMove> = { readonly [M in K]: MoveRule<M> };
