import { type AnyEventEnvelope, newId, type TicketAfterChange } from '@reglament/shared/domain';
import { type Directory, type PersonView, recipientsOf } from '../../src/domain/recipients';
import { intentsFor, RULES } from '../../src/domain/rules';
import { customerActor, event, staffActor, systemActor, ticketAfterChange, timerFacts } from '../support/events';

/**
 * The rules table, row by row (R-NTF-1, R-TKT-1, R-TKT-9, R-TKT-12, R-SLA-9, R-SLA-11, R-CON-6):
 * for each event, who is told what, worked out by hand from the people below.
 */
const orgA = newId();
const orgB = newId();
const person = (name: string, kind: PersonView['kind'], role: PersonView['role'], org: string | null): PersonView => ({
  id: newId(),
  kind,
  organizationId: org,
  role,
  fullName: name,
  email: `${name.toLowerCase()}@example.com`,
  language: 'RU',
  active: true,
  emailOff: [],
});
const olga = person('Olga', 'CONTACT', 'CUSTOMER', orgA); // the requester
const oleg = person('Oleg', 'CONTACT', 'CUSTOMER', orgA); // another contact of the same organization
const fedor = person('Fedor', 'CONTACT', 'CUSTOMER', orgB); // a customer of another organization
const egor = person('Egor', 'STAFF', 'ENGINEER', null); // the assignee
const ivan = person('Ivan', 'STAFF', 'ENGINEER', null);
const dora = person('Dora', 'STAFF', 'DISPATCHER', null);
const dima = person('Dima', 'STAFF', 'DISPATCHER', null);
const alla = person('Alla', 'STAFF', 'ADMIN', null);
const retired = { ...person('Rita', 'STAFF', 'DISPATCHER', null), active: false };
const everyone = [olga, oleg, fedor, egor, ivan, dora, dima, alla, retired];

const ticket = (overrides: Partial<TicketAfterChange> = {}) =>
  ticketAfterChange({ organizationId: orgA, requesterId: olga.id, assigneeId: egor.id, ...overrides });

/** kind -> recipients' names (sorted), for one event. */
function told(
  e: AnyEventEnvelope,
  t: TicketAfterChange | null,
  actorId: string | null = null,
  followerIds: string[] = [],
  namedContactIds: string[] = [],
): Record<string, string[]> {
  const directory: Directory = {
    organizationId: e.organizationId,
    ticket: t
      ? {
          ticketId: t.ticketId,
          number: t.number,
          organizationId: t.organizationId,
          contractId: t.contractId,
          requesterId: t.requesterId,
          assigneeId: t.assigneeId,
          title: t.title,
        }
      : null,
    people: everyone,
    followerIds,
    namedContactIds,
  };
  const result: Record<string, string[]> = {};
  for (const intent of intentsFor(e)) {
    const names = recipientsOf(intent, directory, actorId).map((r) => r.person.fullName);
    result[intent.kind] = [...(result[intent.kind] ?? []), ...names].sort();
  }
  return result;
}

const base = (t: TicketAfterChange, actor = staffActor(dora.id)) => ({
  ticket: t,
  actor,
  ticketId: t.ticketId,
  organizationId: t.organizationId,
});

