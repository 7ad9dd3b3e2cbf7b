import { badInput, customerSetsPriority, triageNeedsPlannedDate } from '@reglament/shared/domain';
import { optionalText, requiredText } from '../text';
import {
  assigned,
  BEFORE_SOLUTION,
  OPEN,
  plannedDateChanged,
  requireActiveStaff,
  requireFuture,
  sameInstant,
  STAFF,
} from './helpers';
import type { MoveRules } from './move';

/** Staff changes of a ticket's plan that keep its status: priority, category, planned date, assignee. */
export const PLANNING_MOVES: MoveRules<'CHANGE_PRIORITY' | 'CHANGE_CATEGORY' | 'CHANGE_PLANNED_DATE' | 'ASSIGN'> = {
  CHANGE_PRIORITY: {
    mutation: 'changePriority',
    from: BEFORE_SOLUTION,
    to: 'UNCHANGED',
    who: STAFF,
    whoByPreset: {
      roles: ['CUSTOMER'],
      presets: customerSetsPriority,
      rule: 'customers change the priority of their own tickets only under kz-supplier (003)',
    },
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

  CHANGE_CATEGORY: {
    mutation: 'changeCategory',
    from: BEFORE_SOLUTION,
    to: 'UNCHANGED',
    who: STAFF,
    needs:
      'a category other than the current one and the reason; an in-progress ticket that then needs a planned date must have one (R-SLA-10)',
    check: (t, input) => {
      if (input.category === t.category) {
        throw badInput(`category is already ${t.category}`, { field: 'category' });
      }
      const working = t.status === 'IN_PROGRESS' || t.clarificationReturnStatus === 'IN_PROGRESS';
      if (
        working &&
        t.priority &&
        !t.plannedResolutionAt &&
        triageNeedsPlannedDate(t.preset, input.category, t.priority)
      ) {
        throw badInput(
          `a ${input.category} ticket of priority ${t.priority} under preset ${t.preset} needs a planned resolution date (R-TKT-10); set it with changePlannedDate first`,
          { field: 'category' },
        );
      }
    },
    record: (t, input) => ({
      changes: { category: input.category },
      facts: [
        {
          kind: 'CATEGORY_CHANGED',
          category: input.category,
          previousCategory: t.category,
          reason: requiredText(input.reason, 'reason', 2_000),
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
};
