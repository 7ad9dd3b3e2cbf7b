import { TICKET_KINDS, TICKET_TRANSITIONS } from '@reglament/shared/domain';
import { registerEnumType } from 'type-graphql';
import type { TicketChangeKind } from '../../domain/changes';
import { SOLUTION_DELIVERIES } from '../../domain/ticket';
import { TICKET_MOVES } from '../../domain/transitions';

function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

export const TicketMoveEnum = enumOf(TICKET_MOVES);
registerEnumType(TicketMoveEnum, {
  valuesConfig: {
    ACKNOWLEDGE: { description: 'acknowledgeTicket: REGISTERED -> IN_ANALYSIS.' },
    TRIAGE: { description: 'triageTicket: IN_ANALYSIS -> IN_PROGRESS.' },
    REQUEST_CLARIFICATION: { description: 'requestClarification: -> AWAITING_CLARIFICATION.' },
    ANSWER_CLARIFICATION: { description: 'answerClarification: back to where it was.' },
    PROVIDE_SOLUTION: { description: 'provideSolution: IN_PROGRESS -> RESOLVED.' },
    ACCEPT_SOLUTION: { description: 'acceptSolution: RESOLVED -> CLOSED (ACCEPTED).' },
    RETURN_SOLUTION: { description: 'returnSolution: RESOLVED -> IN_PROGRESS (rework).' },
    CLOSE: { description: 'closeTicket with a reason.' },
    CHANGE_PRIORITY: { description: 'changePriority.' },
    CHANGE_PLANNED_DATE: { description: 'changePlannedDate.' },
    ASSIGN: { description: 'assignTicket.' },
    ADD_MESSAGE: { description: 'addMessage.' },
    ADD_ATTACHMENT: { description: 'addAttachment.' },
    REQUEST_ON_SITE: { description: 'requestOnSiteVisit.' },
    RECORD_ON_SITE_ARRIVAL: { description: 'recordOnSiteArrival.' },
    PROPOSE_PLANNED_DATE: { description: 'proposePlannedDate: the provider proposes the execution term (003).' },
    AGREE_PLANNED_DATE: { description: 'agreePlannedDate: the customer agrees the proposed term (003).' },
    OBJECT_TO_PLANNED_DATE: { description: 'objectToPlannedDate: the customer objects to the proposed term (003).' },
    CHANGE_CATEGORY: { description: 'changeCategory (R-SLA-10).' },
    MARK_AS_FAILURE: { description: 'markAsFailure: a product failure, a failure report owed (003 §7).' },
    COMPLETE_DUTY: { description: "completeDutyOccurrence: a DUTY ticket's contract duty done -> CLOSED (DONE)." },
  },
  name: 'TicketMove',
  description: 'A change of a ticket in the transition table (R-TKT-14); each is made by one mutation.',
});

export const TicketTransitionEnum = enumOf(TICKET_TRANSITIONS);
registerEnumType(TicketTransitionEnum, {
  valuesConfig: {
    ACKNOWLEDGE: { description: 'REGISTERED -> IN_ANALYSIS.' },
    TRIAGE: { description: 'IN_ANALYSIS -> IN_PROGRESS.' },
    REQUEST_CLARIFICATION: { description: '-> AWAITING_CLARIFICATION.' },
    ANSWER_CLARIFICATION: { description: 'AWAITING_CLARIFICATION -> back.' },
    START_WORK: { description: '-> IN_PROGRESS otherwise.' },
    PROVIDE_SOLUTION: { description: 'IN_PROGRESS -> RESOLVED.' },
    ACCEPT_SOLUTION: { description: 'RESOLVED -> CLOSED (ACCEPTED).' },
    RETURN_SOLUTION: { description: 'RESOLVED -> IN_PROGRESS (rework).' },
    CLOSE: { description: '-> CLOSED with a reason.' },
  },
  name: 'TicketTransition',
  description: 'A move between statuses (R-TKT-14), as recorded in history and events.',
});

