import {
  type Actor,
  AppError,
  badInput,
  type Category,
  type CloseReason,
  ErrorCode,
  forbidden,
  isStaffRole,
  PLANNING_HORIZON_MS,
  STAFF_ROLES,
  type Priority,
  type TicketStatus,
  triageNeedsPlannedDate,
} from '@reglament/shared/domain';
import type { NewMessage, TicketChange } from './changes';
import { MESSAGE_MAX, optionalText, requiredText } from './text';
import { OPEN_STATUSES, onSiteVisitPending, type TicketState } from './ticket';

/**
 * R-TKT-14: the status machine and every other change of a ticket, as ONE table. For each move:
 * the statuses it starts from, where it goes, who may make it, what it needs and what it
 * records. Nothing else in the service decides whether a change is allowed.
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
] as const;
export type TicketMove = (typeof TICKET_MOVES)[number];

/** Who acts: a customer contact of the ticket's organization, provider staff, or the platform itself. */
export type ActorRole = Actor['role'];

const STAFF = STAFF_ROLES satisfies readonly ActorRole[];
const CUSTOMER = ['CUSTOMER'] as const satisfies readonly ActorRole[];
const OPEN: readonly TicketStatus[] = OPEN_STATUSES;
/** Before the solution: where priorities and on-site visits still make sense. */
const BEFORE_SOLUTION: readonly TicketStatus[] = ['REGISTERED', 'IN_ANALYSIS', 'AWAITING_CLARIFICATION', 'IN_PROGRESS'];

