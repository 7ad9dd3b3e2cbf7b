import { badInput } from '@reglament/shared/domain';
import type { TicketChange } from '../changes';
import { optionalText, requiredText } from '../text';
import { BEFORE_SOLUTION, CUSTOMER, plannedDateChanged, refuse, requireFuture, sameInstant, STAFF } from './helpers';
import type { AvailabilityState, MoveRules } from './move';

type TermMove = 'PROPOSE_PLANNED_DATE' | 'AGREE_PLANNED_DATE' | 'OBJECT_TO_PLANNED_DATE';

const pending = (t: AvailabilityState) => t.proposedResolutionAt !== null;
const nothingPending = () => 'no planned date is proposed (the provider proposes one with proposePlannedDate)';

/**
 * Seed 003 item 2, term agreement: the provider proposes the execution term (a planned
 * resolution date), the customer agrees or objects. The agreement makes it the planned date
 * and stops the TERM_AGREEMENT clock (the SLA service); an objection leaves the clock running
 * until a new proposal is agreed. Every step is in the history.
 */
export const TERM_AGREEMENT_MOVES: MoveRules<TermMove> = {
  PROPOSE_PLANNED_DATE: {
    mutation: 'proposePlannedDate',
    from: BEFORE_SOLUTION,
    to: 'UNCHANGED',
    who: STAFF,
    needs: 'a future date; it replaces a proposal the customer has not answered yet (003 item 2)',
    check: (t, input, ctx) => {
      requireFuture(input.plannedResolutionAt, ctx, 'plannedResolutionAt');
      if (sameInstant(input.plannedResolutionAt, t.proposedResolutionAt)) {
        throw badInput(`${input.plannedResolutionAt.toISOString()} is already proposed; wait for the customer`, {
          field: 'plannedResolutionAt',
        });
      }
    },
    record: (t, input) => ({
      changes: { proposedResolutionAt: input.plannedResolutionAt },
      facts: [
        {
          kind: 'PLANNED_DATE_PROPOSED',
          proposedResolutionAt: input.plannedResolutionAt,
          previousProposedResolutionAt: t.proposedResolutionAt,
          note: optionalText(input.note, 'note'),
        },
      ],
      message: null,
    }),
  },

  AGREE_PLANNED_DATE: {
    mutation: 'agreePlannedDate',
    from: BEFORE_SOLUTION,
    to: 'UNCHANGED',
    who: CUSTOMER,
    needs: 'a proposed planned date still in the future; it becomes the planned resolution date (003 item 2)',
    when: { holds: pending, otherwise: nothingPending },
    check: (t, _input, ctx) => {
      if (t.proposedResolutionAt!.getTime() <= ctx.now.getTime()) {
        refuse(
          `the proposed date ${t.proposedResolutionAt!.toISOString()} has already passed; the provider proposes a new one`,
        );
      }
    },
    record: (t, _input, ctx) => {
      const agreed = t.proposedResolutionAt!;
      const facts: TicketChange[] = [];
      if (!sameInstant(agreed, t.plannedResolutionAt)) {
        facts.push(plannedDateChanged(agreed, t, 'agreed with the customer (term agreement)'));
      }
      facts.push({ kind: 'PLANNED_DATE_AGREED', plannedResolutionAt: agreed });
      return {
        changes: { plannedResolutionAt: agreed, proposedResolutionAt: null, plannedDateAgreedAt: ctx.now },
        facts,
        message: null,
      };
    },
  },

  OBJECT_TO_PLANNED_DATE: {
    mutation: 'objectToPlannedDate',
    from: BEFORE_SOLUTION,
    to: 'UNCHANGED',
    who: CUSTOMER,
    needs: 'a proposed planned date and the reason for objecting; the term stays unagreed (003 item 2)',
    when: { holds: pending, otherwise: nothingPending },
    record: (t, input) => ({
      changes: { proposedResolutionAt: null },
      facts: [
        {
          kind: 'PLANNED_DATE_OBJECTED',
          proposedResolutionAt: t.proposedResolutionAt!,
          reason: requiredText(input.reason, 'reason', 2_000),
        },
      ],
      message: null,
    }),
  },
};
