import {
  badInput,
  type CloseReason,
  forbidden,
  type TicketStatus,
  triageNeedsPlannedDate,
} from '@reglament/shared/domain';
import type { TicketChange } from '../changes';
import { MESSAGE_MAX, optionalText, requiredText } from '../text';
import {
  assigned,
  clarificationDeadlinePassed,
  CUSTOMER,
  customerMessage,
  OPEN,
  plannedDateChanged,
  providerMessage,
  refuse,
  requireActiveStaff,
  requireFuture,
  requireNoPendingFailureReport,
  sameInstant,
  STAFF,
  statusChanged,
} from './helpers';
import type { ActorRole, MoveRules } from './move';

type StatusMove =
  | 'ACKNOWLEDGE'
  | 'TRIAGE'
  | 'REQUEST_CLARIFICATION'
  | 'ANSWER_CLARIFICATION'
  | 'PROVIDE_SOLUTION'
  | 'ACCEPT_SOLUTION'
  | 'RETURN_SOLUTION'
  | 'CLOSE';

/** R-TKT-8..14: the moves between statuses. */
export const STATUS_MOVES: MoveRules<StatusMove> = {
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
      "category, priority, an active assignee, and a planned resolution date (given, or agreed before) unless the preset's target is release-bound (R-TKT-8, R-TKT-10, R-SLA-7)",
    check: (t, input, ctx) => {
      requireActiveStaff(ctx, input.assigneeId, 'assigneeId');
      if (input.plannedResolutionAt) requireFuture(input.plannedResolutionAt, ctx, 'plannedResolutionAt');
      else if (!t.plannedResolutionAt && triageNeedsPlannedDate(t.preset, input.category, input.priority)) {
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
    needs: 'the solution (or the update to test) and how it was delivered (R-TKT-11, 002)',
    record: (t, input, ctx) => {
      const solution = requiredText(input.solution, 'solution');
      return {
        changes: { status: 'RESOLVED', resolvedAt: ctx.now, solutionDeliveredVia: input.deliveredVia },
        facts: [
          { ...statusChanged('PROVIDE_SOLUTION', t.status, 'RESOLVED', solution), deliveredVia: input.deliveredVia },
        ],
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
    check: (t, _input, ctx) => requireNoPendingFailureReport(t, ctx),
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
        refuse(`reason ${input.reason} is allowed only from ${rule.from.join(', ')} (${rule.rule})`);
      }
      if (input.reason === 'NO_CLARIFICATION' && !clarificationDeadlinePassed(t, ctx)) {
        refuse(
          "the customer's clarification deadline has not passed yet; closing with NO_CLARIFICATION is allowed only after it (R-TKT-9)",
        );
      }
      requireNoPendingFailureReport(t, ctx);
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
  DONE: { from: [], who: [], rule: 'a DUTY ticket closes as DONE through completeDutyOccurrence only (issue 18)' },
};
