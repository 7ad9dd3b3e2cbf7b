import {
  type Actor,
  type AnyEventEnvelope,
  type EventOrigin,
  makeEvent,
  newId,
  type TicketAfterChange,
} from '@reglament/shared/domain';
import { type Tx } from '@reglament/shared/platform';
import { isInternalChange, type TicketChange } from '../domain/changes';
import type { TicketState } from '../domain/ticket';
import { TicketHistoryEntity } from '../infra/entities';
import { ticketAfterChange } from './ticket-after-change';

const HISTORY_NOTE_MAX = 500;

/**
 * R-TKT-13: every recorded fact of a change becomes one history entry and one event (through
 * the outbox), in the transaction of the change. The events carry the ticket after the change.
 */
export async function recordFacts(
  tx: Tx,
  ticket: TicketState,
  actor: Actor,
  facts: TicketChange[],
  origin: EventOrigin,
): Promise<void> {
  const snapshot = ticketAfterChange(ticket);
  const entries: TicketHistoryEntity[] = [];
  facts.forEach((fact, position) => {
    const event = eventOf(fact, snapshot, actor, origin);
    tx.emit(event);
    entries.push({
      id: newId(),
      ticketId: ticket.id,
      organizationId: ticket.organizationId,
      version: ticket.version,
      position,
      at: origin.occurredAt,
      actorId: actor.id,
      actorRole: actor.role,
      actorName: actor.name,
      internal: isInternalChange(fact),
      eventId: event.id,
      ...historyOf(fact),
    });
  });
  if (entries.length > 0) await tx.manager.insert(TicketHistoryEntity, entries);
}

type HistoryValues = Pick<TicketHistoryEntity, 'type' | 'transition' | 'fromValue' | 'toValue' | 'note' | 'reason'>;

function historyOf(fact: TicketChange): HistoryValues {
  const entry = (values: Partial<HistoryValues>): HistoryValues => ({
    type: fact.kind,
    transition: null,
    fromValue: null,
    toValue: null,
    note: null,
    reason: null,
    ...values,
  });
  switch (fact.kind) {
    case 'REGISTERED':
      return entry({
        toValue: 'REGISTERED',
        note:
          fact.answeredOnCall !== false
            ? null
            : fact.callbackBy
              ? `Not answered on the call: a call-back is promised by ${fact.callbackBy.toISOString()} (R-TKT-3)`
              : 'Not answered on the call: a call-back is owed (R-TKT-3)',
      });
    case 'STATUS_CHANGED':
      return entry({
        transition: fact.transition,
        fromValue: fact.from,
        toValue: fact.to,
        note: clip(fact.note),
        // 002: how a solution was delivered is the reason column of its entry.
        reason: fact.deliveredVia ?? null,
      });
    case 'CLOSED':
      return entry({
        transition: fact.transition,
        fromValue: fact.from,
        toValue: 'CLOSED',
        reason: fact.reason,
        note: clip(fact.comment),
      });
    case 'CLASSIFIED':
      return entry({
        fromValue:
          fact.previousCategory || fact.previousPriority ? `${fact.previousCategory}/${fact.previousPriority}` : null,
        toValue: `${fact.category}/${fact.priority}`,
      });
    case 'PRIORITY_CHANGED':
      return entry({ fromValue: fact.previousPriority, toValue: fact.priority, reason: fact.reason });
    case 'CATEGORY_CHANGED':
      return entry({ fromValue: fact.previousCategory, toValue: fact.category, reason: fact.reason });
    case 'ASSIGNED':
      return entry({ fromValue: fact.previousAssigneeId, toValue: fact.assigneeId, note: fact.assigneeName });
    case 'PLANNED_DATE_CHANGED':
      return entry({
        fromValue: fact.previousPlannedResolutionAt?.toISOString() ?? null,
        toValue: fact.plannedResolutionAt?.toISOString() ?? null,
        reason: fact.reason,
      });
    case 'PLANNED_DATE_PROPOSED':
      return entry({
        fromValue: fact.previousProposedResolutionAt?.toISOString() ?? null,
        toValue: fact.proposedResolutionAt.toISOString(),
        note: fact.note,
      });
    case 'PLANNED_DATE_AGREED':
      return entry({ toValue: fact.plannedResolutionAt.toISOString() });
    case 'PLANNED_DATE_OBJECTED':
      return entry({ fromValue: fact.proposedResolutionAt.toISOString(), reason: fact.reason });
    case 'MESSAGE_ADDED':
      return entry({ toValue: fact.messageId, note: clip(fact.body) });
    case 'MARKED_AS_FAILURE':
      return entry({ toValue: 'FAILURE', reason: fact.by === 'PRESET' ? "the preset's failure class" : null });
    case 'ON_SITE_REQUESTED':
      return entry({ note: fact.note });
    case 'ON_SITE_ARRIVED':
      return entry({});
    case 'ATTACHMENT_ADDED':
      return entry({ toValue: fact.name, note: `${fact.contentType}, ${fact.size} bytes` });
  }
}

