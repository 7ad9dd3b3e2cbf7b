import type { Caller } from '@reglament/shared/domain';
import { eventually } from '@reglament/shared/testing';
import { type Tenant, TicketsHarness } from './support/harness';
import { footprint, ticketIn } from './support/tickets';

/**
 * What each move needs besides the right status and role, and how the SLA service's
 * decisions (clarification expired, auto-close due, failure report pending) reach the table.
 * Every refusal is typed, says what is wrong, and changes nothing.
 */
describe('what the moves need', () => {
  let h: TicketsHarness;
  let t: Tenant;

  beforeAll(async () => {
    h = await TicketsHarness.start();
    t = await h.tenant('imc-typical');
  });
  afterAll(async () => {
    await h?.stop();
  });

  /** Runs a refused mutation and proves the ticket is untouched. */
  async function refused(caller: Caller, ticketId: string, mutation: string, vars: Record<string, unknown> = {}) {
    const before = await footprint(h, ticketId);
    const result = await h.gql(caller, `mutation($id: ID!${declare(vars)}) { move: ${mutation} { id } }`, {
      id: ticketId,
      ...vars,
    });
    expect(result.errors).toHaveLength(1);
    expect(await footprint(h, ticketId)).toEqual(before);
    const error = result.errors![0]!;
    return { code: error.extensions?.code, message: error.message, extensions: error.extensions ?? {} };
  }

  async function status(id: string) {
    return (await footprint(h, id)).status;
  }

  const triage = (category: string, priority: string, planned: string | null) =>
    `triageTicket(id: $id, input: { category: ${category}, priority: ${priority}, assigneeId: "${h.staff.ENGINEER.id}"${
      planned ? `, plannedResolutionAt: "${planned}"` : ''
    } })`;

  describe('triage needs a planned date unless the target is release-bound (R-TKT-10, R-SLA-7)', () => {
    // R-SLA-4 (imc-typical): Error High/Normal/Low and Improvement resolve by releases; Error Urgent
    // and Support are durations. asmo Low: the provider's planned date is the deadline (R-SLA-6).
    it.each([
      ['imc-typical', 'ERROR', 'HIGH', false],
      ['imc-typical', 'ERROR', 'NORMAL', false],
      ['imc-typical', 'ERROR', 'LOW', false],
      ['imc-typical', 'IMPROVEMENT', 'NORMAL', false],
      ['imc-typical', 'ERROR', 'URGENT', true],
      ['imc-typical', 'SUPPORT', 'LOW', true],
      ['asmo', 'ERROR', 'LOW', true],
      ['altec-8x5x4', 'ERROR', 'HIGH', true],
      ['kz-supplier', 'IMPROVEMENT', 'NORMAL', true],
      ['infocraft-365', 'SUPPORT', 'NORMAL', true],
    ])('%s %s/%s: planned date required = %s', async (preset, category, priority, required) => {
      const tenant = await h.tenant(preset);
      const ticket = await ticketIn(h, tenant, 'IN_ANALYSIS');
      if (required) {
        const error = await refused(h.staff.DISPATCHER, ticket.id, triage(category, priority, null));
        expect(error.code).toBe('BAD_USER_INPUT');
        expect(error.extensions['field']).toBe('plannedResolutionAt');
        expect(error.message).toContain('plannedResolutionAt is required');
      }
      const planned = required ? '2025-03-14T18:00:00+03:00' : null;
      const done = await h.ok<{ move: { status: string; plannedResolutionAt: string | null } }>(
        h.staff.DISPATCHER,
        `mutation($id: ID!) { move: ${triage(category, priority, planned)} { status plannedResolutionAt } }`,
        { id: ticket.id },
      );
      // 18:00 Moscow = 15:00 UTC.
      expect(done.move).toEqual({
        status: 'IN_PROGRESS',
        plannedResolutionAt: required ? '2025-03-14T15:00:00.000Z' : null,
      });
    });

    it('refuses a planned date in the past, an unknown assignee and a deactivated one', async () => {
      const ticket = await ticketIn(h, t, 'IN_ANALYSIS');
      // The clock stands at 2025-03-03T07:00Z.
      const past = await refused(
        h.staff.DISPATCHER,
        ticket.id,
        triage('SUPPORT', 'NORMAL', '2025-03-03T09:59:00+03:00'),
      );
      expect(past).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'plannedResolutionAt' } });
      expect(past.message).toContain('must be in the future');

      const unknown = await refused(
        h.staff.DISPATCHER,
        ticket.id,
        `triageTicket(id: $id, input: { category: SUPPORT, priority: NORMAL, assigneeId: "00000000-0000-7000-8000-00000000dead", plannedResolutionAt: "2025-03-14T18:00:00+03:00" })`,
      );
      expect(unknown).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'assigneeId' } });

      const leaverId = '00000000-0000-7000-8000-0000000001ee';
      const leaver = await h.publish('contracts.staff.registered', null, {
        staffId: leaverId,
        fullName: 'Lev Leaver',
        email: 'lev@provider.example',
        role: 'ENGINEER',
        active: false,
      });
      await h.applied(leaver.id);
      const inactive = await refused(
        h.staff.DISPATCHER,
        ticket.id,
        `triageTicket(id: $id, input: { category: SUPPORT, priority: NORMAL, assigneeId: "${leaverId}", plannedResolutionAt: "2025-03-14T18:00:00+03:00" })`,
      );
      expect(inactive.code).toBe('BAD_USER_INPUT');
      expect(inactive.message).toContain('Lev Leaver');
      expect(inactive.message).toContain('deactivated');
    });
  });

  describe('clarification (R-TKT-9)', () => {
    it('an answer returns the ticket to where it was: IN_PROGRESS stays in work', async () => {
      const ticket = await ticketIn(h, t, 'IN_PROGRESS');
      await h.ok(
        h.staff.ENGINEER,
        `mutation($id: ID!) { requestClarification(id: $id, question: "Which build?") { id } }`,
        {
          id: ticket.id,
        },
      );
      const answered = await h.ok<{ answerClarification: { status: string } }>(
        t.customer,
        `mutation($id: ID!) { answerClarification(id: $id, answer: "Build 7") { status } }`,
        { id: ticket.id },
      );
      expect(answered.answerClarification.status).toBe('IN_PROGRESS');
    });

    it('NO_CLARIFICATION is refused before the deadline passed and allowed after the SLA service says so', async () => {
      const ticket = await ticketIn(h, t, 'AWAITING_CLARIFICATION');
      const early = await refused(h.staff.DISPATCHER, ticket.id, `closeTicket(id: $id, reason: NO_CLARIFICATION)`);
      expect(early.code).toBe('INVALID_TRANSITION');
      expect(early.message).toContain('clarification deadline has not passed');
      expect(early.extensions['currentStatus']).toBe('AWAITING_CLARIFICATION');

      // The customer's 3 working days: asked Mon 3 March 10:00 Moscow -> Thu 6 March 10:00 (07:00Z).
      const expired = await h.publish('sla.ticket.clarification_expired', t.organizationId, {
        ticketId: ticket.id,
        organizationId: t.organizationId,
        timerId: '00000000-0000-7000-8000-00000000c1a1',
        dueAt: '2025-03-06T07:00:00.000Z',
      });
      await h.applied(expired.id);
      const customer = await refused(t.customer, ticket.id, `closeTicket(id: $id, reason: NO_CLARIFICATION)`);
      expect(customer.code).toBe('FORBIDDEN');
      const closed = await h.ok<{ closeTicket: { status: string; closeReason: string } }>(
        h.staff.DISPATCHER,
        `mutation($id: ID!) { closeTicket(id: $id, reason: NO_CLARIFICATION, comment: "No answer") { status closeReason } }`,
        { id: ticket.id },
      );
      expect(closed.closeTicket).toEqual({ status: 'CLOSED', closeReason: 'NO_CLARIFICATION' });
    });

    it('an expiry of an earlier request does not open NO_CLARIFICATION for a later one', async () => {
      const ticket = await ticketIn(h, t, 'AWAITING_CLARIFICATION');
      await h.ok(t.customer, `mutation($id: ID!) { answerClarification(id: $id, answer: "Here") { id } }`, {
        id: ticket.id,
      });
      h.setClock('2025-03-04T07:00:00Z');
      try {
        await h.ok(
          h.staff.ENGINEER,
          `mutation($id: ID!) { requestClarification(id: $id, question: "And now?") { id } }`,
          {
            id: ticket.id,
          },
        );
        // A late expiry of the first request (due before the second was asked).
        const stale = await h.publish('sla.ticket.clarification_expired', t.organizationId, {
          ticketId: ticket.id,
          organizationId: t.organizationId,
          timerId: '00000000-0000-7000-8000-00000000c1a2',
          dueAt: '2025-03-03T08:00:00.000Z',
        });
        await h.applied(stale.id);
        const error = await refused(h.staff.DISPATCHER, ticket.id, `closeTicket(id: $id, reason: NO_CLARIFICATION)`);
        expect(error.code).toBe('INVALID_TRANSITION');
      } finally {
        h.setClock('2025-03-03T07:00:00Z');
      }
    });

    it('closes by itself when the policy says the system closes unanswered clarifications', async () => {
      const ticket = await ticketIn(h, t, 'AWAITING_CLARIFICATION');
      await h.publish('sla.ticket.clarification_expired', t.organizationId, {
        ticketId: ticket.id,
        organizationId: t.organizationId,
        timerId: '00000000-0000-7000-8000-00000000c1a3',
        dueAt: '2025-03-06T07:00:00.000Z',
        closeAutomatically: true,
      });
      await eventually(async () => (await status(ticket.id)) === 'CLOSED');
      const [entry] = await h.query<{ type: string; actor_role: string; reason: string }>(
        `SELECT type, actor_role, reason FROM ticket_history WHERE ticket_id = $1 ORDER BY version DESC, position DESC LIMIT 1`,
        [ticket.id],
      );
      expect(entry).toEqual({ type: 'CLOSED', actor_role: 'SYSTEM', reason: 'NO_CLARIFICATION' });
    });
  });

  describe('closing reasons (R-TKT-11, R-TKT-12, R-TKT-14)', () => {
    it('AUTO_CLOSED only by the system, only from RESOLVED', async () => {
      const resolved = await ticketIn(h, t, 'RESOLVED');
      expect((await refused(h.staff.ADMIN, resolved.id, `closeTicket(id: $id, reason: AUTO_CLOSED)`)).code).toBe(
        'FORBIDDEN',
      );
      const working = await ticketIn(h, t, 'IN_PROGRESS');
      const wrong = await refused(h.system, working.id, `closeTicket(id: $id, reason: AUTO_CLOSED)`);
      expect(wrong.code).toBe('INVALID_TRANSITION');
      expect(wrong.message).toContain('AUTO_CLOSED is allowed only from RESOLVED');
    });

    it('sla.ticket.auto_close_due closes a resolved ticket as the system (R-TKT-12)', async () => {
      const ticket = await ticketIn(h, t, 'RESOLVED');
      await h.publish('sla.ticket.auto_close_due', t.organizationId, {
        ticketId: ticket.id,
        organizationId: t.organizationId,
        timerId: '00000000-0000-7000-8000-00000000a0c1',
        // 14 calendar days after the solution (Mon 3 March 07:00Z).
        dueAt: '2025-03-17T07:00:00.000Z',
      });
      await eventually(async () => (await status(ticket.id)) === 'CLOSED');
      const [row] = await h.query<{ close_reason: string }>(`SELECT close_reason FROM tickets WHERE id = $1`, [
        ticket.id,
      ]);
      expect(row!.close_reason).toBe('AUTO_CLOSED');
    });

    it('ACCEPTED from RESOLVED (staff on the customer’s word), DUPLICATE by staff only', async () => {
      const resolved = await ticketIn(h, t, 'RESOLVED');
      await h.ok(h.staff.DISPATCHER, `mutation($id: ID!) { closeTicket(id: $id, reason: ACCEPTED) { id } }`, {
        id: resolved.id,
      });
      const working = await ticketIn(h, t, 'IN_PROGRESS');
      expect((await refused(h.staff.DISPATCHER, working.id, `closeTicket(id: $id, reason: ACCEPTED)`)).code).toBe(
        'INVALID_TRANSITION',
      );
      expect((await refused(t.customer, working.id, `closeTicket(id: $id, reason: DUPLICATE)`)).code).toBe('FORBIDDEN');
      await h.ok(
        h.staff.DISPATCHER,
        `mutation($id: ID!) { closeTicket(id: $id, reason: DUPLICATE, comment: "See T-1") { id } }`,
        {
          id: working.id,
        },
      );
    });

    it('a pending failure report blocks every close until the SLA service says it was written (R-SLA-11)', async () => {
      const ticket = await ticketIn(h, t, 'RESOLVED');
      const pending = await h.publish('sla.ticket.state_changed', t.organizationId, {
        ticketId: ticket.id,
        organizationId: t.organizationId,
        state: 'BREACHED',
        nextDeadline: null,
        breached: true,
        failureReportPending: true,
      });
      await h.applied(pending.id);
      const accept = await refused(t.customer, ticket.id, `acceptSolution(id: $id)`);
      expect(accept.code).toBe('INVALID_TRANSITION');
      expect(accept.message).toContain('failure report');
      expect((await refused(h.staff.ADMIN, ticket.id, `closeTicket(id: $id, reason: WITHDRAWN)`)).code).toBe(
        'INVALID_TRANSITION',
      );
      const due = await h.publish('sla.ticket.auto_close_due', t.organizationId, {
        ticketId: ticket.id,
        organizationId: t.organizationId,
        timerId: '00000000-0000-7000-8000-00000000a0c2',
        dueAt: '2025-03-17T07:00:00.000Z',
      });
      await h.applied(due.id);
      expect(await status(ticket.id)).toBe('RESOLVED');

      const written = await h.publish('sla.ticket.state_changed', t.organizationId, {
        ticketId: ticket.id,
        organizationId: t.organizationId,
        state: 'BREACHED',
        nextDeadline: null,
        breached: true,
        failureReportPending: false,
      });
      await h.applied(written.id);
      await h.ok(t.customer, `mutation($id: ID!) { acceptSolution(id: $id) { id } }`, { id: ticket.id });
      expect(await status(ticket.id)).toBe('CLOSED');
    });
  });

  describe('rework (R-TKT-11)', () => {
    it('remarks send the ticket back to work, count the round and clear the resolution', async () => {
      const ticket = await ticketIn(h, t, 'RESOLVED');
      const back = await h.ok<{ returnSolution: { status: string; resolvedAt: string | null; reworkCount: number } }>(
        t.customer,
        `mutation($id: ID!) { returnSolution(id: $id, remarks: "Totals are still wrong") { status resolvedAt reworkCount } }`,
        { id: ticket.id },
      );
      expect(back.returnSolution).toEqual({ status: 'IN_PROGRESS', resolvedAt: null, reworkCount: 1 });
      expect((await refused(t.customer, ticket.id, `returnSolution(id: $id, remarks: "   ")`)).code).toBe(
        'INVALID_TRANSITION',
      );
    });
  });

  describe('priority, planned date and assignment', () => {
    it('refuses no-op changes', async () => {
      const ticket = await ticketIn(h, t, 'IN_PROGRESS');
      expect((await refused(h.staff.DISPATCHER, ticket.id, `changePriority(id: $id, priority: NORMAL)`)).message).toBe(
        'priority is already NORMAL',
      );
      expect(
        (await refused(h.staff.DISPATCHER, ticket.id, `assignTicket(id: $id, assigneeId: "${h.staff.ENGINEER.id}")`))
          .code,
      ).toBe('BAD_USER_INPUT');
      const same = await refused(
        h.staff.DISPATCHER,
        ticket.id,
        `changePlannedDate(id: $id, plannedResolutionAt: "2025-03-10T18:00:00+03:00")`,
      );
      expect(same.code).toBe('BAD_USER_INPUT');
      const past = await refused(
        h.staff.DISPATCHER,
        ticket.id,
        `changePlannedDate(id: $id, plannedResolutionAt: "2025-03-01T18:00:00+03:00")`,
      );
      expect(past.message).toContain('must be in the future');
    });

    it('a priority that turns a release-bound target into a duration needs a planned date first (R-TKT-10)', async () => {
      const ticket = await ticketIn(h, t, 'IN_ANALYSIS');
      // imc-typical Error/Normal: by the next planned update, no date.
      await h.ok(h.staff.DISPATCHER, `mutation($id: ID!) { move: ${triage('ERROR', 'NORMAL', null)} { id } }`, {
        id: ticket.id,
      });
      const error = await refused(h.staff.DISPATCHER, ticket.id, `changePriority(id: $id, priority: URGENT)`);
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.message).toContain('changePlannedDate first');
      await h.ok(
        h.staff.DISPATCHER,
        `mutation($id: ID!) { changePlannedDate(id: $id, plannedResolutionAt: "2025-03-04T18:00:00+03:00") { id } }`,
        { id: ticket.id },
      );
      const changed = await h.ok<{ changePriority: { priority: string } }>(
        h.staff.DISPATCHER,
        `mutation($id: ID!) { changePriority(id: $id, priority: URGENT, reason: "Stops all posting") { priority } }`,
        { id: ticket.id },
      );
      expect(changed.changePriority.priority).toBe('URGENT');
    });
  });

  describe('on-site visits (003)', () => {
    it('one pending request at a time; an arrival needs a request', async () => {
      const ticket = await ticketIn(h, t, 'IN_PROGRESS');
      const early = await refused(h.staff.ENGINEER, ticket.id, `recordOnSiteArrival(id: $id)`);
      expect(early.code).toBe('INVALID_TRANSITION');
      expect(early.message).toContain('no on-site visit is pending');
      await h.ok(t.customer, `mutation($id: ID!) { requestOnSiteVisit(id: $id, note: "Room 3") { id } }`, {
        id: ticket.id,
      });
      expect((await refused(t.customer, ticket.id, `requestOnSiteVisit(id: $id)`)).code).toBe('INVALID_TRANSITION');
      const arrived = await h.ok<{ recordOnSiteArrival: { onSiteArrivedAt: string } }>(
        h.staff.ENGINEER,
        `mutation($id: ID!) { recordOnSiteArrival(id: $id) { onSiteArrivedAt } }`,
        { id: ticket.id },
      );
      expect(arrived.recordOnSiteArrival.onSiteArrivedAt).toBe('2025-03-03T07:00:00.000Z');
      await h.ok(t.customer, `mutation($id: ID!) { requestOnSiteVisit(id: $id) { id } }`, { id: ticket.id });
    });
  });

  describe('who acts', () => {
    it('a customer may not post internal notes, nor empty messages', async () => {
      const ticket = await ticketIn(h, t, 'IN_PROGRESS');
      const internal = await refused(t.customer, ticket.id, `addMessage(ticketId: $id, body: "psst", internal: true)`);
      expect(internal.code).toBe('FORBIDDEN');
      expect(internal.message).toContain('Internal messages are for provider staff only');
      expect((await refused(t.customer, ticket.id, `addMessage(ticketId: $id, body: "  ")`)).message).toBe(
        'body must not be empty',
      );
    });

    it('a deactivated contact can no longer act on its tickets (R-ACC-1)', async () => {
      const tenant = await h.tenant();
      const ticket = await ticketIn(h, tenant, 'RESOLVED');
      const gone = await h.publish('contracts.contact.deactivated', tenant.organizationId, {
        contactId: tenant.contactId,
        organizationId: tenant.organizationId,
        fullName: 'Gone',
        email: 'gone@customer.example',
        phone: null,
        active: false,
      });
      await h.applied(gone.id);
      expect((await refused(tenant.customer, ticket.id, `acceptSolution(id: $id)`)).code).toBe('FORBIDDEN');
    });

    it("another organization's ticket does not exist for a customer; a malformed id is bad input", async () => {
      const other = await h.tenant();
      const ticket = await ticketIn(h, other, 'RESOLVED');
      const error = await refused(t.customer, ticket.id, `acceptSolution(id: $id)`);
      expect(error.code).toBe('NOT_FOUND');
      const malformed = await h.gql(t.customer, `mutation { acceptSolution(id: "T-1") { id } }`);
      expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });
});

function declare(vars: Record<string, unknown>): string {
  return Object.keys(vars)
    .map((k) => `, $${k}: String`)
    .join('');
}
