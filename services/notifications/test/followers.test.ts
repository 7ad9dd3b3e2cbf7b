import { type Caller, newId, type TicketAfterChange } from '@reglament/shared/domain';
import { MAX_FOLLOWED_PER_CONTACT, MAX_FOLLOWERS_PER_TICKET } from '../src/application/followers';
import { customerActor, staffActor, ticketAfterChange, timerFacts } from './support/events';
import { NotificationsHarness } from './support/harness';
import { type Person, seedContact, seedContract, seedStaff } from './support/people';

/**
 * Followers and a ticket's notifications (issue 14, R-NTF-1, R-TKT-13) on real PostgreSQL and
 * NATS: a contact of the ticket's organization follows it and hears what the requester hears,
 * in the portal and by e-mail, until she unfollows; staff and other organizations cannot follow;
 * the limits hold; `Ticket.notifications` shows a customer only her organization's side.
 */
describe('notifications: followers and the ticket history', () => {
  let h: NotificationsHarness;
  const orgA = newId();
  const orgB = newId();
  let olga: Person; // requester, orgA
  let oleg: Person; // follower, orgA
  let lena: Person; // orgA, not following
  let fedor: Person; // orgB
  let egor: Person; // engineer
  let dora: Person; // dispatcher
  let ticket: TicketAfterChange;

  const follow = `mutation($id: ID!) { followTicket(id: $id) { id followedByMe } }`;
  const unfollow = `mutation($id: ID!) { unfollowTicket(id: $id) { id followedByMe } }`;
  const kinds = async (caller: Caller) =>
    (
      await h.ok<{ myNotifications: { edges: { node: { kind: string } }[] } }>(
        caller,
        `{ myNotifications(first: 100) { edges { node { kind } } } }`,
      )
    ).myNotifications.edges
      .map((e) => e.node.kind)
      .sort();
  const emailsTo = async (email: string) =>
    (
      await h.query<{ kind: string }>(
        `SELECT kind FROM deliveries WHERE channel = 'EMAIL' AND recipient = $1 ORDER BY kind`,
        [email],
      )
    ).map((r) => r.kind);
  type Notices = {
    _entities: {
      notifications: {
        totalCount: number;
        edges: { node: { kind: string; recipientName: string; recipientSide: string } }[];
      };
    }[];
  };
  const history = async (caller: Caller, ticketId = ticket.ticketId) =>
    (
      await h.ok<Notices>(
        caller,
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Ticket { notifications(first: 100) {
           totalCount edges { node { kind recipientName recipientSide } } } } } }`,
        { r: [{ __typename: 'Ticket', id: ticketId }] },
      )
    )._entities[0]!.notifications;
  const moved = (transition: 'ACKNOWLEDGE' | 'START_WORK', fromStatus: string, toStatus: string) =>
    h.publish('tickets.ticket.status_changed', orgA, {
      ticket,
      actor: staffActor(dora.id),
      ticketId: ticket.ticketId,
      organizationId: orgA,
      transition,
      fromStatus: fromStatus as TicketAfterChange['status'],
      toStatus: toStatus as TicketAfterChange['status'],
      note: null,
    });

  beforeAll(async () => {
    h = await NotificationsHarness.start();
    const contractId = await seedContract(h, orgA);
    olga = await seedContact(h, orgA, 'Olga');
    oleg = await seedContact(h, orgA, 'Oleg');
    lena = await seedContact(h, orgA, 'Lena');
    fedor = await seedContact(h, orgB, 'Fedor');
    egor = await seedStaff(h, 'ENGINEER', 'Egor');
    dora = await seedStaff(h, 'DISPATCHER', 'Dora');
    ticket = ticketAfterChange({
      organizationId: orgA,
      contractId,
      requesterId: olga.id,
      number: 'T-2025-000321',
      status: 'REGISTERED',
    });
    await h.publish('tickets.ticket.registered', orgA, {
      ticket,
      actor: customerActor(olga.id),
      ticketId: ticket.ticketId,
      organizationId: orgA,
      answeredOnCall: null,
    });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('only a contact of the same organization follows; staff are refused, another organization finds no ticket', async () => {
    expect((await h.ok<{ followTicket: unknown }>(oleg, follow, { id: ticket.ticketId })).followTicket).toEqual({
      id: ticket.ticketId,
      followedByMe: true,
    });
    // Again: idempotent, still one row.
    await h.ok(oleg, follow, { id: ticket.ticketId });
    expect(await h.query(`SELECT contact_id FROM ticket_followers`)).toEqual([{ contact_id: oleg.id }]);

    const foreign = await h.refused(fedor, follow, { id: ticket.ticketId });
    expect(foreign.code).toBe('NOT_FOUND');
    const staff = await h.refused(egor, follow, { id: ticket.ticketId });
    expect(staff.code).toBe('FORBIDDEN');
    expect(staff.message).toContain("Only a customer's contacts follow a ticket");
    const bad = await h.refused(oleg, follow, { id: 'not-a-ticket' });
    expect(bad.code).toBe('BAD_USER_INPUT');
    const unknown = await h.refused(oleg, follow, { id: newId() });
    expect(unknown.code).toBe('NOT_FOUND');
    // Nothing of that changed the followers.
    expect(await h.query(`SELECT contact_id FROM ticket_followers`)).toEqual([{ contact_id: oleg.id }]);
    // Who follows: her organization and staff see Oleg; another organization sees nobody.
    const followers = async (caller: Caller) =>
      (
        await h.ok<{ _entities: { followers: { contactId: string; name: string }[] }[] }>(
          caller,
          `query($r: [_Any!]!) { _entities(representations: $r) { ... on Ticket { followers { contactId name } } } }`,
          { r: [{ __typename: 'Ticket', id: ticket.ticketId }] },
        )
      )._entities[0]!.followers;
    expect(await followers(lena)).toEqual([{ contactId: oleg.id, name: 'Oleg' }]);
    expect(await followers(dora)).toEqual([{ contactId: oleg.id, name: 'Oleg' }]);
    expect(await followers(fedor)).toEqual([]);
  });

  it('a follower hears the customer side (in the portal and by e-mail), never the internal message; unfollowed, nothing more', async () => {
    ticket = { ...ticket, status: 'IN_ANALYSIS', version: 2 };
    await moved('ACKNOWLEDGE', 'REGISTERED', 'IN_ANALYSIS');
    ticket = { ...ticket, assigneeId: egor.id, version: 3 };
    await h.publish('tickets.ticket.assigned', orgA, {
      ticket,
      actor: staffActor(dora.id),
      ticketId: ticket.ticketId,
      organizationId: orgA,
      assigneeId: egor.id,
      previousAssigneeId: null,
    });
    await h.publish('tickets.ticket.message_added', orgA, {
      ticket,
      actor: staffActor(egor.id),
      ticketId: ticket.ticketId,
      organizationId: orgA,
      messageId: newId(),
      internal: true,
      fromProvider: true,
      body: 'Vendor bug, do not tell yet',
    });
    // Oleg follows: acknowledged (STATUS_CHANGED) and ASSIGNED, like Olga minus her own TICKET_REGISTERED.
    expect(await kinds(oleg)).toEqual(['ASSIGNED', 'STATUS_CHANGED']);
    expect(await kinds(olga)).toEqual(['ASSIGNED', 'STATUS_CHANGED', 'TICKET_REGISTERED']);
    expect(await kinds(lena)).toEqual([]);
    expect(await kinds(fedor)).toEqual([]);
    expect(await emailsTo(oleg.email)).toEqual(['ASSIGNED', 'STATUS_CHANGED']);
    expect(await emailsTo(lena.email)).toEqual([]);

    expect((await h.ok<{ unfollowTicket: unknown }>(oleg, unfollow, { id: ticket.ticketId })).unfollowTicket).toEqual({
      id: ticket.ticketId,
      followedByMe: false,
    });
    ticket = { ...ticket, status: 'IN_PROGRESS', version: 4 };
    await moved('START_WORK', 'IN_ANALYSIS', 'IN_PROGRESS');
    expect(await kinds(olga)).toEqual(['ASSIGNED', 'STATUS_CHANGED', 'STATUS_CHANGED', 'TICKET_REGISTERED']);
    expect(await kinds(oleg)).toEqual(['ASSIGNED', 'STATUS_CHANGED']);
  });

  it('R-TKT-13: the ticket history shows a customer what her organization was told, staff everything, another organization nothing', async () => {
    // Told so far: Olga TICKET_REGISTERED, STATUS_CHANGED x2, ASSIGNED; Oleg STATUS_CHANGED, ASSIGNED;
    // Dora TICKET_REGISTERED; Egor ASSIGNED (Dora acted on the rest, the internal message told nobody).
    const customerSide = [
      ['TICKET_REGISTERED', 'Olga'],
      ['STATUS_CHANGED', 'Olga'],
      ['STATUS_CHANGED', 'Oleg'],
      ['ASSIGNED', 'Olga'],
      ['ASSIGNED', 'Oleg'],
      ['STATUS_CHANGED', 'Olga'],
    ].sort();
    const seen = async (caller: Caller) =>
      (await history(caller)).edges.map((e) => [e.node.kind, e.node.recipientName]).sort();
    expect(await seen(lena)).toEqual(customerSide);
    expect(await seen(olga)).toEqual(customerSide);
    expect(await seen(dora)).toEqual([...customerSide, ['TICKET_REGISTERED', 'Dora'], ['ASSIGNED', 'Egor']].sort());
    expect(await history(fedor)).toEqual({ totalCount: 0, edges: [] });
  });

  it(`limits: at most ${MAX_FOLLOWERS_PER_TICKET} followers a ticket, ${MAX_FOLLOWED_PER_CONTACT} followed tickets a contact`, async () => {
    const at = new Date('2025-03-03T07:00:00Z');
    // Fill the ticket up to the limit (other contacts of orgA, straight into the table).
    await h.query(`DELETE FROM ticket_followers`);
    for (let i = 0; i < MAX_FOLLOWERS_PER_TICKET; i++) {
      await h.query(`INSERT INTO ticket_followers VALUES ($1, $2, $3, $4)`, [ticket.ticketId, newId(), orgA, at]);
    }
    const full = await h.refused(lena, follow, { id: ticket.ticketId });
    expect(full.code).toBe('BAD_USER_INPUT');
    expect(full.message).toBe(
      `Ticket T-2025-000321 already has ${MAX_FOLLOWERS_PER_TICKET} followers, the most allowed`,
    );
    await h.query(`DELETE FROM ticket_followers`);
    // Lena already follows the limit of (other) tickets: one more is refused, nothing changes.
    for (let i = 0; i < MAX_FOLLOWED_PER_CONTACT; i++) {
      await h.query(`INSERT INTO ticket_followers VALUES ($1, $2, $3, $4)`, [newId(), lena.id, orgA, at]);
    }
    const many = await h.refused(lena, follow, { id: ticket.ticketId });
    expect(many.code).toBe('BAD_USER_INPUT');
    expect(many.message).toContain(`at most ${MAX_FOLLOWED_PER_CONTACT} tickets`);
    const rows = await h.query<{ n: string }>(`SELECT count(*) AS n FROM ticket_followers WHERE ticket_id = $1`, [
      ticket.ticketId,
    ]);
    expect(Number(rows[0]!.n)).toBe(0);
  });
  it('R-SLA-11: a ticket marked as a failure tells the assignee the report is due before closing; a breach says so only where the contract demands it; never the customer side', async () => {
    await h.ok(oleg, follow, { id: ticket.ticketId });
    await h.publish('tickets.ticket.marked_as_failure', orgA, {
      ticket,
      actor: staffActor(dora.id),
      ticketId: ticket.ticketId,
      organizationId: orgA,
      by: 'STAFF',
    });
    await h.publish('sla.timer.breached', orgA, timerFacts(ticket, { metric: 'RESOLUTION', status: 'BREACHED' }));
    const { myNotifications } = await h.ok<{ myNotifications: { edges: { node: { kind: string; body: string } }[] } }>(
      egor,
      `{ myNotifications(first: 100) { edges { node { kind body } } } }`,
    );
    const duties = myNotifications.edges
      .filter((e) => e.node.kind === 'FAILURE_REPORT_REQUIRED')
      .map((e) => e.node.body);
    expect(duties.sort()).toEqual([
      'Обращение T-2025-000321 «Report prints blank» отмечено как сбой: опишите причины и меры (R-SLA-11); без отчёта обращение не закрыть.',
      'Срок «Решение» по обращению T-2025-000321 «Report prints blank» нарушен: опишите причины и меры (R-SLA-11). Если договор этого требует, без отчёта обращение не закрыть.',
    ]);
    // Dora marked it herself: she hears only of the breach; the customer side hears of neither.
    expect((await kinds(dora)).filter((k) => k === 'FAILURE_REPORT_REQUIRED')).toEqual(['FAILURE_REPORT_REQUIRED']);
    expect((await kinds(oleg)).filter((k) => k.startsWith('FAILURE') || k === 'SLA_BREACHED')).toEqual([]);
    expect((await kinds(olga)).filter((k) => k.startsWith('FAILURE') || k === 'SLA_BREACHED')).toEqual([]);
  });
});
