import type { AnyEventEnvelope, EventEnvelope, EventType, Party } from '@reglament/shared/domain';
import type { NotificationKind } from './kinds';

/**
 * Who is told: resolved against the read models (recipients.ts). Customer audiences only ever
 * resolve to contacts of the event's own organization.
 */
export type Audience =
  /** The ticket's requester (a contact of the ticket's organization). */
  | 'REQUESTER'
  /** The engineer the ticket is assigned to. */
  | 'ASSIGNEE'
  /** The assignee, or the dispatchers while nobody is assigned. */
  | 'HANDLER'
  | 'DISPATCHERS'
  | 'ADMINS'
  /** Every active contact of the event's organization. */
  | 'ORGANIZATION_CONTACTS'
  /** Contacts of the ticket's organization who follow the ticket (followTicket). */
  | 'FOLLOWERS'
  /** The contacts the event names (`contactIds`: contracts decided who), of the event's organization only. */
  | 'NAMED_CONTACTS'
  /** The contacts of the event's organization told of the advisory (`advisoryId`) it is about (R-NTF-2). */
  | 'ADVISORY_RECIPIENTS';

export const CUSTOMER_AUDIENCES: readonly Audience[] = [
  'REQUESTER',
  'ORGANIZATION_CONTACTS',
  'FOLLOWERS',
  'NAMED_CONTACTS',
  'ADVISORY_RECIPIENTS',
];

/** The customer side of a ticket: its requester and the contacts following it. */
const CUSTOMER_SIDE = ['REQUESTER', 'FOLLOWERS'] as const;

/** Values a notification's text is made of (templates pick what they need). */
export type Facts = Record<string, string | number | boolean | null>;

/** One row of the table: an event (and a condition on it) -> a kind for some audiences. */
export interface Rule<T extends EventType = EventType> {
  event: T;
  /** What the row says, for the README table and test names. */
  describe: string;
  when?: (event: EventEnvelope<T>) => boolean;
  kind: NotificationKind;
  audiences: readonly Audience[];
  /** The facts for the text. */
  facts?: (event: EventEnvelope<T>) => Facts;
  /**
   * What makes two events the same notification (default: the event id). R-SLA-9 warns once
   * per clock: the timer id, so a repeated warning of one clock is recorded once.
   */
  key?: (event: EventEnvelope<T>) => string;
  /** The actor is told too (R-TKT-1: the requester who registered learns the number). */
  tellActor?: boolean;
}

/** A row with its event type bound (a heterogeneous table needs the existential). */
type AnyRule = { [T in EventType]: Rule<T> }[EventType];
const rule = <T extends EventType>(r: Rule<T>): AnyRule => r as unknown as AnyRule;

const transition =
  (...names: string[]) =>
  (e: EventEnvelope<'tickets.ticket.status_changed'>) =>
    names.includes(e.data.transition);

const partyAudiences = (parties: readonly Party[]): Audience[] => [
  ...(parties.includes('CUSTOMER') ? CUSTOMER_SIDE : []),
  ...(parties.includes('PROVIDER') ? (['ASSIGNEE', 'DISPATCHERS'] as const) : []),
];

/**
 * The rules (R-NTF-1, R-TKT-1, R-TKT-9, R-TKT-12, R-SLA-9, R-SLA-11, R-CON-6), as data. The
 * actor of a change is never told of it; internal messages and files reach no customer. What
 * the requester is told, the contacts following the ticket are told too (CUSTOMER_SIDE).
 */
