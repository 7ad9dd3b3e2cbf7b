import {
  type Actor,
  badInput,
  forbidden,
  isStaffRole,
  PLANNING_HORIZON_MS,
  STAFF_ROLES,
  type TicketStatus,
} from '@reglament/shared/domain';
import type { NewMessage, TicketChange } from '../changes';
import { OPEN_STATUSES, type TicketState } from '../ticket';
import type { ActorRole, MoveContext, StaffMember } from './move';

export const STAFF = STAFF_ROLES satisfies readonly ActorRole[];
export const CUSTOMER = ['CUSTOMER'] as const satisfies readonly ActorRole[];
export const OPEN: readonly TicketStatus[] = OPEN_STATUSES;
/** Before the solution: where priorities, planned dates and on-site visits still make sense. */
export const BEFORE_SOLUTION: readonly TicketStatus[] = [
  'REGISTERED',
  'IN_ANALYSIS',
  'AWAITING_CLARIFICATION',
  'IN_PROGRESS',
];

/**
 * A refusal of the move in the ticket's current state: `decideMove` turns it into an
 * INVALID_TRANSITION that names the status and the moves it allows.
 */
export class MoveRefusal extends Error {
  constructor(readonly why: string) {
    super(why);
  }
}

export function refuse(why: string): never {
  throw new MoveRefusal(why);
}

/** Provider staff speak for the provider; customers and the e-mail intake for the customer. */
export function isProvider(actor: Actor): boolean {
  return isStaffRole(actor.role);
}

export function providerMessage(ctx: MoveContext, body: string, transition: NewMessage['transition']): NewMessage {
  return { id: ctx.newId(), body, internal: false, fromProvider: true, transition };
}

export function customerMessage(ctx: MoveContext, body: string, transition: NewMessage['transition']): NewMessage {
  return { id: ctx.newId(), body, internal: false, fromProvider: false, transition };
}

export function statusChanged(
  transition: Extract<TicketChange, { kind: 'STATUS_CHANGED' }>['transition'],
  from: TicketStatus,
  to: TicketStatus,
  note: string | null,
): TicketChange {
  return { kind: 'STATUS_CHANGED', transition, from, to, note };
}

export function assigned(assigneeId: string, previous: string | null, staff: StaffMember | null): TicketChange {
  return { kind: 'ASSIGNED', assigneeId, previousAssigneeId: previous, assigneeName: staff?.fullName ?? null };
}

export function plannedDateChanged(at: Date | null, t: TicketState, reason: string | null): TicketChange {
  return {
    kind: 'PLANNED_DATE_CHANGED',
    plannedResolutionAt: at,
    previousPlannedResolutionAt: t.plannedResolutionAt,
    reason,
  };
}

export function requireActiveStaff(ctx: MoveContext, id: string, field: string): void {
  const staff = ctx.staff(id);
  if (!staff) throw badInput(`${field} ${id} is not a staff member known to the tickets service`, { field });
  if (!staff.active) throw badInput(`${field} ${id} (${staff.fullName}) is deactivated`, { field });
}

/** A planned date: after now and within ten years of it. */
export function requireFuture(at: Date, ctx: MoveContext, field: string): void {
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

/**
 * R-SLA-11: a breached provider deadline, or a product failure (003 §7), whose failure report is
 * missing blocks every close. A failure marked after the SLA service last spoke counts as
 * unreported until it says otherwise (its answer follows the marking's event).
 */
export function requireNoPendingFailureReport(t: TicketState, ctx: MoveContext): void {
  if (ctx.sla.failureReportPending) {
    refuse(
      'a breached provider deadline or a product failure still needs its failure report before the ticket can close (R-SLA-11: submitFailureReport)',
    );
  }
  const marked = t.markedAsFailureAt;
  if (marked && (ctx.sla.updatedAt === null || ctx.sla.updatedAt.getTime() < marked.getTime())) {
    refuse(
      'the ticket was marked as a product failure and its failure report is not in yet (003 §7, R-SLA-11: submitFailureReport)',
    );
  }
}

/** R-TKT-9: the SLA service said the customer's deadline of the current clarification request passed. */
export function clarificationDeadlinePassed(t: TicketState, ctx: MoveContext): boolean {
  const expired = ctx.sla.clarificationExpiredAt;
  const asked = t.clarificationRequestedAt;
  return expired !== null && asked !== null && expired.getTime() >= asked.getTime();
}

export function sameInstant(a: Date | null, b: Date | null): boolean {
  return (a?.getTime() ?? null) === (b?.getTime() ?? null);
}