describe('rules table: event -> recipients x kinds', () => {
  it('registered: the requester gets the number (R-TKT-1), every active dispatcher the new ticket', () => {
    const t = ticket({ assigneeId: null, status: 'REGISTERED' });
    const e = event('tickets.ticket.registered', orgA, { ...base(t, customerActor(olga.id)), answeredOnCall: null });
    // The requester registered it herself and is still told its number: R-TKT-1.
    expect(told(e, t, olga.id)).toEqual({ TICKET_REGISTERED: ['Dima', 'Dora', 'Olga'] });
  });

  it.each([
    ['ACKNOWLEDGE', 'REGISTERED', 'IN_ANALYSIS'],
    ['TRIAGE', 'IN_ANALYSIS', 'IN_PROGRESS'],
    ['START_WORK', 'AWAITING_CLARIFICATION', 'IN_PROGRESS'],
  ] as const)('status move %s: the requester only', (transition, fromStatus, toStatus) => {
    const t = ticket({ status: toStatus });
    const e = event('tickets.ticket.status_changed', orgA, {
      ...base(t),
      transition,
      fromStatus,
      toStatus,
      note: null,
    });
    expect(told(e, t, dora.id)).toEqual({ STATUS_CHANGED: ['Olga'] });
  });

  it('clarification requested: the requester, with the question (R-TKT-9)', () => {
    const t = ticket({ status: 'AWAITING_CLARIFICATION' });
    const e = event('tickets.ticket.status_changed', orgA, {
      ...base(t, staffActor(egor.id)),
      transition: 'REQUEST_CLARIFICATION',
      fromStatus: 'IN_PROGRESS',
      toStatus: 'AWAITING_CLARIFICATION',
      note: 'Which printer?',
    });
    expect(told(e, t, egor.id)).toEqual({ CLARIFICATION_REQUESTED: ['Olga'] });
    expect(intentsFor(e)[0]!.facts).toEqual({ question: 'Which printer?' });
  });

  it('clarification answered and solution returned: the assignee, not the customer who acted', () => {
    const t = ticket();
    const answered = event('tickets.ticket.status_changed', orgA, {
      ...base(t, customerActor(olga.id)),
      transition: 'ANSWER_CLARIFICATION',
      fromStatus: 'AWAITING_CLARIFICATION',
      toStatus: 'IN_PROGRESS',
      note: 'HP 1020',
    });
    expect(told(answered, t, olga.id)).toEqual({ CLARIFICATION_ANSWERED: ['Egor'] });
    const returned = event('tickets.ticket.status_changed', orgA, {
      ...base(t, customerActor(olga.id)),
      transition: 'RETURN_SOLUTION',
      fromStatus: 'RESOLVED',
      toStatus: 'IN_PROGRESS',
      note: 'Still blank',
    });
    expect(told(returned, t, olga.id)).toEqual({ SOLUTION_RETURNED: ['Egor'] });
  });

  it('nobody assigned: the customer answer goes to the dispatchers', () => {
    const t = ticket({ assigneeId: null });
    const e = event('tickets.ticket.status_changed', orgA, {
      ...base(t, customerActor(olga.id)),
      transition: 'ANSWER_CLARIFICATION',
      fromStatus: 'AWAITING_CLARIFICATION',
      toStatus: 'IN_ANALYSIS',
      note: 'HP 1020',
    });
    expect(told(e, t, olga.id)).toEqual({ CLARIFICATION_ANSWERED: ['Dima', 'Dora'] });
  });

  it('solution provided: the requester, with the auto-close date 14 calendar days on (R-TKT-12)', () => {
    const t = ticket({ status: 'RESOLVED', resolvedAt: '2025-03-05T12:00:00.000Z' });
    const e = event('tickets.ticket.status_changed', orgA, {
      ...base(t, staffActor(egor.id)),
      transition: 'PROVIDE_SOLUTION',
      fromStatus: 'IN_PROGRESS',
      toStatus: 'RESOLVED',
      note: 'Driver updated',
    });
    expect(told(e, t, egor.id)).toEqual({ SOLUTION_PROVIDED: ['Olga'] });
    expect(intentsFor(e)[0]!.facts).toEqual({ solution: 'Driver updated', autoCloseAt: '2025-03-19T12:00:00.000Z' });
  });

  it('accepting the solution tells nobody by a status move; the closing tells the requester unless she acted', () => {
    const t = ticket({ status: 'CLOSED', closeReason: 'ACCEPTED' });
    const accept = event('tickets.ticket.status_changed', orgA, {
      ...base(t, customerActor(olga.id)),
      transition: 'ACCEPT_SOLUTION',
      fromStatus: 'RESOLVED',
      toStatus: 'CLOSED',
      note: null,
    });
    expect(told(accept, t, olga.id)).toEqual({});
    const closedByHer = event('tickets.ticket.closed', orgA, {
      ...base(t, customerActor(olga.id)),
      fromStatus: 'RESOLVED',
      toStatus: 'CLOSED',
      reason: 'ACCEPTED',
      comment: null,
    });
    expect(told(closedByHer, t, olga.id)).toEqual({ TICKET_CLOSED: [] });
    const autoClosed = event('tickets.ticket.closed', orgA, {
      ...base(t, systemActor),
      fromStatus: 'RESOLVED',
      toStatus: 'CLOSED',
      reason: 'AUTO_CLOSED',
      comment: null,
    });
    expect(told(autoClosed, t, null)).toEqual({ TICKET_CLOSED: ['Olga'] });
  });

  it('assigned: the new engineer and the requester; the dispatcher who assigned is not told', () => {
    const t = ticket({ assigneeId: ivan.id });
    const e = event('tickets.ticket.assigned', orgA, { ...base(t), assigneeId: ivan.id, previousAssigneeId: egor.id });
    expect(told(e, t, dora.id)).toEqual({ ASSIGNED: ['Ivan', 'Olga'] });
  });

  it('planned date set or moved: the requester; cleared: nobody', () => {
    const t = ticket({ plannedResolutionAt: '2025-03-07T15:00:00.000Z' });
    const moved = event('tickets.ticket.planned_date_changed', orgA, {
      ...base(t),
      plannedResolutionAt: '2025-03-07T15:00:00.000Z',
      previousPlannedResolutionAt: '2025-03-06T15:00:00.000Z',
    });
    expect(told(moved, t, dora.id)).toEqual({ PLANNED_DATE_CHANGED: ['Olga'] });
    const cleared = event('tickets.ticket.planned_date_changed', orgA, {
      ...base(t),
      plannedResolutionAt: null,
      previousPlannedResolutionAt: '2025-03-06T15:00:00.000Z',
    });
    expect(told(cleared, t, dora.id)).toEqual({});
  });

  it('priority changed: the customer side hears it from staff; the handler hears it from the customer (kz-supplier lets customers set it)', () => {
    const t = ticket();
    const byStaff = event('tickets.ticket.priority_changed', orgA, {
      ...base(t, staffActor(egor.id)),
      priority: 'HIGH',
      previousPriority: 'NORMAL',
      reason: 'blocks payroll',
    });
    expect(told(byStaff, t, egor.id, [oleg.id])).toEqual({ PRIORITY_CHANGED: ['Oleg', 'Olga'] });
    const byCustomer = event('tickets.ticket.priority_changed', orgA, {
      ...base(t, customerActor(olga.id)),
      priority: 'URGENT',
      previousPriority: 'HIGH',
      reason: null,
    });
    expect(told(byCustomer, t, olga.id, [oleg.id])).toEqual({ PRIORITY_CHANGED: ['Egor', 'Oleg'] });
  });

  it('messages: a public provider message reaches the requester, a customer message the assignee, an internal one no customer', () => {
    const t = ticket();
    const message = (internal: boolean, fromProvider: boolean, actorId: string) =>
      event('tickets.ticket.message_added', orgA, {
        ...base(t, fromProvider ? staffActor(actorId) : customerActor(actorId)),
        messageId: newId(),
        internal,
        fromProvider,
        body: 'text',
      });
    expect(told(message(false, true, egor.id), t, egor.id)).toEqual({ MESSAGE_ADDED: ['Olga'] });
    expect(told(message(false, false, olga.id), t, olga.id)).toEqual({ MESSAGE_ADDED: ['Egor'] });
    expect(told(message(true, true, egor.id), t, egor.id)).toEqual({});
  });

  it('R-SLA-9: a warning reaches both parties (requester, assignee, dispatchers), keyed once per clock', () => {
    const t = ticket();
    const facts = timerFacts(t, { metric: 'CLARIFICATION', party: 'CUSTOMER' });
    const warning = (partyToNotify: ('PROVIDER' | 'CUSTOMER')[]) =>
      event('sla.timer.warning', orgA, { ...facts, partyAtRisk: 'CUSTOMER', partyToNotify });
    const first = warning(['PROVIDER']);
    expect(told(first, t)).toEqual({ SLA_WARNING: ['Dima', 'Dora', 'Egor', 'Olga'] });
    const again = warning(['CUSTOMER', 'PROVIDER']);
    expect(intentsFor(again)[0]!.key).toBe(intentsFor(first)[0]!.key);
    expect(intentsFor(first)[0]!.key).toBe(`warning:${facts.timerId}`);
  });

  it('a provider breach: the assignee and dispatchers get the breach and the failure-report duty (R-SLA-11); a customer clock breach: nobody', () => {
    const t = ticket();
    const breach = event('sla.timer.breached', orgA, timerFacts(t, { status: 'BREACHED' }));
    expect(told(breach, t)).toEqual({
      SLA_BREACHED: ['Dima', 'Dora', 'Egor'],
      FAILURE_REPORT_REQUIRED: ['Dima', 'Dora', 'Egor'],
    });
    const customerClock = event('sla.timer.breached', orgA, timerFacts(t, { party: 'CUSTOMER', status: 'BREACHED' }));
    expect(told(customerClock, t)).toEqual({});
  });

  it('marked as a failure (003 §7): the assignee and dispatchers owe the report, once per ticket; the staff member who marked it is not told', () => {
    const t = ticket();
    const marked = event('tickets.ticket.marked_as_failure', orgA, { ...base(t, staffActor(dora.id)), by: 'STAFF' });
    expect(told(marked, t, dora.id)).toEqual({ FAILURE_REPORT_REQUIRED: ['Dima', 'Egor'] });
    expect(intentsFor(marked)[0]!.key).toBe(`failure-marked:${t.ticketId}`);
    const byPreset = event('tickets.ticket.marked_as_failure', orgA, {
      ...base(ticket({ assigneeId: null }), customerActor(olga.id)),
      by: 'PRESET',
    });
    expect(told(byPreset, ticket({ assigneeId: null }), olga.id)).toEqual({
      FAILURE_REPORT_REQUIRED: ['Dima', 'Dora'],
    });
  });

  it('failure report submitted: the requester gets causes and measures', () => {
    const t = ticket();
    const e = event('sla.failure_report.submitted', orgA, {
      reportId: newId(),
      ticketId: t.ticketId,
      organizationId: orgA,
      timerId: newId(),
      causes: 'Vendor outage',
      measures: 'Second vendor',
      submittedBy: dora.id,
    });
    expect(told(e, t)).toEqual({ FAILURE_REPORT_SUBMITTED: ['Olga'] });
  });

  it('R-CON-6 prepaid exhausted: the dispatchers and every contact of that organization, no one of another', () => {
    const e = event('contracts.prepaid.exhausted', orgA, {
      contractId: newId(),
      organizationId: orgA,
      month: '2025-03',
      remainingMinutes: 0,
    });
    expect(told(e, null)).toEqual({ PREPAID_EXHAUSTED: ['Dima', 'Dora', 'Oleg', 'Olga'] });
  });

  it('R-CON-7 customisation nearing its cap: dispatchers, admins and every contact of that organization, no one of another', () => {
    const e = event('contracts.customization.cap_nearing', orgA, {
      contractId: newId(),
      organizationId: orgA,
      capAmount: 27000,
      spentAmount: 22000,
    });
    expect(told(e, null)).toEqual({ CUSTOMIZATION_CAP_NEARING: ['Alla', 'Dima', 'Dora', 'Oleg', 'Olga'] });
  });

  it('calendar coverage low: the admins only', () => {
    const e = event('sla.calendar.coverage_low', null, {
      calendarId: 'ru',
      calendarName: 'Russia',
      country: 'RU',
      lastYear: 2025,
      coveredUntil: '2025-12-31',
      daysLeft: 30,
      thresholdDays: 60,
    });
    expect(told(e, null)).toEqual({ CALENDAR_COVERAGE_LOW: ['Alla'] });
  });

  it('R-NTF-2 advisory: each contact contracts named, once per advisory; a named contact of another organization gets nothing', () => {
    const data = {
      advisoryId: newId(),
      product: 'ASMO',
      title: 'SQL injection',
      body: 'Restrict reports.',
      severity: 'HIGH' as const,
      discoveredAt: '2025-03-03T06:00:00Z',
      fixDueAt: '2025-03-06T06:00:00Z',
      contactIds: [olga.id, fedor.id],
    };
    const e = event('contracts.advisory.addressed', orgA, data);
    expect(told(e, null, null, [], [olga.id, fedor.id])).toEqual({ ADVISORY: ['Olga'] });
    expect(intentsFor(e)[0]!.key).toBe(`advisory:${data.advisoryId}`);
    const fixed = event('contracts.advisory.fix_addressed', orgA, {
      advisoryId: data.advisoryId,
      product: 'ASMO',
      title: 'SQL injection',
      releaseId: newId(),
      version: '4.2.1',
      contactIds: [olga.id, oleg.id],
    });
    expect(told(fixed, null, null, [], [olga.id, oleg.id])).toEqual({ ADVISORY_FIXED: ['Oleg', 'Olga'] });
  });

  it('R-SLA-6, R-SLA-9 advisory fix clock: the warning to the recipients of each organization and to dispatchers and admins; the breach to the provider only', () => {
    const data = {
      advisoryId: newId(),
      product: 'ASMO',
      title: 'SQL injection',
      startedAt: '2025-03-03T06:00:00Z',
      deadline: '2025-03-06T06:00:00Z',
      status: 'RUNNING' as const,
      at: '2025-03-05T06:00:00Z',
      releaseId: null,
    };
    const ofOrg = event('sla.advisory_fix.warning', orgA, data);
    expect(told(ofOrg, null, null, [], [olga.id])).toEqual({ SLA_WARNING: ['Olga'] });
    expect(intentsFor(ofOrg)[0]!.key).toBe(`advisory-warning:${data.advisoryId}`);
    expect(told(event('sla.advisory_fix.warning', null, data), null)).toEqual({
      SLA_WARNING: ['Alla', 'Dima', 'Dora'],
    });
    const breach = { ...data, status: 'BREACHED' as const, at: data.deadline };
    expect(told(event('sla.advisory_fix.breached', null, breach), null)).toEqual({
      SLA_BREACHED: ['Alla', 'Dima', 'Dora'],
    });
    expect(told(event('sla.advisory_fix.stopped', null, { ...breach, releaseId: newId() }), null)).toEqual({});
  });

  it('002 release announced: the contacts named for that organization only', () => {
    const e = event('contracts.release.announced', orgB, {
      releaseId: newId(),
      product: 'ASMO',
      kind: 'UNPLANNED',
      version: '4.2.1',
      publishedAt: '2025-03-06T06:00:00Z',
      contactIds: [fedor.id, olga.id],
    });
    expect(told(e, null, null, [], [fedor.id, olga.id])).toEqual({ RELEASE_PUBLISHED: ['Fedor'] });
  });

  it("another organization's customer gets nothing even when the ticket names her as requester", () => {
    const t = ticket({ requesterId: fedor.id });
    const e = event('tickets.ticket.status_changed', orgA, {
      ...base(t),
      transition: 'ACKNOWLEDGE',
      fromStatus: 'REGISTERED',
      toStatus: 'IN_ANALYSIS',
      note: null,
    });
    expect(told(e, t, dora.id)).toEqual({ STATUS_CHANGED: [] });
  });

  it('term agreement (seed 003 item 2): a proposal to the customer side, the agreement or objection to the handler', () => {
    const t = ticket();
    const proposed = event('tickets.ticket.planned_date_proposed', orgA, {
      ...base(t),
      proposedResolutionAt: '2025-03-07T15:00:00.000Z',
      previousProposedResolutionAt: null,
      note: 'parts arrive Friday',
    });
    expect(told(proposed, t, dora.id, [oleg.id])).toEqual({ PLANNED_DATE_PROPOSED: ['Oleg', 'Olga'] });
    expect(intentsFor(proposed)[0]!.facts).toEqual({
      proposedResolutionAt: '2025-03-07T15:00:00.000Z',
      note: 'parts arrive Friday',
    });
    const agreed = event('tickets.ticket.planned_date_agreed', orgA, {
      ...base(t, customerActor(olga.id)),
      plannedResolutionAt: '2025-03-07T15:00:00.000Z',
    });
    expect(told(agreed, t, olga.id, [oleg.id])).toEqual({ PLANNED_DATE_AGREED: ['Egor'] });
    const unassigned = ticket({ assigneeId: null });
    const objected = event('tickets.ticket.planned_date_objected', orgA, {
      ...base(unassigned, customerActor(olga.id)),
      proposedResolutionAt: '2025-03-07T15:00:00.000Z',
      reason: 'too late',
    });
    expect(told(objected, unassigned, olga.id)).toEqual({ PLANNED_DATE_OBJECTED: ['Dima', 'Dora'] });
  });

  it('followers: a following contact of the organization hears what the requester hears; a follower of another organization nothing', () => {
    const t = ticket();
    const followers = [oleg.id, fedor.id]; // Fedor (orgB) slipped in: still told nothing
    const moved = event('tickets.ticket.status_changed', orgA, {
      ...base(t),
      transition: 'START_WORK',
      fromStatus: 'IN_ANALYSIS',
      toStatus: 'IN_PROGRESS',
      note: null,
    });
    expect(told(moved, t, dora.id, followers)).toEqual({ STATUS_CHANGED: ['Oleg', 'Olga'] });
    const assigned = event('tickets.ticket.assigned', orgA, {
      ...base(t),
      assigneeId: egor.id,
      previousAssigneeId: null,
    });
    expect(told(assigned, t, dora.id, followers)).toEqual({ ASSIGNED: ['Egor', 'Oleg', 'Olga'] });
    const warning = event('sla.timer.warning', orgA, {
      ...timerFacts(t),
      partyAtRisk: 'PROVIDER',
      partyToNotify: ['PROVIDER'],
    });
    expect(told(warning, t, null, followers)).toEqual({ SLA_WARNING: ['Dima', 'Dora', 'Egor', 'Oleg', 'Olga'] });
    // Provider-side rows stay with the provider; a follower who wrote the message is not told of it.
    const answer = event('tickets.ticket.message_added', orgA, {
      ...base(t, customerActor(oleg.id)),
      messageId: newId(),
      internal: false,
      fromProvider: false,
      body: 'more details',
    });
    expect(told(answer, t, oleg.id, followers)).toEqual({ MESSAGE_ADDED: ['Egor'] });
    const internal = event('tickets.ticket.message_added', orgA, {
      ...base(t, staffActor(egor.id)),
      messageId: newId(),
      internal: true,
      fromProvider: true,
      body: 'vendor bug',
    });
    expect(told(internal, t, egor.id, followers)).toEqual({});
  });

  it('every row names an event of the catalog and a description (the README table is made from them)', () => {
    for (const r of RULES) {
      expect(r.describe.length).toBeGreaterThan(10);
      expect(r.audiences.length).toBeGreaterThan(0);
    }
  });
});