export interface MoveInputs {
  ACKNOWLEDGE: { message: string | null };
  TRIAGE: { category: Category; priority: Priority; assigneeId: string; plannedResolutionAt: Date | null };
  REQUEST_CLARIFICATION: { question: string };
  ANSWER_CLARIFICATION: { answer: string };
  PROVIDE_SOLUTION: { solution: string };
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
  sla: { failureReportPending: boolean; clarificationExpiredAt: Date | null };
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
export type AvailabilityState = Pick<TicketState, 'status' | 'onSiteRequestedAt' | 'onSiteArrivedAt'>;

interface MoveRule<M extends TicketMove> {
  /** The API operation that makes the move. */
  mutation: string;
  from: readonly TicketStatus[];
  /** The status after the move; BACK: where it was before the clarification request. */
  to: TicketStatus | 'UNCHANGED' | 'BACK';
  who: readonly ActorRole[];
  /** What it needs, in words (the schema's docs and refusals use it). */
  needs: string;
  /** A condition on the ticket's own state beyond its status; offered as a next move only when it holds. */
  when?: { holds(ticket: AvailabilityState): boolean; otherwise(ticket: AvailabilityState): string };
  check?(ticket: TicketState, input: MoveInputs[M], ctx: MoveContext, actor: Actor): void;
  record(ticket: TicketState, input: MoveInputs[M], ctx: MoveContext, actor: Actor): MoveOutcome;
}

export const TRANSITIONS: { readonly [M in TicketMove]: MoveRule<M> } = {
  ACKNOWLEDGE: {
    mutation: 'acknowledgeTicket',
    from: ['REGISTERED'],
    to: 'IN_ANALYSIS',
    who: STAFF,
    needs: 'nothing; an optional message to the customer (the first response)',
    record: (t, input, ctx) => {
      const note = optionalText(input.message, 'message', MESSAGE_MAX);
      return {
        changes: { status: 'IN_ANALYSIS', acknowledgedAt: ctx.now },
        facts: [statusChanged('ACKNOWLEDGE', t.status, 'IN_ANALYSIS', note)],
        message: note ? providerMessage(ctx, note, 'ACKNOWLEDGE') : null,
      };
    },
  },

  TRIAGE: {
    mutation: 'triageTicket',
    from: ['IN_ANALYSIS'],
    to: 'IN_PROGRESS',
    who: STAFF,
    needs:
      "category, priority, an active assignee, and a planned resolution date unless the preset's target is release-bound (R-TKT-8, R-TKT-10, R-SLA-7)",
    check: (t, input, ctx) => {
      requireActiveStaff(ctx, input.assigneeId, 'assigneeId');
      if (input.plannedResolutionAt) requireFuture(input.plannedResolutionAt, ctx, 'plannedResolutionAt');
      else if (triageNeedsPlannedDate(t.preset, input.category, input.priority)) {
        throw badInput(
          `plannedResolutionAt is required: under preset ${t.preset} a ${input.category} ticket of priority ${input.priority} ` +
            'is resolved by a date the provider plans (R-TKT-10); only release-bound targets go without one (R-SLA-7)',
          { field: 'plannedResolutionAt' },
        );
      }
    },
    record: (t, input, ctx) => {
      const assignee = ctx.staff(input.assigneeId);
      const planned = input.plannedResolutionAt ?? t.plannedResolutionAt;
      const facts: TicketChange[] = [
        {
          kind: 'CLASSIFIED',
          category: input.category,
          priority: input.priority,
          previousCategory: t.category,
          previousPriority: t.priority,
        },
      ];
      if (input.assigneeId !== t.assigneeId) facts.push(assigned(input.assigneeId, t.assigneeId, assignee));
      if (!sameInstant(planned, t.plannedResolutionAt)) facts.push(plannedDateChanged(planned, t, null));
      facts.push(statusChanged('TRIAGE', t.status, 'IN_PROGRESS', null));
      return {
        changes: {
          category: input.category,
          priority: input.priority,
          assigneeId: input.assigneeId,
          plannedResolutionAt: planned,
          status: 'IN_PROGRESS',
        },
        facts,
        message: null,
      };
    },
  },

  REQUEST_CLARIFICATION: {
    mutation: 'requestClarification',
    from: ['IN_ANALYSIS', 'IN_PROGRESS'],
    to: 'AWAITING_CLARIFICATION',
    who: STAFF,
    needs: 'the question to the customer (R-TKT-9)',
    record: (t, input, ctx) => {
      const question = requiredText(input.question, 'question');
      return {
        changes: {
          status: 'AWAITING_CLARIFICATION',
          clarificationReturnStatus: t.status,
          clarificationRequestedAt: ctx.now,
        },
        facts: [statusChanged('REQUEST_CLARIFICATION', t.status, 'AWAITING_CLARIFICATION', question)],
        message: providerMessage(ctx, question, 'REQUEST_CLARIFICATION'),
      };
    },
  },

  ANSWER_CLARIFICATION: {
    mutation: 'answerClarification',
    from: ['AWAITING_CLARIFICATION'],
    to: 'BACK',
    who: [...CUSTOMER, 'SYSTEM'],
    needs: "the customer's answer; the ticket returns to where it was (R-TKT-9)",
    record: (t, input, ctx) => {
      const answer = requiredText(input.answer, 'answer');
      const back = t.clarificationReturnStatus ?? 'IN_ANALYSIS';
      return {
        changes: { status: back, clarificationReturnStatus: null },
        facts: [statusChanged('ANSWER_CLARIFICATION', t.status, back, answer)],
        message: customerMessage(ctx, answer, 'ANSWER_CLARIFICATION'),
      };
    },
  },

  PROVIDE_SOLUTION: {
    mutation: 'provideSolution',
    from: ['IN_PROGRESS'],
    to: 'RESOLVED',
    who: STAFF,
    needs: 'the solution (or the update to test) (R-TKT-11)',
    record: (t, input, ctx) => {
      const solution = requiredText(input.solution, 'solution');
      return {
        changes: { status: 'RESOLVED', resolvedAt: ctx.now },
        facts: [statusChanged('PROVIDE_SOLUTION', t.status, 'RESOLVED', solution)],
        message: providerMessage(ctx, solution, 'PROVIDE_SOLUTION'),
      };
    },
  },

  ACCEPT_SOLUTION: {
    mutation: 'acceptSolution',
    from: ['RESOLVED'],
    to: 'CLOSED',
    who: CUSTOMER,
    needs: 'no pending failure report (R-SLA-11)',
    check: (t, _input, ctx) => requireNoPendingFailureReport(t, 'ACCEPT_SOLUTION', ctx),
    record: (t, _input, ctx) => ({
      changes: { status: 'CLOSED', closeReason: 'ACCEPTED', closedAt: ctx.now },
      facts: [{ kind: 'CLOSED', transition: 'ACCEPT_SOLUTION', from: t.status, reason: 'ACCEPTED', comment: null }],
      message: null,
    }),
  },

  RETURN_SOLUTION: {
    mutation: 'returnSolution',
    from: ['RESOLVED'],
    to: 'IN_PROGRESS',
    who: CUSTOMER,
    needs: "the customer's remarks; the ticket goes back to work (rework, R-TKT-11)",
    record: (t, input, ctx) => {
      const remarks = requiredText(input.remarks, 'remarks');
      return {
        changes: { status: 'IN_PROGRESS', resolvedAt: null, reworkCount: t.reworkCount + 1 },
        facts: [statusChanged('RETURN_SOLUTION', t.status, 'IN_PROGRESS', remarks)],
        message: customerMessage(ctx, remarks, 'RETURN_SOLUTION'),
      };
    },
  },

  CLOSE: {
    mutation: 'closeTicket',
    from: OPEN,
    to: 'CLOSED',
    who: [...CUSTOMER, ...STAFF, 'SYSTEM'],
    needs: 'a reason allowed in the current status and for the caller (see CLOSE_REASONS), no pending failure report',
    check: (t, input, ctx, actor) => {
      const rule = CLOSE_REASONS[input.reason];
      if (!rule.who.includes(actor.role)) {
        throw forbidden(
          `A ${actor.role} may not close with reason ${input.reason}: ${rule.rule}; allowed for ${rule.who.join(', ')}`,
        );
      }
      if (!rule.from.includes(t.status)) {
        throw invalidTransition(
          t,
          'CLOSE',
          `reason ${input.reason} is allowed only from ${rule.from.join(', ')} (${rule.rule})`,
        );
      }
      if (input.reason === 'NO_CLARIFICATION' && !clarificationDeadlinePassed(t, ctx)) {
        throw invalidTransition(
          t,
          'CLOSE',
          "the customer's clarification deadline has not passed yet; closing with NO_CLARIFICATION is allowed only after it (R-TKT-9)",
        );
      }
      requireNoPendingFailureReport(t, 'CLOSE', ctx);
    },
    record: (t, input, ctx) => {
      const comment = optionalText(input.comment, 'comment');
      return {
        changes: { status: 'CLOSED', closeReason: input.reason, closedAt: ctx.now },
        facts: [{ kind: 'CLOSED', transition: 'CLOSE', from: t.status, reason: input.reason, comment }],
        message: null,
      };
    },
  },

  CHANGE_PRIORITY: {
    mutation: 'changePriority',
    from: BEFORE_SOLUTION,
    to: 'UNCHANGED',
    who: STAFF,
    needs: 'a priority other than the current one; an in-progress ticket that then needs a planned date must have one',
    check: (t, input) => {
      if (input.priority === t.priority) {
        throw badInput(`priority is already ${t.priority}`, { field: 'priority' });
      }
      const working = t.status === 'IN_PROGRESS' || t.clarificationReturnStatus === 'IN_PROGRESS';
      if (
        working &&
        t.category &&
        !t.plannedResolutionAt &&
        triageNeedsPlannedDate(t.preset, t.category, input.priority)
      ) {
        throw badInput(
          `a ${t.category} ticket of priority ${input.priority} under preset ${t.preset} needs a planned resolution date (R-TKT-10); set it with changePlannedDate first`,
          { field: 'priority' },
        );
      }
    },
    record: (t, input) => ({
      changes: { priority: input.priority },
      facts: [
        {
          kind: 'PRIORITY_CHANGED',
          priority: input.priority,
          previousPriority: t.priority,
          reason: optionalText(input.reason, 'reason'),
        },
      ],
      message: null,
    }),
  },

  CHANGE_PLANNED_DATE: {
    mutation: 'changePlannedDate',
    from: ['IN_PROGRESS', 'AWAITING_CLARIFICATION'],
    to: 'UNCHANGED',
    who: STAFF,
    needs: 'a future date other than the current one (e.g. the execution term extended by agreement, R-SLA-5)',
    check: (t, input, ctx) => {
      requireFuture(input.plannedResolutionAt, ctx, 'plannedResolutionAt');
      if (sameInstant(input.plannedResolutionAt, t.plannedResolutionAt)) {
        throw badInput(`plannedResolutionAt is already ${t.plannedResolutionAt!.toISOString()}`, {
          field: 'plannedResolutionAt',
        });
      }
    },
    record: (t, input) => ({
      changes: { plannedResolutionAt: input.plannedResolutionAt },
      facts: [plannedDateChanged(input.plannedResolutionAt, t, optionalText(input.reason, 'reason'))],
      message: null,
    }),
  },

  ASSIGN: {
    mutation: 'assignTicket',
    from: OPEN,
    to: 'UNCHANGED',
    who: STAFF,
    needs: 'an active staff member other than the current assignee',
    check: (t, input, ctx) => {
      requireActiveStaff(ctx, input.assigneeId, 'assigneeId');
      if (input.assigneeId === t.assigneeId) {
        throw badInput(`the ticket is already assigned to ${input.assigneeId}`, { field: 'assigneeId' });
      }
    },
    record: (t, input, ctx) => ({
      changes: { assigneeId: input.assigneeId },
      facts: [assigned(input.assigneeId, t.assigneeId, ctx.staff(input.assigneeId))],
      message: null,
    }),
  },

  ADD_MESSAGE: {
    mutation: 'addMessage',
    from: OPEN,
    to: 'UNCHANGED',
    who: [...CUSTOMER, ...STAFF, 'SYSTEM'],
    needs: 'a body; internal messages are for provider staff only',
    check: (_t, input, _ctx, actor) => requireMayPostInternal(actor, input.internal, 'messages'),
    record: (_t, input, ctx, actor) => {
      const fromProvider = isProvider(actor);
      const message: NewMessage = {
        id: ctx.newId(),
        body: requiredText(input.body, 'body'),
        internal: input.internal,
        fromProvider,
        transition: null,
      };
      return {
        changes: {},
        facts: [
          {
            kind: 'MESSAGE_ADDED',
            messageId: message.id,
            internal: message.internal,
            fromProvider,
            body: message.body,
          },
        ],
        message,
      };
    },
  },

  ADD_ATTACHMENT: {
    mutation: 'addAttachment',
    from: OPEN,
    to: 'UNCHANGED',
    who: [...CUSTOMER, ...STAFF],
    needs: 'a file within the size limit; internal files are for provider staff only',
    check: (_t, input, _ctx, actor) => requireMayPostInternal(actor, input.internal, 'files'),
    record: (_t, input, ctx) => {
      const attachmentId = ctx.newId();
      return {
        changes: {},
        facts: [{ kind: 'ATTACHMENT_ADDED', attachmentId, ...input }],
        message: null,
        attachmentId,
      };
    },
  },

  REQUEST_ON_SITE: {
    mutation: 'requestOnSiteVisit',
    from: BEFORE_SOLUTION,
    to: 'UNCHANGED',
    who: [...CUSTOMER, 'DISPATCHER', 'ADMIN'],
    needs: 'no visit already pending (003: the engineer arrives within 3 hours)',
    when: {
      holds: (t) => !onSiteVisitPending(t),
      otherwise: (t) =>
        `an on-site visit requested at ${t.onSiteRequestedAt!.toISOString()} is still pending; record the arrival first`,
    },
    record: (_t, input, ctx) => ({
      changes: { onSiteRequestedAt: ctx.now, onSiteArrivedAt: null },
      facts: [{ kind: 'ON_SITE_REQUESTED', note: optionalText(input.note, 'note') }],
      message: null,
    }),
  },

  RECORD_ON_SITE_ARRIVAL: {
    mutation: 'recordOnSiteArrival',
    from: OPEN,
    to: 'UNCHANGED',
    who: ['ENGINEER', 'ADMIN'],
    needs: 'a pending on-site visit request',
    when: {
      holds: (t) => onSiteVisitPending(t),
      otherwise: () => 'no on-site visit is pending (requestOnSiteVisit first)',
    },
    record: (_t, _input, ctx) => ({
      changes: { onSiteArrivedAt: ctx.now },
      facts: [{ kind: 'ON_SITE_ARRIVED' }],
      message: null,
    }),
  },
};

/** R-TKT-14: closing reasons, each with the statuses it closes from and who may give it. */
export const CLOSE_REASONS: {
  readonly [R in CloseReason]: { from: readonly TicketStatus[]; who: readonly ActorRole[]; rule: string };
} = {
  ACCEPTED: {
    from: ['RESOLVED'],
    who: [...CUSTOMER, ...STAFF],
    rule: 'the customer accepted the solution (R-TKT-11)',
  },
  AUTO_CLOSED: {
    from: ['RESOLVED'],
    who: ['SYSTEM'],
    rule: 'only the system closes a solution the customer left unanswered for 14 days (R-TKT-12)',
  },
  NO_CLARIFICATION: {
    from: ['AWAITING_CLARIFICATION'],
    who: [...STAFF, 'SYSTEM'],
    rule: 'the provider closes a ticket whose clarification the customer did not give in time (R-TKT-9)',
  },
  DUPLICATE: { from: OPEN, who: STAFF, rule: 'the provider closes a duplicate of another ticket' },
  WITHDRAWN: { from: OPEN, who: [...CUSTOMER, ...STAFF], rule: 'the customer withdrew the request' },
};

/** Decides a move: who, from where, what it needs (typed refusals), and what it changes and records. */
export function decideMove<M extends TicketMove>(
  ticket: TicketState,
  move: M,
  actor: Actor,
  input: MoveInputs[M],
  ctx: MoveContext,
): MoveOutcome {
  const rule = TRANSITIONS[move] as MoveRule<M>;
  if (!rule.who.includes(actor.role)) {
    throw forbidden(`A ${actor.role} may not ${rule.mutation}; it is for ${rule.who.join(', ')}`);
  }
  if (!rule.from.includes(ticket.status)) {
    throw invalidTransition(ticket, move, `${rule.mutation} is allowed only from ${rule.from.join(', ')}`);
  }
  if (rule.when && !rule.when.holds(ticket)) throw invalidTransition(ticket, move, rule.when.otherwise(ticket));
  rule.check?.(ticket, input, ctx, actor);
  return rule.record(ticket, input, ctx, actor);
}

/** The moves a ticket allows now (for a role, when given): what a client may offer next. */
export function allowedMoves(ticket: AvailabilityState, role?: ActorRole): TicketMove[] {
  return TICKET_MOVES.filter((move) => {
    const rule: MoveRule<TicketMove> = TRANSITIONS[move];
    return (
      rule.from.includes(ticket.status) &&
      (rule.when?.holds(ticket) ?? true) &&
      (role === undefined || rule.who.includes(role))
    );
  });
}

export function mutationOf(move: TicketMove): string {
  return TRANSITIONS[move].mutation;
}

/**
 * INVALID_TRANSITION: names the ticket's current status, why, and the moves it allows
 * (message and extensions), so a client can act on it.
 */
export function invalidTransition(ticket: TicketState, move: TicketMove, why: string): AppError {
  const allowed = allowedMoves(ticket);
  return new AppError(
    ErrorCode.INVALID_TRANSITION,
    `Ticket ${ticket.number} is ${ticket.status}: ${why}. ` +
      (allowed.length
        ? `Allowed from ${ticket.status}: ${allowed.map(mutationOf).join(', ')}`
        : `A ${ticket.status} ticket allows no further changes`),
    {
      ticketId: ticket.id,
      currentStatus: ticket.status,
      move,
      allowedMoves: allowed,
      allowedMutations: allowed.map(mutationOf),
    },
  );
}

/** Provider staff speak for the provider; customers and the e-mail intake for the customer. */
function isProvider(actor: Actor): boolean {
  return isStaffRole(actor.role);
}

function providerMessage(ctx: MoveContext, body: string, transition: NewMessage['transition']): NewMessage {
  return { id: ctx.newId(), body, internal: false, fromProvider: true, transition };
}

function customerMessage(ctx: MoveContext, body: string, transition: NewMessage['transition']): NewMessage {
  return { id: ctx.newId(), body, internal: false, fromProvider: false, transition };
}

function statusChanged(
  transition: Extract<TicketChange, { kind: 'STATUS_CHANGED' }>['transition'],
  from: TicketStatus,
  to: TicketStatus,
  note: string | null,
): TicketChange {
  return { kind: 'STATUS_CHANGED', transition, from, to, note };
}

function assigned(assigneeId: string, previous: string | null, staff: StaffMember | null): TicketChange {
  return { kind: 'ASSIGNED', assigneeId, previousAssigneeId: previous, assigneeName: staff?.fullName ?? null };
}

function plannedDateChanged(at: Date | null, t: TicketState, reason: string | null): TicketChange {
  return {
    kind: 'PLANNED_DATE_CHANGED',
    plannedResolutionAt: at,
    previousPlannedResolutionAt: t.plannedResolutionAt,
    reason,
  };
}

function requireActiveStaff(ctx: MoveContext, id: string, field: string): void {
  const staff = ctx.staff(id);
  if (!staff) throw badInput(`${field} ${id} is not a staff member known to the tickets service`, { field });
  if (!staff.active) throw badInput(`${field} ${id} (${staff.fullName}) is deactivated`, { field });
}

/** A planned date: after now and within ten years of it. */
function requireFuture(at: Date, ctx: MoveContext, field: string): void {
  const latest = ctx.now.getTime() + PLANNING_HORIZON_MS;
  if (at.getTime() <= ctx.now.getTime() || at.getTime() > latest) {
    throw badInput(
      `${field} must be in the future and within 10 years (now is ${ctx.now.toISOString()}, latest ${new Date(latest).toISOString()}), got ${at.toISOString()}`,
      { field },
    );
  }
}

export function requireMayPostInternal(actor: Actor, internal: boolean, what: string): void {
  if (internal && !isProvider(actor)) {
    throw forbidden(`Internal ${what} are for provider staff only; a ${actor.role} posts public ${what}`);
  }
}

/** R-SLA-11: a breached provider deadline whose failure report is missing blocks every close. */
function requireNoPendingFailureReport(t: TicketState, move: TicketMove, ctx: MoveContext): void {
  if (ctx.sla.failureReportPending) {
    throw invalidTransition(
      t,
      move,
      'a breached provider deadline still needs its failure report before the ticket can close (R-SLA-11: submitFailureReport)',
    );
  }
}

/** R-TKT-9: the SLA service said the customer's deadline of the current clarification request passed. */
function clarificationDeadlinePassed(t: TicketState, ctx: MoveContext): boolean {
  const expired = ctx.sla.clarificationExpiredAt;
  const asked = t.clarificationRequestedAt;
  return expired !== null && asked !== null && expired.getTime() >= asked.getTime();
}

function sameInstant(a: Date | null, b: Date | null): boolean {
  return (a?.getTime() ?? null) === (b?.getTime() ?? null);
}
