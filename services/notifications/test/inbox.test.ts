import { type Caller, newId, type Role, type StaffRole, type TicketAfterChange } from '@reglament/shared/domain';
import { NotificationsHarness } from './support/harness';
import { customerActor, event, staffActor, ticketAfterChange, timerFacts } from './support/events';

/**
 * The in-app channel on real PostgreSQL and NATS: read models from contracts/tickets/sla
 * events, the rules applied, each notification recorded once (R-NTF-3), only ever shown to
 * its recipient, and the inbox's limits.
 */
describe('notifications: in-app inbox from events', () => {
  let h: NotificationsHarness;
  const orgA = newId();
  const orgB = newId();
  const contractId = newId();
  const user = (id: string, role: Role, org: string | null, name: string) =>
    ({ kind: 'user', id, role, organizationId: org, name }) as Caller & { kind: 'user' };
  const olga = user(newId(), 'CUSTOMER', orgA, 'Olga');
  const oleg = user(newId(), 'CUSTOMER', orgA, 'Oleg');
  const fedor = user(newId(), 'CUSTOMER', orgB, 'Fedor');
  const egor = user(newId(), 'ENGINEER', null, 'Egor');
  const dora = user(newId(), 'DISPATCHER', null, 'Dora');
  let ticket: TicketAfterChange;

  const inbox = async (caller: Caller) =>
    (
      await h.ok<{ myNotifications: { totalCount: number; edges: { node: Record<string, unknown> }[] } }>(
        caller,
        `{ myNotifications(first: 50) { totalCount edges { node { id kind title body ticketId ticket { id } readAt } } } }`,
      )
    ).myNotifications;
  const kinds = async (caller: Caller) => (await inbox(caller)).edges.map((e) => e.node.kind).sort();

  beforeAll(async () => {
    h = await NotificationsHarness.start();
    await h.publish('contracts.contract.created', orgA, {
      contractId,
      organizationId: orgA,
      number: 'C-7',
      preset: 'imc-typical',
      status: 'ACTIVE',
      startsOn: '2025-01-01',
      endsOn: '2025-12-31',
      products: [],
      coverage: null,
      timeZone: 'Europe/Moscow',
      prerequisites: [],
    });
    for (const [c, org, language] of [
      [olga, orgA, 'RU'],
      [oleg, orgA, 'RU'],
      [fedor, orgB, 'RU'],
    ] as const) {
      await h.publish('contracts.contact.registered', org, {
        contactId: c.id,
        organizationId: org,
        fullName: c.name!,
        email: `${c.name!.toLowerCase()}@customer.example`,
        phone: null,
        active: true,
        language,
      });
    }
    for (const [s, language] of [
      [egor, 'EN'],
      [dora, 'RU'],
    ] as const) {
      await h.publish('contracts.staff.registered', null, {
        staffId: s.id,
        fullName: s.name!,
        email: `${s.name!.toLowerCase()}@provider.example`,
        role: s.role as StaffRole,
        active: true,
        language,
      });
    }
    ticket = ticketAfterChange({
      organizationId: orgA,
      contractId,
      requesterId: olga.id,
      status: 'REGISTERED',
      number: 'T-2025-000123',
      title: 'Report prints blank',
    });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('registered (R-TKT-1): the requester gets the number in Russian, the dispatcher a new ticket; nobody else', async () => {
    const registered = event('tickets.ticket.registered', orgA, {
      ticket,
      actor: customerActor(olga.id),
      ticketId: ticket.ticketId,
      organizationId: orgA,
      answeredOnCall: null,
    });
    await h.deliver(registered);
    // The same event twice from NATS: still one notification each.
    await h.deliver(registered);
    const mine = await inbox(olga);
    expect(mine.totalCount).toBe(1);
    expect(mine.edges[0]!.node).toMatchObject({
      kind: 'TICKET_REGISTERED',
      title: 'Обращение T-2025-000123 зарегистрировано',
      body: 'Ваше обращение «Report prints blank» зарегистрировано под номером T-2025-000123.',
      ticketId: ticket.ticketId,
      ticket: { id: ticket.ticketId },
      readAt: null,
    });
    expect(await kinds(dora)).toEqual(['TICKET_REGISTERED']);
    expect(await kinds(oleg)).toEqual([]);
    expect(await kinds(fedor)).toEqual([]);
    expect(await kinds(egor)).toEqual([]);
  });

  it('assignment: the engineer is told in English, the requester who works on it; an internal message reaches no customer', async () => {
    ticket = { ...ticket, assigneeId: egor.id, status: 'IN_ANALYSIS', version: 2 };
    await h.publish('tickets.ticket.assigned', orgA, {
      ticket,
      actor: staffActor(dora.id),
      ticketId: ticket.ticketId,
      organizationId: orgA,
      assigneeId: egor.id,
      previousAssigneeId: null,
    });
    const egorInbox = await inbox(egor);
    expect(egorInbox.edges.map((e) => [e.node.kind, e.node.title])).toEqual([
      ['ASSIGNED', 'Ticket T-2025-000123 assigned to you'],
    ]);
    expect((await inbox(olga)).edges[0]!.node).toMatchObject({
      kind: 'ASSIGNED',
      body: 'Обращением T-2025-000123 «Report prints blank» занимается Egor.',
    });
    await h.publish('tickets.ticket.message_added', orgA, {
      ticket,
      actor: staffActor(egor.id),
      ticketId: ticket.ticketId,
      organizationId: orgA,
      messageId: newId(),
      internal: true,
      fromProvider: true,
      body: 'Known driver bug, do not tell yet',
    });
    expect(await kinds(olga)).toEqual(['ASSIGNED', 'TICKET_REGISTERED']);
    expect(await kinds(oleg)).toEqual([]);
  });

  it('R-SLA-9: a warning reaches both parties once per clock, however often it is raised', async () => {
    const timer = timerFacts(ticket, { metric: 'RESOLUTION', party: 'PROVIDER' });
    for (let i = 0; i < 2; i++) {
      await h.publish('sla.timer.warning', orgA, { ...timer, partyAtRisk: 'PROVIDER', partyToNotify: ['CUSTOMER'] });
    }
    const warnings = async (c: Caller) => (await kinds(c)).filter((k) => k === 'SLA_WARNING').length;
    expect([await warnings(olga), await warnings(egor), await warnings(dora), await warnings(fedor)]).toEqual([
      1, 1, 1, 0,
    ]);
    const [row] = await h.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM notifications WHERE kind = 'SLA_WARNING'`,
    );
    expect(row!.n).toBe(3);
  });

  it('every new notification is announced once as notifications.notification.created (through the outbox)', async () => {
    const rows = await h.query<{ n: number; events: number }>(
      `SELECT (SELECT count(*)::int FROM notifications) AS n,
              (SELECT count(*)::int FROM outbox WHERE type = 'notifications.notification.created') AS events`,
    );
    expect(rows[0]!.events).toBe(rows[0]!.n);
  });

  it("unread count, marking read: only the caller's own notifications change", async () => {
    const count = async (c: Caller) =>
      (await h.ok<{ unreadNotificationCount: number }>(c, `{ unreadNotificationCount }`)).unreadNotificationCount;
    expect(await count(olga)).toBe(3); // registered, assigned, warning
    const olgaIds = (await inbox(olga)).edges.map((e) => e.node.id as string);
    // Dora cannot mark Olga's notifications read.
    expect(
      (
        await h.ok<{ markNotificationsRead: number }>(
          dora,
          `mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) }`,
          { ids: olgaIds },
        )
      ).markNotificationsRead,
    ).toBe(0);
    expect(await count(olga)).toBe(3);
    expect(
      (
        await h.ok<{ markNotificationsRead: number }>(
          olga,
          `mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) }`,
          { ids: [olgaIds[0]] },
        )
      ).markNotificationsRead,
    ).toBe(1);
    expect(await count(olga)).toBe(2);
    expect(
      (await h.ok<{ markAllNotificationsRead: number }>(olga, `mutation { markAllNotificationsRead }`))
        .markAllNotificationsRead,
    ).toBe(2);
    expect(await count(olga)).toBe(0);
    expect(await count(dora)).toBe(2);
    // Another's notification by id: null, never its content.
    expect(
      (
        await h.ok<{ notification: unknown }>(dora, `query($id: ID!) { notification(id: $id) { title } }`, {
          id: olgaIds[0],
        })
      ).notification,
    ).toBeNull();
    const unread = await h.ok<{ myNotifications: { totalCount: number } }>(
      olga,
      `{ myNotifications(unreadOnly: true) { totalCount } }`,
    );
    expect(unread.myNotifications.totalCount).toBe(0);
  });

  it('limits: at most 500 ids at once, ids must be ids, pages of at most 100, anonymous callers refused', async () => {
    const many = Array.from({ length: 501 }, () => newId());
    const tooMany = await h.refused(olga, `mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) }`, { ids: many });
    expect(tooMany.code).toBe('BAD_USER_INPUT');
    expect(tooMany.message).toContain('at most 500');
    expect((await h.refused(olga, `mutation { markNotificationsRead(ids: ["x"]) }`)).code).toBe('BAD_USER_INPUT');
    expect((await h.refused(olga, `{ myNotifications(first: 1000) { totalCount } }`)).code).toBe('BAD_USER_INPUT');
    expect((await h.refused({ kind: 'anonymous' }, `{ unreadNotificationCount }`)).code).toBe('UNAUTHENTICATED');
    expect((await h.refused({ kind: 'anonymous' }, `mutation { markAllNotificationsRead }`)).code).toBe(
      'UNAUTHENTICATED',
    );
  });
});
