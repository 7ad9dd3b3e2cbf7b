import { newId, type TicketAfterChange } from '@reglament/shared/domain';
import { customerActor, event, staffActor, ticketAfterChange } from './support/events';
import { NotificationsHarness } from './support/harness';
import { type Person, seedContact, seedContract, seedStaff } from './support/people';
import { freePort, TestSmtp } from './support/smtp';

/**
 * E-mail on real PostgreSQL and NATS and a real SMTP conversation (an `smtp-server` started by
 * the test): nothing is lost while the server is down and nothing arrives twice, one thread per
 * ticket, Russian and English texts with the portal link, HTML escaped, preferences (legally
 * required kinds still go), retries ending DEAD, and the ADMIN delivery log.
 */
describe('notifications: e-mail', () => {
  let h: NotificationsHarness;
  let smtp: TestSmtp;
  const org = newId();
  let contractId: string;
  let olga: Person;
  let egor: Person;
  let dora: Person;
  let quiet: Person;
  const admin = { kind: 'user', id: newId(), role: 'ADMIN', organizationId: null, name: 'Alla' } as const;
  let ticket: TicketAfterChange;

  /** Runs the sender until it has nothing due (the test clock decides what is due). */
  const send = () => h.service.deliveries.wake();
  const emails = async (ticketId: string) =>
    h.query<{ recipient: string; status: string; attempts: number; kind: string; last_error: string | null }>(
      `SELECT recipient, status, attempts, kind, last_error FROM deliveries WHERE channel = 'EMAIL' AND ticket_id = $1
       ORDER BY recipient, kind`,
      [ticketId],
    );

  beforeAll(async () => {
    smtp = new TestSmtp(await freePort());
    h = await NotificationsHarness.start({
      mail: {
        smtpUrl: smtp.url,
        from: 'Support <support@provider.example>',
        portalUrl: 'https://portal.example/',
        maxAttempts: 3,
      },
    });
    contractId = await seedContract(h, org);
    olga = await seedContact(h, org, 'Olga');
    quiet = await seedContact(h, org, 'Quiet', { emailOff: ['MESSAGE_ADDED', 'CLARIFICATION_REQUESTED'] });
    egor = await seedStaff(h, 'ENGINEER', 'Egor', { language: 'EN' });
    dora = await seedStaff(h, 'DISPATCHER', 'Dora');
    ticket = ticketAfterChange({
      organizationId: org,
      contractId,
      requesterId: olga.id,
      number: 'T-2025-000123',
      title: 'Report prints blank',
      status: 'REGISTERED',
    });
  });
  afterAll(async () => {
    await h?.stop();
    await smtp?.close();
  });

  it('SMTP down, then up: each e-mail arrives once, after a backoff, and every attempt is in the log (R-NTF-3)', async () => {
    const registered = event('tickets.ticket.registered', org, {
      ticket,
      actor: customerActor(olga.id),
      ticketId: ticket.ticketId,
      organizationId: org,
      answeredOnCall: null,
    });
    await h.deliver(registered);
    await send();
    expect((await emails(ticket.ticketId)).map((d) => [d.recipient, d.status, d.attempts])).toEqual([
      [dora.email, 'FAILED', 1],
      [olga.email, 'FAILED', 1],
    ]);
    expect((await emails(ticket.ticketId))[0]!.last_error).toMatch(/ECONNREFUSED|connect/i);

    await smtp.listen();
    await send(); // not due yet: the backoff (1 minute after the first failure) has not passed
    expect(smtp.received).toHaveLength(0);
    h.clock.set(new Date(h.clock.now().getTime() + 60_000));
    await send();
    expect((await emails(ticket.ticketId)).map((d) => [d.recipient, d.status, d.attempts])).toEqual([
      [dora.email, 'SENT', 2],
      [olga.email, 'SENT', 2],
    ]);
    // The log shows every attempt: refused at 07:00 (the harness clock), sent a minute later.
    type Attempts = {
      deliveries: { edges: { node: { attemptLog: { at: string; status: string; error: string | null }[] } }[] };
    };
    const log = await h.ok<Attempts>(
      admin,
      `query($r: String) { deliveries(filter: { channel: EMAIL, recipient: $r }) { edges { node { attemptLog { at status error } } } } }`,
      { r: olga.email },
    );
    const attempts = log.deliveries.edges[0]!.node.attemptLog;
    expect(attempts.map((a) => [a.at, a.status])).toEqual([
      ['2025-03-03T07:00:00.000Z', 'FAILED'],
      ['2025-03-03T07:01:00.000Z', 'SENT'],
    ]);
    expect(attempts[0]!.error).toMatch(/ECONNREFUSED|connect/i);
    expect(attempts[1]!.error).toBeNull();
    // The same event delivered again and the sender run again: nothing more arrives.
    await h.deliver(registered);
    await send();
    expect(smtp.to(olga.email)).toHaveLength(1);
    expect(smtp.to(dora.email)).toHaveLength(1);
  });

  it('one thread per ticket, the number in the subject, Russian text and HTML with the portal link', () => {
    const [mail] = smtp.to(olga.email);
    const notificationId = /^<t\.[0-9a-f-]+\.([0-9a-f-]+)@provider\.example>$/.exec(mail!.messageId ?? '')?.[1];
    expect(mail!.messageId).toBe(`<t.${ticket.ticketId}.${notificationId}@provider.example>`);
    expect(mail!.inReplyTo).toBe(`<t.${ticket.ticketId}@provider.example>`);
    expect(mail!.references).toBe(`<t.${ticket.ticketId}@provider.example>`);
    expect(mail!.subject).toBe('[T-2025-000123] Обращение T-2025-000123 зарегистрировано');
    expect(mail!.from?.value).toEqual([{ name: 'Support', address: 'support@provider.example' }]);
    expect(mail!.text).toBe(
      'Здравствуйте, Olga!\n\nВаше обращение «Report prints blank» зарегистрировано под номером T-2025-000123.\n\n' +
        `Открыть обращение: https://portal.example/tickets/${ticket.ticketId}\n\n--\nReglament: письмо отправлено автоматически.\n`,
    );
    expect(mail!.html).toContain(`<a href="https://portal.example/tickets/${ticket.ticketId}">`);
    expect(mail!.headers.get('auto-submitted')).toBe('auto-generated');
  });

  it('English for an English-speaking engineer; a second mail of the ticket joins the same thread', async () => {
    ticket = { ...ticket, assigneeId: egor.id, status: 'IN_ANALYSIS', version: 2 };
    await h.publish('tickets.ticket.assigned', org, {
      ticket,
      actor: staffActor(dora.id),
      ticketId: ticket.ticketId,
      organizationId: org,
      assigneeId: egor.id,
      previousAssigneeId: null,
    });
    await send();
    const [mail] = smtp.to(egor.email);
    expect(mail!.subject).toBe('[T-2025-000123] Ticket T-2025-000123 assigned to you');
    expect(mail!.text).toContain('Hello Egor,\n\nTicket T-2025-000123 "Report prints blank" is assigned to you.');
    expect(mail!.inReplyTo).toBe(`<t.${ticket.ticketId}@provider.example>`);
    const second = smtp.to(olga.email)[1]!;
    expect(second.subject).toBe('[T-2025-000123] Обращение T-2025-000123: назначен исполнитель');
    expect(second.references).toBe(`<t.${ticket.ticketId}@provider.example>`);
    expect(second.messageId).not.toBe(smtp.to(olga.email)[0]!.messageId);
  });

  it('a message body is escaped in the HTML part and kept as written in the text part', async () => {
    await h.publish('tickets.ticket.message_added', org, {
      ticket,
      actor: staffActor(egor.id),
      ticketId: ticket.ticketId,
      organizationId: org,
      messageId: newId(),
      internal: false,
      fromProvider: true,
      body: 'Try <script>alert(1)</script> & reboot',
    });
    await send();
    const mail = smtp.to(olga.email).find((m) => m.subject?.includes('новое сообщение'))!;
    expect(mail.text).toContain('Try <script>alert(1)</script> & reboot');
    expect(mail.html).toContain('Try &lt;script&gt;alert(1)&lt;/script&gt; &amp; reboot');
    expect(mail.html).not.toContain('<script>');
  });

  it('preferences: e-mail off for a kind stops that e-mail only; legally required kinds still go (R-TKT-9)', async () => {
    const quietTicket = { ...ticket, ticketId: newId(), requesterId: quiet.id, number: 'T-2025-000124' };
    const base = { ticket: quietTicket, ticketId: quietTicket.ticketId, organizationId: org };
    await h.publish('tickets.ticket.message_added', org, {
      ...base,
      actor: staffActor(egor.id),
      messageId: newId(),
      internal: false,
      fromProvider: true,
      body: 'Hello',
    });
    await h.publish('tickets.ticket.status_changed', org, {
      ...base,
      ticket: { ...quietTicket, status: 'AWAITING_CLARIFICATION' },
      actor: staffActor(egor.id),
      transition: 'REQUEST_CLARIFICATION',
      fromStatus: 'IN_PROGRESS',
      toStatus: 'AWAITING_CLARIFICATION',
      note: 'Which printer?',
    });
    await send();
    expect((await emails(quietTicket.ticketId)).map((d) => [d.kind, d.status])).toEqual([
      ['CLARIFICATION_REQUESTED', 'SENT'],
    ]);
    const inApp = await h.query<{ kind: string }>(
      `SELECT kind FROM deliveries WHERE channel = 'IN_APP' AND ticket_id = $1 ORDER BY kind`,
      [quietTicket.ticketId],
    );
    expect(inApp.map((d) => d.kind)).toEqual(['CLARIFICATION_REQUESTED', 'MESSAGE_ADDED']);
    const mail = smtp.to(quiet.email)[0]!;
    expect(mail.text).toContain('Which printer?');
    expect(mail.text).toContain('в течение 3 рабочих дней');
  });

  it('retries are bounded: after MAIL_MAX_ATTEMPTS failures the e-mail is DEAD and shown in the log', async () => {
    await smtp.close();
    await h.publish('tickets.ticket.closed', org, {
      ticket: { ...ticket, status: 'CLOSED', closeReason: 'DUPLICATE' },
      actor: staffActor(dora.id),
      ticketId: ticket.ticketId,
      organizationId: org,
      fromStatus: 'IN_PROGRESS',
      toStatus: 'CLOSED',
      reason: 'DUPLICATE',
      comment: null,
    });
    for (let i = 0; i < 3; i++) {
      await send();
      h.clock.set(new Date(h.clock.now().getTime() + 3600_000));
    }
    const dead = await h.ok<{ deliveries: { totalCount: number; edges: { node: Record<string, unknown> }[] } }>(
      admin,
      `query($t: ID) { deliveries(filter: { ticketId: $t, status: DEAD }) { totalCount
         edges { node { channel kind recipient status attempts lastError sentAt attemptLog { status } } } } }`,
      { t: ticket.ticketId },
    );
    expect(dead.deliveries.totalCount).toBe(1);
    expect(dead.deliveries.edges[0]!.node).toMatchObject({
      channel: 'EMAIL',
      kind: 'TICKET_CLOSED',
      recipient: olga.email,
      status: 'DEAD',
      attempts: 3,
      sentAt: null,
      attemptLog: [{ status: 'FAILED' }, { status: 'FAILED' }, { status: 'DEAD' }],
    });
  });

  it('the delivery log: ADMIN only, filters by channel and recipient, bounded pages', async () => {
    const olgaEmails = await h.ok<{ deliveries: { totalCount: number } }>(
      admin,
      `query($r: String) { deliveries(filter: { channel: EMAIL, recipient: $r }) { totalCount } }`,
      { r: olga.email.toUpperCase() },
    );
    // registered, assigned, message, closed (DEAD)
    expect(olgaEmails.deliveries.totalCount).toBe(4);
    const olgaInApp = await h.ok<{ deliveries: { totalCount: number } }>(
      admin,
      `query($r: String) { deliveries(filter: { channel: IN_APP, recipient: $r }) { totalCount } }`,
      { r: olga.id },
    );
    expect(olgaInApp.deliveries.totalCount).toBe(4);
    expect((await h.refused(dora, `{ deliveries { totalCount } }`)).code).toBe('FORBIDDEN');
    expect((await h.refused(olga, `{ deliveries { totalCount } }`)).code).toBe('FORBIDDEN');
    expect((await h.refused(admin, `{ deliveries(first: 101) { totalCount } }`)).code).toBe('BAD_USER_INPUT');
    expect((await h.refused(admin, `{ deliveries(filter: { ticketId: "nope" }) { totalCount } }`)).code).toBe(
      'BAD_USER_INPUT',
    );
  });
});
