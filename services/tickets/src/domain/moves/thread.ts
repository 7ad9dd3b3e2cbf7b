import type { NewMessage } from '../changes';
import { onSiteVisitPending } from '../ticket';
import { optionalText, requiredText } from '../text';
import { BEFORE_SOLUTION, CUSTOMER, isProvider, OPEN, requireMayPostInternal, STAFF } from './helpers';
import type { MoveRules } from './move';

type ThreadMove = 'ADD_MESSAGE' | 'ADD_ATTACHMENT' | 'REQUEST_ON_SITE' | 'RECORD_ON_SITE_ARRIVAL';

/** What both parties add to an open ticket without moving it: messages, files, on-site visits (003). */
export const THREAD_MOVES: MoveRules<ThreadMove> = {
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
