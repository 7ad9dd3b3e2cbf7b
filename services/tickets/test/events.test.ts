import type { AnyEventEnvelope, Caller } from '@reglament/shared/domain';
import { eventually } from '@reglament/shared/testing';
import { type Tenant, TicketsHarness } from './support/harness';

/**
 * Every change publishes its events once, through the outbox, with the documented payloads
 * (packages/shared/src/events/tickets-events.ts): read back from the JetStream stream itself.
 */
describe('tickets.* events', () => {
  let h: TicketsHarness;
  let t: Tenant;
  let events: AnyEventEnvelope[];
  let ticketId: string;
  let number: string;

  beforeAll(async () => {
    h = await TicketsHarness.start();
    t = await h.tenant('kz-supplier');
    const { ENGINEER: engineer, DISPATCHER: dispatcher } = h.staff;
    const as = (caller: Caller, mutation: string) =>
      h.ok(caller, `mutation($id: ID!) { ${mutation} { __typename } }`, { id: ticketId });

    const { registerTicket } = await h.ok<{ registerTicket: { id: string; number: string } }>(
      t.customer,
      `mutation($c: ID!) { registerTicket(input: { contractId: $c, channel: PORTAL, title: "Scanner offline",
         description: "The warehouse scanner lost its connection", priority: HIGH,
         attachments: [{ name: "photo.jpg", contentType: "image/jpeg", contentBase64: "/9j/4A==" }] }) { id number } }`,
      { c: t.contractId },
    );
    ticketId = registerTicket.id;
    number = registerTicket.number;
    await as(dispatcher, `acknowledgeTicket(id: $id, message: "Looking into it")`);
    await as(
      dispatcher,
      `triageTicket(id: $id, input: { category: ERROR, priority: HIGH, assigneeId: "${engineer.id}", plannedResolutionAt: "2025-03-05T18:00:00+05:00" })`,
    );
    await as(engineer, `addMessage(ticketId: $id, body: "Firmware 1.2 known bug", internal: true)`);
    await as(engineer, `requestClarification(id: $id, question: "Which firmware?")`);
    await as(t.customer, `answerClarification(id: $id, answer: "1.2")`);
    await as(dispatcher, `changePriority(id: $id, priority: URGENT, reason: "Warehouse stopped")`);
    await as(dispatcher, `assignTicket(id: $id, assigneeId: "${h.staff.ADMIN.id}")`);
    await as(
      dispatcher,
      `changePlannedDate(id: $id, plannedResolutionAt: "2025-03-04T18:00:00+05:00", reason: "Urgent now")`,
    );
    await as(t.customer, `requestOnSiteVisit(id: $id, note: "Warehouse 2")`);
    await as(h.staff.ADMIN, `recordOnSiteArrival(id: $id)`);
    await as(h.staff.ADMIN, `provideSolution(id: $id, solution: "Firmware 1.3 installed")`);
    await as(t.customer, `returnSolution(id: $id, remarks: "Still drops every hour")`);
    await as(h.staff.ADMIN, `provideSolution(id: $id, solution: "Access point replaced")`);
    // The urgent error is a product failure under kz-supplier (003 §7): the SLA service says its report is in.
    const reported = await h.publish('sla.ticket.state_changed', t.organizationId, {
      ticketId,
      organizationId: t.organizationId,
      state: 'MET',
      nextDeadline: null,
      breached: false,
      failureReportPending: false,
    });
    await h.applied(reported.id);
    await as(t.customer, `acceptSolution(id: $id)`);

    // Everything the outbox holds has gone out; then the stream must hold exactly that.
    await eventually(async () => {
      const [row] = await h.query<{ pending: number }>(
        `SELECT count(*)::int AS pending FROM outbox WHERE published_at IS NULL`,
      );
      return row!.pending === 0;
    });
    const [outbox] = await h.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox WHERE type LIKE 'tickets.%'`);
    events = await h.ticketEvents((seen) => seen.length >= outbox!.n);
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('one event per recorded fact, each once, in the order of the changes', () => {
    expect(events.map((e) => e.type.replace('tickets.ticket.', ''))).toEqual([
      'registered',
      'attachment_added',
      'status_changed', // acknowledge
      'classified', // triage: classification, assignee, planned date, then the move
      'assigned',
      'planned_date_changed',
      'status_changed',
      'message_added', // internal note
      'status_changed', // clarification asked
      'status_changed', // answered
      'priority_changed',
      'marked_as_failure', // kz-supplier counts an urgent error as a product failure (003 §7)
      'assigned',
      'planned_date_changed',
      'on_site_requested',
      'on_site_arrived',
      'status_changed', // solution
      'status_changed', // remarks
      'status_changed', // solution again
      'closed',
    ]);
    expect(new Set(events.map((e) => e.id)).size).toBe(20);
  });

  it('every event matches one history entry of the ticket', async () => {
    const history = await h.query<{ event_id: string }>(
      `SELECT event_id FROM ticket_history WHERE ticket_id = $1 ORDER BY version, position`,
      [ticketId],
    );
    expect(history.map((r) => r.event_id)).toEqual(events.map((e) => e.id));
  });

  it('carry the envelope, the ticket after the change (its version) and the actor', () => {
    for (const event of events) {
      expect(event).toMatchObject({ version: 1, source: 'tickets', organizationId: t.organizationId });
      expect(event.data).toMatchObject({ ticketId, organizationId: t.organizationId });
    }
    // 15 changes: versions 1 (registration with its file) .. 15 (acceptance); a change's events share one.
    const versions = events.map((e) => (e.data as { ticket: { version: number } }).ticket.version);
    expect(versions).toEqual([1, 1, 2, 3, 3, 3, 3, 4, 5, 6, 7, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    const triage = events.slice(3, 7);
    expect(new Set(triage.map((e) => e.correlationId)).size).toBe(1);
    expect(events[0]!.correlationId).not.toBe(events[2]!.correlationId);
  });

  it('registered: the whole ticket, the requester and the call-back flag', () => {
    expect(events[0]!.data).toEqual({
      ticketId,
      organizationId: t.organizationId,
      answeredOnCall: null,
      callbackBy: null,
      actor: { id: t.contactId, role: 'CUSTOMER', name: t.contactName },
      ticket: {
        ticketId,
        number,
        organizationId: t.organizationId,
        contractId: t.contractId,
        preset: 'kz-supplier',
        requesterId: t.contactId,
        channel: 'PORTAL',
        title: 'Scanner offline',
        category: null,
        priority: 'HIGH',
        status: 'REGISTERED',
        assigneeId: null,
        product: null,
        serviceCode: null,
        plannedResolutionAt: null,
        registeredAt: '2025-03-03T07:00:00.000Z',
        resolvedAt: null,
        closedAt: null,
        closeReason: null,
        linkedTicketId: null,
        kind: 'REQUEST',
        version: 1,
      },
    });
    // "/9j/4A==" is 4 bytes.
    expect(events[1]!.data).toMatchObject({
      name: 'photo.jpg',
      contentType: 'image/jpeg',
      size: 4,
      internal: false,
    });
  });

  it('the moves: transition, from and to, and the text that went with them', () => {
    const moves = events
      .filter((e) => e.type === 'tickets.ticket.status_changed')
      .map((e) => {
        const d = e.data as { transition: string; fromStatus: string; toStatus: string; note: string | null };
        return [d.transition, d.fromStatus, d.toStatus, d.note];
      });
    expect(moves).toEqual([
      ['ACKNOWLEDGE', 'REGISTERED', 'IN_ANALYSIS', 'Looking into it'],
      ['TRIAGE', 'IN_ANALYSIS', 'IN_PROGRESS', null],
      ['REQUEST_CLARIFICATION', 'IN_PROGRESS', 'AWAITING_CLARIFICATION', 'Which firmware?'],
      ['ANSWER_CLARIFICATION', 'AWAITING_CLARIFICATION', 'IN_PROGRESS', '1.2'],
      ['PROVIDE_SOLUTION', 'IN_PROGRESS', 'RESOLVED', 'Firmware 1.3 installed'],
      ['RETURN_SOLUTION', 'RESOLVED', 'IN_PROGRESS', 'Still drops every hour'],
      ['PROVIDE_SOLUTION', 'IN_PROGRESS', 'RESOLVED', 'Access point replaced'],
    ]);
  });

  it('classification, assignment, dates, priority, messages and on-site visits say before and after', () => {
    const data = (i: number) => events[i]!.data as unknown as Record<string, unknown>;
    expect(data(3)).toMatchObject({
      category: 'ERROR',
      priority: 'HIGH',
      previousCategory: null,
      previousPriority: 'HIGH',
    });
    expect(data(4)).toMatchObject({ assigneeId: h.staff.ENGINEER.id, previousAssigneeId: null });
    // 18:00 in Almaty (UTC+5) = 13:00Z.
    expect(data(5)).toMatchObject({
      plannedResolutionAt: '2025-03-05T13:00:00.000Z',
      previousPlannedResolutionAt: null,
    });
    expect(data(7)).toMatchObject({ internal: true, fromProvider: true, body: 'Firmware 1.2 known bug' });
    expect(data(10)).toMatchObject({ priority: 'URGENT', previousPriority: 'HIGH', reason: 'Warehouse stopped' });
    expect(data(11)).toMatchObject({ by: 'PRESET' });
    expect(data(12)).toMatchObject({ assigneeId: h.staff.ADMIN.id, previousAssigneeId: h.staff.ENGINEER.id });
    expect(data(13)).toMatchObject({
      plannedResolutionAt: '2025-03-04T13:00:00.000Z',
      previousPlannedResolutionAt: '2025-03-05T13:00:00.000Z',
    });
    expect(data(14)).toMatchObject({ note: 'Warehouse 2' });
    expect(data(15)['actor']).toEqual({ id: h.staff.ADMIN.id, role: 'ADMIN', name: 'Alla Admin' });
  });

  it('closed: reason and the final ticket', () => {
    const closed = events[19]!;
    expect(closed.data).toMatchObject({
      fromStatus: 'RESOLVED',
      toStatus: 'CLOSED',
      reason: 'ACCEPTED',
      comment: null,
    });
    expect((closed.data as { ticket: unknown }).ticket).toMatchObject({
      status: 'CLOSED',
      closeReason: 'ACCEPTED',
      closedAt: '2025-03-03T07:00:00.000Z',
      resolvedAt: '2025-03-03T07:00:00.000Z',
      category: 'ERROR',
      priority: 'URGENT',
      assigneeId: h.staff.ADMIN.id,
      plannedResolutionAt: '2025-03-04T13:00:00.000Z',
      version: 15,
    });
  });
});