function eventOf(fact: TicketChange, ticket: TicketAfterChange, actor: Actor, origin: EventOrigin): AnyEventEnvelope {
  const base = { ticketId: ticket.ticketId, organizationId: ticket.organizationId, ticket, actor };
  const org = ticket.organizationId;
  switch (fact.kind) {
    case 'REGISTERED':
      return makeEvent(
        'tickets.ticket.registered',
        org,
        { ...base, answeredOnCall: fact.answeredOnCall, callbackBy: fact.callbackBy?.toISOString() ?? null },
        origin,
      );
    case 'STATUS_CHANGED':
      return makeEvent(
        'tickets.ticket.status_changed',
        org,
        {
          ...base,
          transition: fact.transition,
          fromStatus: fact.from,
          toStatus: fact.to,
          note: fact.note,
          ...(fact.deliveredVia ? { deliveredVia: fact.deliveredVia } : {}),
        },
        origin,
      );
    case 'CLOSED':
      return makeEvent(
        'tickets.ticket.closed',
        org,
        { ...base, fromStatus: fact.from, toStatus: 'CLOSED', reason: fact.reason, comment: fact.comment },
        origin,
      );
    case 'CLASSIFIED':
      return makeEvent(
        'tickets.ticket.classified',
        org,
        {
          ...base,
          category: fact.category,
          priority: fact.priority,
          previousCategory: fact.previousCategory,
          previousPriority: fact.previousPriority,
        },
        origin,
      );
    case 'PRIORITY_CHANGED':
      return makeEvent(
        'tickets.ticket.priority_changed',
        org,
        { ...base, priority: fact.priority, previousPriority: fact.previousPriority, reason: fact.reason },
        origin,
      );
    case 'CATEGORY_CHANGED':
      return makeEvent(
        'tickets.ticket.category_changed',
        org,
        { ...base, category: fact.category, previousCategory: fact.previousCategory, reason: fact.reason },
        origin,
      );
    case 'ASSIGNED':
      return makeEvent(
        'tickets.ticket.assigned',
        org,
        { ...base, assigneeId: fact.assigneeId, previousAssigneeId: fact.previousAssigneeId },
        origin,
      );
    case 'PLANNED_DATE_CHANGED':
      return makeEvent(
        'tickets.ticket.planned_date_changed',
        org,
        {
          ...base,
          plannedResolutionAt: fact.plannedResolutionAt?.toISOString() ?? null,
          previousPlannedResolutionAt: fact.previousPlannedResolutionAt?.toISOString() ?? null,
        },
        origin,
      );
    case 'PLANNED_DATE_PROPOSED':
      return makeEvent(
        'tickets.ticket.planned_date_proposed',
        org,
        {
          ...base,
          proposedResolutionAt: fact.proposedResolutionAt.toISOString(),
          previousProposedResolutionAt: fact.previousProposedResolutionAt?.toISOString() ?? null,
          note: fact.note,
        },
        origin,
      );
    case 'PLANNED_DATE_AGREED':
      return makeEvent(
        'tickets.ticket.planned_date_agreed',
        org,
        { ...base, plannedResolutionAt: fact.plannedResolutionAt.toISOString() },
        origin,
      );
    case 'PLANNED_DATE_OBJECTED':
      return makeEvent(
        'tickets.ticket.planned_date_objected',
        org,
        { ...base, proposedResolutionAt: fact.proposedResolutionAt.toISOString(), reason: fact.reason },
        origin,
      );
    case 'MESSAGE_ADDED':
      return makeEvent(
        'tickets.ticket.message_added',
        org,
        {
          ...base,
          messageId: fact.messageId,
          internal: fact.internal,
          fromProvider: fact.fromProvider,
          body: fact.body,
        },
        origin,
      );
    case 'MARKED_AS_FAILURE':
      return makeEvent('tickets.ticket.marked_as_failure', org, { ...base, by: fact.by }, origin);
    case 'ON_SITE_REQUESTED':
      return makeEvent('tickets.ticket.on_site_requested', org, { ...base, note: fact.note }, origin);
    case 'ON_SITE_ARRIVED':
      return makeEvent('tickets.ticket.on_site_arrived', org, base, origin);
    case 'ATTACHMENT_ADDED':
      return makeEvent(
        'tickets.ticket.attachment_added',
        org,
        {
          ...base,
          attachmentId: fact.attachmentId,
          name: fact.name,
          contentType: fact.contentType,
          size: fact.size,
          internal: fact.internal,
        },
        origin,
      );
  }
}

function clip(text: string | null): string | null {
  return text !== null && text.length > HISTORY_NOTE_MAX ? `${text.slice(0, HISTORY_NOTE_MAX - 1)}…` : text;
}