const HISTORY_TYPES: readonly TicketChangeKind[] = [
  'REGISTERED',
  'STATUS_CHANGED',
  'CLOSED',
  'CLASSIFIED',
  'PRIORITY_CHANGED',
  'CATEGORY_CHANGED',
  'ASSIGNED',
  'PLANNED_DATE_CHANGED',
  'PLANNED_DATE_PROPOSED',
  'PLANNED_DATE_AGREED',
  'PLANNED_DATE_OBJECTED',
  'MESSAGE_ADDED',
  'ON_SITE_REQUESTED',
  'ON_SITE_ARRIVED',
  'ATTACHMENT_ADDED',
  'MARKED_AS_FAILURE',
];
export const TicketHistoryTypeEnum = enumOf(HISTORY_TYPES);
registerEnumType(TicketHistoryTypeEnum, {
  valuesConfig: {
    REGISTERED: { description: 'The ticket was registered.' },
    STATUS_CHANGED: { description: 'Its status moved (see transition).' },
    CLOSED: { description: 'It was closed (see reason).' },
    CLASSIFIED: { description: 'Category or priority was set at triage.' },
    PRIORITY_CHANGED: { description: 'The priority changed (R-SLA-10).' },
    CATEGORY_CHANGED: { description: 'The category changed after triage (R-SLA-10; reason).' },
    ASSIGNED: { description: 'An engineer was assigned.' },
    PLANNED_DATE_CHANGED: { description: 'The planned resolution date was set or moved.' },
    PLANNED_DATE_PROPOSED: { description: 'The provider proposed a planned date (003 item 2; toValue).' },
    PLANNED_DATE_AGREED: { description: 'The customer agreed the proposed date: the term is agreed (003 item 2).' },
    PLANNED_DATE_OBJECTED: { description: 'The customer objected to the proposed date (fromValue; reason).' },
    MESSAGE_ADDED: { description: 'A message was posted.' },
    ON_SITE_REQUESTED: { description: 'An on-site visit was requested.' },
    ON_SITE_ARRIVED: { description: 'The engineer arrived on site.' },
    ATTACHMENT_ADDED: { description: 'A file was attached.' },
    MARKED_AS_FAILURE: {
      description:
        "Marked as a product failure (003 §7): by staff, or by the preset's failure class (reason); a failure report is owed.",
    },
  },
  name: 'TicketHistoryType',
  description: 'What a history entry records; each matches one tickets.ticket.<type> event.',
});

export const TicketKindEnum = enumOf(TICKET_KINDS);
registerEnumType(TicketKindEnum, {
  valuesConfig: {
    REQUEST: { description: "A customer's request: the SLA clocks of its preset run (the default)." },
    DUTY: { description: "A duty the contract imposes on one of the parties (issue 18's contract duties)." },
    WISH: { description: 'A wish recorded for later analysis (seed 004): no SLA clock runs.' },
  },
  name: 'TicketKind',
  description: 'What a ticket is: a REQUEST, a contract DUTY or a WISH (no SLA clock).',
});

export const SolutionDeliveryEnum = enumOf(SOLUTION_DELIVERIES);
registerEnumType(SolutionDeliveryEnum, {
  valuesConfig: {
    PORTAL: { description: 'Posted in the customer portal (the default).' },
    EMAIL: { description: 'Sent by e-mail.' },
    PHONE: { description: 'Told on the phone.' },
    REMOTE_SESSION: { description: "Done in a remote session on the customer's computer." },
  },
  name: 'SolutionDelivery',
  description: 'How a solution reached the customer (seed 002): portal, e-mail, phone or a remote session.',
});

export const TICKET_ORDERS = ['REGISTERED_AT', 'REGISTERED_AT_DESC', 'SLA_DEADLINE'] as const;
export const TicketOrderEnum = enumOf(TICKET_ORDERS);
registerEnumType(TicketOrderEnum, {
  valuesConfig: {
    REGISTERED_AT: { description: 'Oldest first (the default).' },
    REGISTERED_AT_DESC: { description: 'Newest first.' },
    SLA_DEADLINE: { description: 'Nearest SLA deadline first; tickets without one last.' },
  },
  name: 'TicketOrder',
  description:
    'REGISTERED_AT: oldest first; REGISTERED_AT_DESC: newest first; SLA_DEADLINE: nearest SLA deadline first, tickets without one last.',
});
