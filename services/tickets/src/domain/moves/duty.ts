import { forbidden } from '@reglament/shared/domain';
import type { TicketMove } from './move';
import { CUSTOMER, customerMessage, isProvider, OPEN, providerMessage, STAFF } from './helpers';
import type { MoveRules } from './move';

/** Issue 18: the longest note a duty is completed with (a file carries anything longer). */
export const DUTY_NOTE_MAX = 4000;

/** What a DUTY ticket allows besides completing it: talk, files and an assignee. */
export const DUTY_TICKET_MOVES: readonly TicketMove[] = ['COMPLETE_DUTY', 'ADD_MESSAGE', 'ADD_ATTACHMENT', 'ASSIGN'];

/**
 * Issue 18: an occurrence of a contract duty is done by its responsible party with a note or a
 * file; the DUTY ticket closes as DONE and the SLA service stops its clock (MET, or BREACHED if
 * it was late). Provider staff may record either party's duty (e.g. a list the customer mailed).
 */
export const DUTY_MOVES: MoveRules<'COMPLETE_DUTY'> = {
  COMPLETE_DUTY: {
    mutation: 'completeDutyOccurrence',
    from: OPEN,
    to: 'CLOSED',
    who: [...CUSTOMER, ...STAFF],
    needs: `a DUTY ticket, with a note (at most ${DUTY_NOTE_MAX} characters) or a file; a customer completes only its own (CUSTOMER) duties`,
    when: {
      holds: (t) => t.kind === 'DUTY',
      otherwise: () =>
        "only a DUTY ticket (a contract duty's occurrence) is completed; close other tickets with closeTicket",
    },
    check: (t, _input, _ctx, actor) => {
      if (actor.role === 'CUSTOMER' && t.duty?.party !== 'CUSTOMER') {
        throw forbidden("This duty is the provider's (party PROVIDER): provider staff complete it");
      }
    },
    record: (t, input, ctx, actor) => ({
      changes: {
        status: 'CLOSED',
        closeReason: 'DONE',
        closedAt: ctx.now,
        duty: t.duty && {
          ...t.duty,
          completedAt: ctx.now.toISOString(),
          completedBy: actor.id,
          note: input.note,
          attachmentId: input.attachmentId,
        },
      },
      facts: [{ kind: 'CLOSED', transition: 'CLOSE', from: t.status, reason: 'DONE', comment: input.note }],
      message:
        input.note === null
          ? null
          : isProvider(actor)
            ? providerMessage(ctx, input.note, 'CLOSE')
            : customerMessage(ctx, input.note, 'CLOSE'),
    }),
  },
};
