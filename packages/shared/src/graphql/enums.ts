import { registerEnumType } from 'type-graphql';
import {
  CATEGORIES,
  CHANNELS,
  CLOSE_REASONS,
  PARTIES,
  PRIORITIES,
  ROLES,
  SLA_METRICS,
  TICKET_STATUSES,
  TIMER_STATUSES,
} from '../domain-types';

/** An enum object { A: 'A', ... } from a list of names, for type-graphql. */
function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

/** The API's enums (docs/api.md), registered once, used by every subgraph with the same definition. */
export const TicketStatusEnum = enumOf(TICKET_STATUSES);
export const CategoryEnum = enumOf(CATEGORIES);
export const PriorityEnum = enumOf(PRIORITIES);
export const ChannelEnum = enumOf(CHANNELS);
export const CloseReasonEnum = enumOf(CLOSE_REASONS);
export const SlaMetricEnum = enumOf(SLA_METRICS);
export const PartyEnum = enumOf(PARTIES);
export const TimerStatusEnum = enumOf(TIMER_STATUSES);
export const RoleEnum = enumOf(ROLES);

registerEnumType(TicketStatusEnum, {
  valuesConfig: {
    REGISTERED: { description: 'Registered, not yet acknowledged.' },
    IN_ANALYSIS: { description: 'Primary analysis (R-TKT-8).' },
    AWAITING_CLARIFICATION: { description: "Waiting for the customer's answer (R-TKT-9); provider clocks pause." },
    IN_PROGRESS: { description: 'Being worked on, with a planned date (R-TKT-10).' },
    RESOLVED: { description: 'A solution waits for the customer (R-TKT-11).' },
    CLOSED: { description: 'Closed, with a reason.' },
  },
  description: 'Where a ticket is in its life (R-TKT-14).',
  name: 'TicketStatus',
});
registerEnumType(CategoryEnum, {
  valuesConfig: {
    ERROR: { description: "A defect in the product's code." },
    SUPPORT: { description: 'A consultation or question: no change to the code.' },
    IMPROVEMENT: { description: 'A change or a new function (customisation).' },
  },
  name: 'Category',
  description:
    'What kind of request a ticket is (R-TKT-6); a preset may name them its own way (Preset.categoryLabels).',
});
registerEnumType(PriorityEnum, {
  valuesConfig: {
    URGENT: { description: 'Urgent: the product is down (002: priority 1).' },
    HIGH: { description: 'High: partly working (002: priority 2).' },
    NORMAL: { description: 'Normal: a non-critical defect (002: priority 3).' },
    LOW: {
      description: 'Low: installation, configuration, consultation, enhancement, documentation (002: priority 4).',
    },
  },
  name: 'Priority',
  description: 'How urgent a ticket is (R-TKT-7); seed 002 numbers them 1-4.',
});
registerEnumType(ChannelEnum, {
  valuesConfig: {
    PORTAL: { description: 'The customer portal, the main channel.' },
    EMAIL: { description: 'Mail from a registered contact (R-TKT-4).' },
    PHONE: { description: 'The hotline; see answeredOnCall (R-TKT-3).' },
    API: { description: 'A partner system or a script through the API.' },
  },
  name: 'Channel',
  description: 'How a ticket came in (R-TKT-3).',
});
registerEnumType(CloseReasonEnum, {
  valuesConfig: {
    ACCEPTED: { description: 'The customer accepted the solution (R-TKT-11).' },
    AUTO_CLOSED: { description: 'Resolved and unanswered for 14 calendar days (R-TKT-12); set by the system only.' },
    NO_CLARIFICATION: { description: 'The customer did not answer a clarification within its deadline (R-TKT-9).' },
    DUPLICATE: { description: 'The same problem is handled in another ticket (staff).' },
    WITHDRAWN: { description: 'The customer no longer needs it.' },
    DONE: {
      description:
        'A DUTY ticket whose contract duty was done (completeDutyOccurrence, issue 18); not given to closeTicket.',
    },
  },
  description: 'Why a ticket was closed (R-TKT-14).',
  name: 'CloseReason',
});
registerEnumType(SlaMetricEnum, {
  valuesConfig: {
    REACTION: { description: 'First response to a new ticket.' },
    TERM_AGREEMENT: { description: 'Set and agree the execution term (kz-supplier: 2 working hours).' },
    ANALYSIS: { description: 'Primary analysis: classify, assign, plan or ask (R-TKT-8).' },
    RESOLUTION: { description: 'Provide a solution; on a DUTY ticket: do the contract duty by its due date.' },
    REWORK: { description: 'Fix what the customer returned with remarks.' },
    CUSTOMER_ACCEPTANCE: { description: 'The customer accepts or returns a solution.' },
    CLARIFICATION: { description: 'The customer answers a question: 3 working days (R-TKT-9).' },
    CALLBACK: { description: 'Call back an unanswered phone call: 3 working days (R-TKT-3).' },
    ON_SITE: { description: 'Arrive on site after a request (kz-supplier: 3 calendar hours).' },
    AUTO_CLOSE: { description: 'A resolved ticket closes after 14 calendar days of silence (R-TKT-12).' },
  },
  name: 'SlaMetric',
  description: 'What an SLA clock measures (R-SLA-3).',
});
registerEnumType(PartyEnum, {
  valuesConfig: {
    PROVIDER: { description: 'The vendor giving support.' },
    CUSTOMER: { description: 'The customer organization.' },
  },
  description: 'Who owes a deadline (R-SLA-8).',
  name: 'Party',
});
registerEnumType(TimerStatusEnum, {
  valuesConfig: {
    RUNNING: { description: 'Counting working time toward its deadline.' },
    PAUSED: {
      description: 'Stopped for now, e.g. a provider clock while the ticket waits for the customer (R-SLA-8).',
    },
    MET: { description: 'Stopped before its deadline.' },
    BREACHED: { description: 'Its deadline passed (R-SLA-11).' },
    CANCELLED: {
      description:
        'No longer applies: the ticket left the situation it timed (e.g. closed, or reclassified to a category without this target).',
    },
    NOT_GUARANTEED: {
      description: 'Prepaid time is used up: the reaction target does not hold until a refill (R-CON-6).',
    },
  },
  description: 'Where an SLA clock stands.',
  name: 'TimerStatus',
});
registerEnumType(RoleEnum, {
  valuesConfig: {
    CUSTOMER: { description: 'A contact of a customer organization: sees its own organization only.' },
    DISPATCHER: { description: 'Provider staff, first line: accepts and classifies.' },
    ENGINEER: { description: 'Provider staff, the assignee.' },
    ADMIN: { description: 'Provider management: staff, corrections, calendars, the test clock.' },
    PARTNER: { description: 'Another system with a partner key; runs only its trusted documents.' },
  },
  description: 'What a caller may do (docs/api.md "Roles").',
  name: 'Role',
});
