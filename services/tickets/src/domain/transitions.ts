import { type Actor, AppError, ErrorCode, forbidden } from '@reglament/shared/domain';
import type { TicketState } from './ticket';
import { MoveRefusal } from './moves/helpers';
import {
  type ActorRole,
  type AvailabilityState,
  type MoveContext,
  type MoveInputs,
  type MoveOutcome,
  type MoveRule,
  TICKET_MOVES,
  type TicketMove,
} from './moves/move';
import { DUTY_MOVES, DUTY_TICKET_MOVES } from './moves/duty';
import { FAILURE_MOVES, withPresetFailure } from './moves/failure';
import { PLANNING_MOVES } from './moves/planning';
import { STATUS_MOVES } from './moves/status';
import { TERM_AGREEMENT_MOVES } from './moves/term-agreement';
import { THREAD_MOVES } from './moves/thread';

export { presetFailureMarking } from './moves/failure';
export { requireMayPostInternal } from './moves/helpers';
export { CLOSE_REASONS } from './moves/status';
export {
  type ActorRole,
  type AvailabilityState,
  type MoveContext,
  type MoveInputs,
  type MoveOutcome,
  type StaffMember,
  TICKET_MOVES,
  type TicketMove,
} from './moves/move';

/**
 * R-TKT-14: the status machine and every other change of a ticket, as ONE table. For each move:
 * the statuses it starts from, where it goes, who may make it, what it needs and what it
 * records. Nothing else in the service decides whether a change is allowed. The rules live in
 * ./moves/ by concern (status moves, planning, term agreement, thread); this file joins them.
 */
export const TRANSITIONS: { readonly [M in TicketMove]: MoveRule<M> } = {
  ...STATUS_MOVES,
  ...PLANNING_MOVES,
  ...THREAD_MOVES,
  ...TERM_AGREEMENT_MOVES,
  ...FAILURE_MOVES,
  ...DUTY_MOVES,
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
  if (!mayMake(rule, actor.role, ticket.preset)) {
    const extra = rule.whoByPreset ? ` (${rule.whoByPreset.rule})` : '';
    throw forbidden(`A ${actor.role} may not ${rule.mutation}; it is for ${rule.who.join(', ')}${extra}`);
  }
  if (!rule.from.includes(ticket.status)) {
    throw invalidTransition(ticket, move, `${rule.mutation} is allowed only from ${rule.from.join(', ')}`);
  }
  if (rule.when && !rule.when.holds(ticket)) throw invalidTransition(ticket, move, rule.when.otherwise(ticket));
  if (!offeredByKind(ticket, move)) {
    throw invalidTransition(
      ticket,
      move,
      'a DUTY ticket is completed with completeDutyOccurrence, not moved (issue 18)',
    );
  }
  try {
    rule.check?.(ticket, input, ctx, actor);
  } catch (error) {
    if (error instanceof MoveRefusal) throw invalidTransition(ticket, move, error.why);
    throw error;
  }
  return withPresetFailure(ticket, rule.record(ticket, input, ctx, actor), ctx.now);
}

/** The moves a ticket allows now (for a role, when given): what a client may offer next. */
export function allowedMoves(ticket: AvailabilityState, role?: ActorRole): TicketMove[] {
  return TICKET_MOVES.filter((move) => {
    const rule: MoveRule<TicketMove> = TRANSITIONS[move];
    return (
      rule.from.includes(ticket.status) &&
      (rule.when?.holds(ticket) ?? true) &&
      offeredByKind(ticket, move) &&
      (role === undefined || mayMake(rule, role, ticket.preset))
    );
  });
}

/** Issue 18: a DUTY ticket only talks, takes files and an assignee, and is completed. */
function offeredByKind(ticket: AvailabilityState, move: TicketMove): boolean {
  return ticket.kind !== 'DUTY' || DUTY_TICKET_MOVES.includes(move);
}

/** The rule's roles, plus those the ticket's preset adds. */
function mayMake(rule: MoveRule<TicketMove>, role: ActorRole, preset: string): boolean {
  const byPreset = rule.whoByPreset;
  return (
    rule.who.includes(role) || (byPreset !== undefined && byPreset.roles.includes(role) && byPreset.presets(preset))
  );
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