export const RULES: readonly AnyRule[] = [
  rule({
    event: 'tickets.ticket.registered',
    describe: 'registered: the requester gets the number (R-TKT-1), even when she registered it herself',
    kind: 'TICKET_REGISTERED',
    audiences: ['REQUESTER'],
    tellActor: true,
  }),
  rule({
    event: 'tickets.ticket.registered',
    describe: 'registered: a new ticket for the dispatchers',
    kind: 'TICKET_REGISTERED',
    audiences: ['DISPATCHERS'],
  }),
  rule({
    event: 'tickets.ticket.status_changed',
    describe: 'acknowledged, triaged, work started: the requester sees the move (with the first response, if any)',
    when: transition('ACKNOWLEDGE', 'TRIAGE', 'START_WORK'),
    kind: 'STATUS_CHANGED',
    audiences: CUSTOMER_SIDE,
    // An acknowledgement may carry the first response to the customer: a public message.
    facts: (e) => ({ fromStatus: e.data.fromStatus, toStatus: e.data.toStatus, message: e.data.note }),
  }),
  rule({
    event: 'tickets.ticket.status_changed',
    describe: 'clarification requested: the requester gets the question and the deadline (R-TKT-9)',
    when: transition('REQUEST_CLARIFICATION'),
    kind: 'CLARIFICATION_REQUESTED',
    audiences: CUSTOMER_SIDE,
    facts: (e) => ({ question: e.data.note }),
  }),
  rule({
    event: 'tickets.ticket.status_changed',
    describe: 'clarification answered: the assignee (or dispatchers) get the answer',
    when: transition('ANSWER_CLARIFICATION'),
    kind: 'CLARIFICATION_ANSWERED',
    audiences: ['HANDLER'],
    facts: (e) => ({ answer: e.data.note }),
  }),
  rule({
    event: 'tickets.ticket.status_changed',
    describe: 'solution provided: the requester gets it with the acceptance and auto-close dates (R-TKT-12)',
    when: transition('PROVIDE_SOLUTION'),
    kind: 'SOLUTION_PROVIDED',
    audiences: CUSTOMER_SIDE,
    facts: (e) => ({
      solution: e.data.note,
      autoCloseAt: autoCloseAt(e.data.ticket.resolvedAt ?? e.occurredAt),
    }),
  }),
  rule({
    event: 'tickets.ticket.status_changed',
    describe: 'solution returned with remarks: the assignee (or dispatchers) get the remarks',
    when: transition('RETURN_SOLUTION'),
    kind: 'SOLUTION_RETURNED',
    audiences: ['HANDLER'],
    facts: (e) => ({ remarks: e.data.note }),
  }),
  rule({
    event: 'tickets.ticket.closed',
    describe: 'closed: the requester gets the reason',
    kind: 'TICKET_CLOSED',
    audiences: CUSTOMER_SIDE,
    facts: (e) => ({ reason: e.data.reason, comment: e.data.comment }),
  }),
  rule({
    event: 'tickets.ticket.assigned',
    describe: 'assigned: the engineer gets the ticket, the requester learns who works on it',
    kind: 'ASSIGNED',
    audiences: ['ASSIGNEE', ...CUSTOMER_SIDE],
  }),
  rule({
    event: 'tickets.ticket.planned_date_changed',
    describe: 'planned date set or moved: the requester',
    when: (e) => e.data.plannedResolutionAt !== null,
    kind: 'PLANNED_DATE_CHANGED',
    audiences: CUSTOMER_SIDE,
    facts: (e) => ({
      plannedResolutionAt: e.data.plannedResolutionAt,
      previousPlannedResolutionAt: e.data.previousPlannedResolutionAt,
    }),
  }),
  rule({
    event: 'tickets.ticket.planned_date_proposed',
    describe: 'execution term proposed: the requester, to agree or object (seed 003 item 2)',
    kind: 'PLANNED_DATE_PROPOSED',
    audiences: CUSTOMER_SIDE,
    facts: (e) => ({ proposedResolutionAt: e.data.proposedResolutionAt, note: e.data.note }),
  }),
  rule({
    event: 'tickets.ticket.planned_date_agreed',
    describe: 'execution term agreed by the customer: the assignee (or dispatchers)',
    kind: 'PLANNED_DATE_AGREED',
    audiences: ['HANDLER'],
    facts: (e) => ({ plannedResolutionAt: e.data.plannedResolutionAt }),
  }),
  rule({
    event: 'tickets.ticket.planned_date_objected',
    describe: 'execution term objected to by the customer: the assignee (or dispatchers), with the reason',
    kind: 'PLANNED_DATE_OBJECTED',
    audiences: ['HANDLER'],
    facts: (e) => ({ proposedResolutionAt: e.data.proposedResolutionAt, reason: e.data.reason }),
  }),
  rule({
    event: 'tickets.ticket.priority_changed',
    describe: 'priority changed: the requester',
    kind: 'PRIORITY_CHANGED',
    audiences: CUSTOMER_SIDE,
    facts: (e) => ({ priority: e.data.priority, reason: e.data.reason }),
  }),
  rule({
    event: 'tickets.ticket.priority_changed',
    describe: 'priority changed by the customer (kz-supplier, seed 003): the assignee (or dispatchers)',
    when: (e) => e.data.actor.role === 'CUSTOMER',
    kind: 'PRIORITY_CHANGED',
    audiences: ['HANDLER'],
    facts: (e) => ({ priority: e.data.priority, reason: e.data.reason }),
  }),
  rule({
    event: 'tickets.ticket.message_added',
    describe: 'public message from the provider: the requester',
    when: (e) => !e.data.internal && e.data.fromProvider,
    kind: 'MESSAGE_ADDED',
    audiences: CUSTOMER_SIDE,
    facts: (e) => ({ message: e.data.body }),
  }),
  rule({
    event: 'tickets.ticket.message_added',
    describe: 'message from the customer: the assignee (or dispatchers)',
    when: (e) => !e.data.internal && !e.data.fromProvider,
    kind: 'MESSAGE_ADDED',
    audiences: ['HANDLER'],
    facts: (e) => ({ message: e.data.body }),
  }),
  rule({
    event: 'sla.timer.warning',
    describe: 'SLA warning: both parties, once per clock (R-SLA-9)',
    kind: 'SLA_WARNING',
    // Both parties always (R-SLA-9), whatever partyToNotify narrows to.
    audiences: partyAudiences(['CUSTOMER', 'PROVIDER']),
    facts: (e) => ({
      metric: e.data.metric,
      party: e.data.party,
      partyAtRisk: e.data.partyAtRisk,
      deadline: e.data.deadline,
    }),
    key: (e) => `warning:${e.data.timerId}`,
  }),
  rule({
    event: 'sla.timer.breached',
    describe: 'provider deadline breached: the assignee and dispatchers',
    when: (e) => e.data.party === 'PROVIDER',
    kind: 'SLA_BREACHED',
    audiences: ['ASSIGNEE', 'DISPATCHERS'],
    facts: (e) => ({ metric: e.data.metric, deadline: e.data.deadline, breachedAt: e.data.breachedAt }),
    key: (e) => `breach:${e.data.timerId}`,
  }),
  rule({
    event: 'sla.timer.breached',
    describe: 'provider deadline breached: a failure report is required (R-SLA-11)',
    when: (e) => e.data.party === 'PROVIDER',
    kind: 'FAILURE_REPORT_REQUIRED',
    audiences: ['ASSIGNEE', 'DISPATCHERS'],
    facts: (e) => ({ metric: e.data.metric }),
    key: (e) => `failure-report:${e.data.timerId}`,
  }),
  rule({
    event: 'tickets.ticket.marked_as_failure',
    describe:
      'marked as a product failure (by staff or by the preset): the report is due before closing (R-SLA-11, 003 §7)',
    kind: 'FAILURE_REPORT_REQUIRED',
    audiences: ['ASSIGNEE', 'DISPATCHERS'],
    facts: (e) => ({ metric: null, by: e.data.by }),
    key: (e) => `failure-marked:${e.data.ticketId}`,
  }),
  rule({
    event: 'sla.failure_report.submitted',
    describe: 'failure report submitted: the requester gets causes and measures (R-SLA-11)',
    kind: 'FAILURE_REPORT_SUBMITTED',
    audiences: CUSTOMER_SIDE,
    facts: (e) => ({ causes: e.data.causes, measures: e.data.measures }),
  }),
  rule({
    event: 'contracts.prepaid.exhausted',
    describe: 'prepaid time used up: dispatchers and the customer contacts (R-CON-6)',
    kind: 'PREPAID_EXHAUSTED',
    audiences: ['DISPATCHERS', 'ORGANIZATION_CONTACTS'],
    facts: (e) => ({ month: e.data.month, contractId: e.data.contractId }),
  }),
  rule({
    event: 'contracts.customization.cap_nearing',
    describe:
      "customisation past 80 % of the contract's cap: dispatchers, admins and the customer's contacts (R-CON-7)",
    kind: 'CUSTOMIZATION_CAP_NEARING',
    audiences: ['DISPATCHERS', 'ADMINS', 'ORGANIZATION_CONTACTS'],
    facts: (e) => ({ contractId: e.data.contractId, capAmount: e.data.capAmount, spentAmount: e.data.spentAmount }),
  }),
  rule({
    event: 'sla.calendar.coverage_low',
    describe: 'production calendar runs out: the admins',
    kind: 'CALENDAR_COVERAGE_LOW',
    audiences: ['ADMINS'],
    facts: (e) => ({
      calendarName: e.data.calendarName,
      coveredUntil: e.data.coveredUntil,
      daysLeft: e.data.daysLeft,
    }),
  }),
  rule({
    event: 'contracts.advisory.addressed',
    describe: 'security advisory: each contact contracts named, alone, in the portal and by e-mail (R-NTF-2)',
    kind: 'ADVISORY',
    audiences: ['NAMED_CONTACTS'],
    facts: (e) => ({
      advisoryTitle: e.data.title,
      advisoryBody: e.data.body,
      product: e.data.product,
      severity: e.data.severity,
      fixDueAt: e.data.fixDueAt,
    }),
    key: (e) => `advisory:${e.data.advisoryId}`,
  }),
  rule({
    event: 'contracts.advisory.fix_addressed',
    describe: "advisory fixed: the advisory's recipients learn the release it shipped in (001 §8-9)",
    kind: 'ADVISORY_FIXED',
    audiences: ['NAMED_CONTACTS'],
    facts: (e) => ({ advisoryTitle: e.data.title, product: e.data.product, version: e.data.version }),
    key: (e) => `advisory-fixed:${e.data.advisoryId}`,
  }),
  rule({
    event: 'contracts.release.announced',
    describe: 'release published: the contacts of customers with a contract for its product (002), by preference',
    kind: 'RELEASE_PUBLISHED',
    audiences: ['NAMED_CONTACTS'],
    facts: (e) => ({ product: e.data.product, version: e.data.version, releaseKind: e.data.kind }),
    key: (e) => `release:${e.data.releaseId}`,
  }),
  rule({
    event: 'sla.advisory_fix.warning',
    describe: "advisory fix due in a day: the advisory's recipients of each organization (R-SLA-9, R-SLA-6)",
    when: (e) => e.organizationId !== null,
    kind: 'SLA_WARNING',
    audiences: ['ADVISORY_RECIPIENTS'],
    facts: (e) => advisoryFixFacts(e.data),
    key: (e) => `advisory-warning:${e.data.advisoryId}`,
  }),
  rule({
    event: 'sla.advisory_fix.warning',
    describe: 'advisory fix due in a day: dispatchers and admins (R-SLA-9, R-SLA-6)',
    when: (e) => e.organizationId === null,
    kind: 'SLA_WARNING',
    audiences: ['DISPATCHERS', 'ADMINS'],
    facts: (e) => advisoryFixFacts(e.data),
    key: (e) => `advisory-warning:${e.data.advisoryId}`,
  }),
  rule({
    event: 'sla.advisory_fix.breached',
    describe: 'advisory fix overdue: dispatchers and admins (R-SLA-6)',
    when: (e) => e.organizationId === null,
    kind: 'SLA_BREACHED',
    audiences: ['DISPATCHERS', 'ADMINS'],
    facts: (e) => advisoryFixFacts(e.data),
    key: (e) => `advisory-breach:${e.data.advisoryId}`,
  }),
  rule({
    event: 'notifications.webhook.disabled',
    describe: "a webhook failing for days is disabled: its organization's contacts and the admins",
    kind: 'WEBHOOK_DISABLED',
    audiences: ['ADMINS', 'ORGANIZATION_CONTACTS'],
    facts: (e) => ({
      url: e.data.url,
      webhookId: e.data.webhookId,
      failingSince: e.data.failingSince,
      lastError: e.data.lastError,
    }),
  }),
];

