import { isFailureClass } from '@reglament/shared/domain';
import type { TicketChange } from '../changes';
import type { TicketState } from '../ticket';
import { OPEN, STAFF } from './helpers';
import type { MoveOutcome, MoveRules } from './move';

/**
 * 003 §7 (R-SLA-11): "по каждому случаю сбоя Продукта" a report of causes and measures is owed,
 * not only for a breach. Staff mark a ticket as a product failure; the SLA service then holds
 * the ticket's closing until `submitFailureReport`.
 */
export const FAILURE_MOVES: MoveRules<'MARK_AS_FAILURE'> = {
  MARK_AS_FAILURE: {
    mutation: 'markAsFailure',
    from: OPEN,
    to: 'UNCHANGED',
    who: STAFF,
    needs: 'a ticket not marked yet; a failure report is then required before it closes (003 §7, R-SLA-11)',
    when: {
      holds: (t) => t.markedAsFailureAt === null,
      otherwise: (t) => `it was marked as a product failure at ${t.markedAsFailureAt!.toISOString()} already`,
    },
    record: (_t, _input, ctx) => ({
      changes: { markedAsFailureAt: ctx.now },
      facts: [{ kind: 'MARKED_AS_FAILURE', by: 'STAFF' }],
      message: null,
    }),
  },
};

/**
 * The preset's mapping (FAILURE_CLASSES, e.g. kz-supplier: an urgent error): a ticket whose class
 * becomes a failure class is marked by itself, in the change that made it so.
 */
export function presetFailureMarking(
  after: TicketState,
  now: Date,
): { changes: Partial<TicketState>; fact: TicketChange } | null {
  if (after.markedAsFailureAt !== null || after.status === 'CLOSED') return null;
  if (!isFailureClass(after.preset, after.category, after.priority)) return null;
  return { changes: { markedAsFailureAt: now }, fact: { kind: 'MARKED_AS_FAILURE', by: 'PRESET' } };
}

/** A move's outcome with the preset's failure marking added when the move made the ticket a failure class. */
export function withPresetFailure(before: TicketState, outcome: MoveOutcome, now: Date): MoveOutcome {
  const marking = presetFailureMarking({ ...before, ...outcome.changes }, now);
  if (!marking) return outcome;
  return {
    ...outcome,
    changes: { ...outcome.changes, ...marking.changes },
    facts: [...outcome.facts, marking.fact],
  };
}