function advisoryFixFacts(d: { title: string; product: string; deadline: string }): Facts {
  return {
    advisoryTitle: d.title,
    product: d.product,
    deadline: d.deadline,
    metric: 'SECURITY_FIX',
    partyAtRisk: 'PROVIDER',
  };
}

/** What one event asks for: a kind for some audiences, with its facts and its once-key. */
export interface Intent {
  kind: NotificationKind;
  audiences: readonly Audience[];
  facts: Facts;
  key: string;
  describe: string;
  tellActor: boolean;
}

/** The rows that apply to `event` (pure). */
export function intentsFor(event: AnyEventEnvelope, rules: readonly AnyRule[] = RULES): Intent[] {
  const intents: Intent[] = [];
  for (const r of rules) {
    if (r.event !== event.type) continue;
    const typed = r as unknown as Rule;
    if (typed.when && !typed.when(event)) continue;
    intents.push({
      kind: typed.kind,
      audiences: typed.audiences,
      facts: typed.facts ? typed.facts(event) : {},
      key: typed.key ? typed.key(event) : event.id,
      describe: typed.describe,
      tellActor: typed.tellActor ?? false,
    });
  }
  return intents;
}

/** The event types any rule listens to. */
export const NOTIFYING_EVENTS: ReadonlySet<EventType> = new Set(RULES.map((r) => r.event));

/** R-TKT-12: a resolved ticket closes 14 calendar days after the solution. */
export function autoCloseAt(resolvedAt: string): string {
  return new Date(new Date(resolvedAt).getTime() + 14 * 24 * 3600_000).toISOString();
}
