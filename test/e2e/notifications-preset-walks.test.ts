import { eventually } from '@reglament/shared/testing';
import { freePort, TestSmtp } from '../../services/notifications/test/support/smtp';
import { mintToken, subscribe, TestSystem } from '../support/system';

/**
 * Issue 14, "done when": the other four presets' lifecycles (imc-typical is walked in
 * notifications-lifecycle.test.ts) walked through the gateway on real PostgreSQL and NATS, the
 * clock set before each step as in sla-preset-walks.test.ts, leave the right notifications for
 * the right people in the portal and by e-mail, received by a real SMTP server (`smtp-server`)
 * this test starts (R-NTF-1, R-TKT-1, R-TKT-9, R-TKT-12, R-SLA-9, R-SLA-11, R-CON-6, R-TKT-13).
 *
 * People of every walk: Anna (the requester), Boris (a contact of her organization who follows
 * the ticket), Pavel (the engineer, assigned at triage), Dora (the only dispatcher, who
 * acknowledges and triages) and Greta (a contact of another organization, told nothing).
 * Who is told what comes from the rules table (docs/notifications.md): the customer side
 * (requester + followers) hears registration (the requester only, with the number), status
 * moves, assignment, planned date, priority, provider messages, solutions, closing, failure
 * reports and SLA warnings; the assignee hears the assignment, the customer's answers and
 * remarks, warnings and breaches; dispatchers new tickets, warnings and breaches. Nobody is
 * told of the change they made themselves. Every notification also goes out by e-mail (nobody
 * here turned a kind off), so each person's e-mails about a ticket carry exactly the subjects
 * `[number] title` of their in-app notifications about it. Last, the production calendars'
 * coverage alarm reaches the admins only.
 */
describe('notifications: the five presets walked through the gateway, both channels', () => {
  let sys: TestSystem;
  let smtp: TestSmtp;
  let admin: string;
  let dora: Person;
  let greta: Person;

  interface Person {
    id: string;
    token: string;
    email: string;
  }
  interface Walk {
    anna: Person;
    boris: Person;
    pavel: Person;
    contractId: string;
  }
  type Node = { kind: string; title: string; ticketId: string | null };

  beforeAll(async () => {
    smtp = new TestSmtp(await freePort());
    await smtp.listen();
    sys = await TestSystem.start({
      mail: { smtpUrl: smtp.url, from: 'Support <support@provider.example>', portalUrl: 'https://portal.example' },
    });
    admin = await mintToken({ sub: '00000000-0000-7000-8000-000000000001', role: 'ADMIN' });
    dora = await staff('DISPATCHER', 'Dora Dispatcher', 'dora@provider.example');
    const other = await organization('Other');
    greta = await contact(other, 'Greta Other', 'greta@other.example');
  });
  afterAll(async () => {
    await sys?.stop();
    await smtp?.close();
  });

  async function staff(role: string, name: string, email: string): Promise<Person> {
    const { addStaff } = await sys.ok<{ addStaff: { id: string } }>(
      `mutation($r: Role!, $n: String!, $e: String!) { addStaff(input: { fullName: $n, email: $e, role: $r,
         password: "correct horse battery staple" }) { id } }`,
      { r: role, n: name, e: email },
      admin,
    );
    return { id: addStaff.id, email, token: await mintToken({ sub: addStaff.id, role: role as 'ENGINEER', name }) };
  }
  async function organization(name: string): Promise<string> {
    const { createOrganization } = await sys.ok<{ createOrganization: { id: string } }>(
      `mutation($n: String!, $e: String!) { createOrganization(input: { name: $n, email: $e }) { id } }`,
      { n: name, e: `it@${name.toLowerCase()}.example` },
      admin,
    );
    return createOrganization.id;
  }
  async function contact(org: string, name: string, email: string): Promise<Person> {
    const { addContact } = await sys.ok<{ addContact: { id: string } }>(
      `mutation($o: ID!, $n: String!, $e: String!) { addContact(input: { organizationId: $o, fullName: $n, email: $e }) { id } }`,
      { o: org, n: name, e: email },
      admin,
    );
    return { id: addContact.id, email, token: await mintToken({ sub: addContact.id, role: 'CUSTOMER', org, name }) };
  }

  async function walkUnder(preset: string): Promise<Walk> {
    const org = await organization(`${preset}-customer`);
    const anna = await contact(org, 'Anna Smirnova', `anna@${preset}.example`);
    const boris = await contact(org, 'Boris Petrov', `boris@${preset}.example`);
    const pavel = await staff('ENGINEER', 'Pavel Engineer', `pavel-${preset}@provider.example`);
    const { createContract } = await sys.ok<{ createContract: { id: string } }>(
      `mutation($o: ID!, $p: String!) { createContract(input: { organizationId: $o, number: $p, preset: $p,
         startsOn: "2025-01-01", endsOn: "2025-12-31" }) { id } }`,
      { o: org, p: preset },
      admin,
    );
    return { anna, boris, pavel, contractId: createContract.id };
  }

  /** Every part moves to `iso` (the clock travels over NATS) before the next step. */
  async function clockAt(iso: string) {
    const target = new Date(iso).getTime();
    await sys.ok(`mutation($at: DateTime!) { setClock(at: $at) }`, { at: iso }, admin);
    await eventually(() => sys.system.platforms.every((p) => p.clock.nowMs() === target));
  }

  async function act(token: string, mutation: string, variables: Record<string, unknown>) {
    const result = await sys.gql(mutation, variables, token);
    if (result.errors) throw new Error(`${mutation}: ${JSON.stringify(result.errors)}`);
  }

  /** Anna registers; Boris follows it as soon as notifications knows the ticket. */
  async function register(w: Walk, input: Record<string, unknown>): Promise<{ id: string; number: string }> {
    const ticket = await eventually(async () => {
      const result = await sys.gql<{ registerTicket: { id: string; number: string } }>(
        `mutation($input: RegisterTicketInput!) { registerTicket(input: $input) { id number } }`,
        { input: { contractId: w.contractId, channel: 'PORTAL', title: 'Walk', description: 'Walking', ...input } },
        w.anna.token,
      );
      return result.data?.registerTicket;
    });
    await eventually(
      async () =>
        !(await sys.gql(`mutation($id: ID!) { followTicket(id: $id) { id } }`, { id: ticket.id }, w.boris.token))
          .errors,
    );
    return ticket;
  }

  async function inbox(p: Person, ticketId: string | null): Promise<Node[]> {
    const { myNotifications } = await sys.ok<{ myNotifications: { edges: { node: Node }[] } }>(
      `{ myNotifications(first: 100) { edges { node { kind title ticketId } } } }`,
      {},
      p.token,
    );
    return myNotifications.edges.map((e) => e.node).filter((n) => n.ticketId === ticketId);
  }
  const kindsOf = (nodes: Node[]) => nodes.map((n) => n.kind).sort();

  /**
   * Waits until the SLA service shows the ticket's clock `metric` in `status`: a step that stops a
   * clock must be applied before the clock jumps past its deadline (else it is breached meanwhile).
   */
  async function clock(ticketId: string, metric: string, status: string) {
    await eventually(async () => {
      const { ticket } = await sys.ok<{ ticket: { sla: { timers: { metric: string; status: string }[] } } }>(
        `query($id: ID!) { ticket(id: $id) { sla { timers { metric status } } } }`,
        { id: ticketId },
        admin,
      );
      return ticket.sla.timers.some((t) => t.metric === metric && t.status === status);
    });
  }

  /** Waits until `p` holds `count` notifications of `kind` about the ticket (the clock raised them). */
  async function told(p: Person, ticketId: string, kind: string, count = 1) {
    await eventually(async () => (await inbox(p, ticketId)).filter((n) => n.kind === kind).length >= count);
  }

  /**
   * Each person's in-app notifications about the ticket are exactly `expected` (kinds), their
   * e-mails about it carry the same `[number] title` subjects, and Greta has nothing at all.
   */
  async function expectTold(ticket: { id: string; number: string }, expected: [Person, string[]][]) {
    for (const [person, kinds] of expected) {
      const nodes = await eventually(async () => {
        const got = await inbox(person, ticket.id);
        return got.length >= kinds.length ? got : null;
      }).catch(async (error: unknown) => {
        // Say who is missing what (the failure otherwise names no one).
        const got = kindsOf(await inbox(person, ticket.id));
        throw new Error(
          `${person.email} holds ${JSON.stringify(got)}, expected ${JSON.stringify(kinds)}: ${String(error)}`,
        );
      });
      expect(kindsOf(nodes)).toEqual([...kinds].sort());
      const subjects = nodes.map((n) => `[${ticket.number}] ${n.title}`).sort();
      const mails = await eventually(() => {
        const got = smtp.to(person.email).filter((m) => m.subject?.startsWith(`[${ticket.number}]`));
        return got.length >= kinds.length ? got : null;
      });
      expect(mails.map((m) => m.subject).sort()).toEqual(subjects);
      expect(mails.every((m) => m.references?.includes(`<t.${ticket.id}@provider.example>`))).toBe(true);
    }
    const { myNotifications } = await sys.ok<{ myNotifications: { totalCount: number } }>(
      `{ myNotifications { totalCount } }`,
      {},
      greta.token,
    );
    expect(myNotifications.totalCount).toBe(0);
    expect(smtp.to(greta.email)).toEqual([]);
  }

  it('asmo: warnings fired by the clock reach both parties and the follower; the follower hears, live too, of the closing he did not make', async () => {
    const w = await walkUnder('asmo');
    const { anna, boris, pavel } = w;
    await clockAt('2025-06-20T16:00:00+03:00'); // Fri
    const t = await register(w, { category: 'ERROR', priority: 'HIGH' });
    const id = t.id;
    // Boris (a follower) and Greta listen live on notificationAdded.
    type Added = { notificationAdded: { kind: string; ticket: { id: string } | null } };
    const live = `subscription { notificationAdded { kind ticket { id } } }`;
    const borisWs = sys.wsClient(boris.token);
    const gretaWs = sys.wsClient(greta.token);
    const borisLive = subscribe<Added>(borisWs, live);
    const gretaLive = subscribe<Added>(gretaWs, live);
    await eventually(() => sys.system.gateway.hub.subscriberCount >= 2);
    // Reaction 2 working hours: Fri 16:00-17:00 + Mon 08:45-09:45; warned a quarter (30 min) before: Mon 09:15.
    await clockAt('2025-06-23T09:20:00+03:00');
    await told(dora, id, 'SLA_WARNING'); // nobody assigned yet: requester, follower, dispatchers
    // The first response (a public message with the acknowledgement) meets the reaction.
    await act(dora.token, `mutation($id: ID!) { acknowledgeTicket(id: $id, message: "On it") { id } }`, { id });
    await clock(id, 'REACTION', 'MET');
    await clockAt('2025-06-23T10:00:00+03:00');
    await act(
      dora.token,
      `mutation($id: ID!, $a: ID!) { triageTicket(id: $id, input: { category: ERROR, priority: HIGH, assigneeId: $a,
         plannedResolutionAt: "2025-06-23T16:00:00+03:00" }) { id } }`,
      { id, a: pavel.id },
    );
    // Resolution 8 working hours from registration: 1 h Friday + 7 h Monday from 08:45 = Mon 15:45;
    // warned 2 h (a quarter) before: Mon 13:45.
    await clockAt('2025-06-23T15:00:00+03:00');
    await told(pavel, id, 'SLA_WARNING');
    await act(pavel.token, `mutation($id: ID!) { provideSolution(id: $id, solution: "Patched") { id } }`, { id });
    await clock(id, 'RESOLUTION', 'MET');
    await clockAt('2025-06-23T15:30:00+03:00');
    await act(anna.token, `mutation($id: ID!) { acceptSolution(id: $id) { id } }`, { id });

    const customerSide = [
      'SLA_WARNING', // reaction, Mon 09:15
      'STATUS_CHANGED', // acknowledged, with "On it" (the first response)
      'STATUS_CHANGED', // triaged: in progress
      'ASSIGNED',
      'PLANNED_DATE_CHANGED',
      'SLA_WARNING', // resolution, Mon 13:45
      'SOLUTION_PROVIDED',
    ];
    // Live: Boris heard every one of his as it happened; Greta nothing.
    await eventually(() => borisLive.received.length >= customerSide.length + 1);
    expect(borisLive.received.map((r) => r.data?.notificationAdded.kind).sort()).toEqual(
      [...customerSide, 'TICKET_CLOSED'].sort(),
    );
    expect(borisLive.received.every((r) => r.data?.notificationAdded.ticket?.id === id)).toBe(true);
    expect(gretaLive.received).toEqual([]);
    borisLive.unsubscribe();
    gretaLive.unsubscribe();
    await borisWs.dispose();
    await gretaWs.dispose();
    await expectTold(t, [
      [anna, ['TICKET_REGISTERED', ...customerSide]], // she closed it herself: no TICKET_CLOSED
      [boris, [...customerSide, 'TICKET_CLOSED']], // followed after registration; Anna closed it, not he
      [pavel, ['ASSIGNED', 'SLA_WARNING']], // the reaction warning came before he was assigned
      [dora, ['TICKET_REGISTERED', 'SLA_WARNING', 'SLA_WARNING']],
    ]);

    // R-TKT-13: the ticket's history shows Anna what her organization was told (8 + 8), never
    // what Pavel and Dora were told; Dora sees all 8 + 8 + 2 + 3 = 21; Greta cannot reach it.
    // The acknowledgement's first response reaches the customer side with the status move.
    const { myNotifications } = await sys.ok<{
      myNotifications: { edges: { node: { body: string; ticketId: string } }[] };
    }>(`{ myNotifications(first: 100) { edges { node { body ticketId } } } }`, {}, boris.token);
    expect(myNotifications.edges.map((e) => e.node.body)).toContain(
      `Статус обращения ${t.number} «Walk» изменён: Зарегистрировано → Первичный анализ.\n\nOn it`,
    );
    type History = { ticket: { notifications: { totalCount: number; edges: { node: { recipientName: string } }[] } } };
    const history = `query($id: ID!) { ticket(id: $id) { notifications(first: 100) { totalCount edges { node { recipientName } } } } }`;
    const forAnna = await sys.ok<History>(history, { id }, anna.token);
    expect(forAnna.ticket.notifications.totalCount).toBe(16);
    expect(new Set(forAnna.ticket.notifications.edges.map((e) => e.node.recipientName))).toEqual(
      new Set(['Anna Smirnova', 'Boris Petrov']),
    );
    expect((await sys.ok<History>(history, { id }, dora.token)).ticket.notifications.totalCount).toBe(21);
    const foreign = await sys.gql<History>(history, { id }, greta.token);
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // The delivery log (ADMIN): the 21 notifications each once in the portal and once by e-mail,
    // every e-mail SENT at its first attempt (the SMTP server was up all along).
    type Log = { deliveries: { totalCount: number; edges: { node: { status: string; attempts: number } }[] } };
    const log = async (channel: string) =>
      (
        await sys.ok<Log>(
          `query($t: ID, $c: DeliveryChannel) { deliveries(first: 100, filter: { ticketId: $t, channel: $c }) {
             totalCount edges { node { status attempts } } } }`,
          { t: id, c: channel },
          admin,
        )
      ).deliveries;
    const emailed = await eventually(async () => {
      const got = await log('EMAIL');
      return got.edges.every((e) => e.node.status === 'SENT') ? got : null;
    });
    expect(emailed.totalCount).toBe(21);
    expect(new Set(emailed.edges.map((e) => e.node.attempts))).toEqual(new Set([1]));
    expect((await log('IN_APP')).totalCount).toBe(21);
    // Greta cannot follow it either (tenant isolation): the ticket does not exist for her.
    const follow = await sys.gql(`mutation($id: ID!) { followTicket(id: $id) { id } }`, { id }, greta.token);
    expect(follow.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('kz-supplier: the term proposed to the customer side and agreed to the dispatchers; the late on-site arrival a breach for the provider, its failure report for the customer side (R-SLA-11)', async () => {
    const w = await walkUnder('kz-supplier');
    const { anna, boris, pavel } = w;
    await clockAt('2025-07-16T17:00:00+05:00'); // Wed, Almaty
    const t = await register(w, { category: 'ERROR', priority: 'HIGH' });
    const id = t.id;
    await clockAt('2025-07-16T17:10:00+05:00');
    await act(dora.token, `mutation($id: ID!) { acknowledgeTicket(id: $id) { id } }`, { id });
    // Term agreement 2 working hours: Wed 17:00-18:00 + Thu 09:00-10:00; warned 30 min before: Thu 09:30.
    await clockAt('2025-07-17T09:40:00+05:00');
    await told(dora, id, 'SLA_WARNING');
    await act(
      dora.token,
      `mutation($id: ID!) { proposePlannedDate(id: $id, plannedResolutionAt: "2025-07-21T18:00:00+05:00") { id } }`,
      { id },
    );
    await clockAt('2025-07-17T09:45:00+05:00');
    // 003 item 2: Anna agrees the term (it becomes the planned date; TERM_AGREEMENT stops).
    await act(anna.token, `mutation($id: ID!) { agreePlannedDate(id: $id) { id } }`, { id });
    await clock(id, 'TERM_AGREEMENT', 'MET');
    await act(
      dora.token,
      `mutation($id: ID!, $a: ID!) { triageTicket(id: $id, input: { category: ERROR, priority: HIGH, assigneeId: $a }) { id } }`,
      { id, a: pavel.id },
    );
    // Resolution: the agreed date, Mon 21 July 18:00; its warning (1 working day before, Fri 18:00) never comes.
    await clockAt('2025-07-17T10:00:00+05:00');
    await act(anna.token, `mutation($id: ID!) { requestOnSiteVisit(id: $id, note: "Server down") { id } }`, { id });
    await clock(id, 'ON_SITE', 'RUNNING');
    // On site within 3 calendar hours: 13:00, no warning; at 13:30 it is breached.
    await clockAt('2025-07-17T13:30:00+05:00');
    await told(pavel, id, 'FAILURE_REPORT_REQUIRED');
    await act(pavel.token, `mutation($id: ID!) { recordOnSiteArrival(id: $id) { id } }`, { id });
    await clockAt('2025-07-18T11:00:00+05:00');
    await act(pavel.token, `mutation($id: ID!) { provideSolution(id: $id, solution: "Disk replaced") { id } }`, { id });
    await act(
      pavel.token,
      `mutation($id: ID!) { submitFailureReport(ticketId: $id, causes: "Traffic", measures: "Standby engineer") { id } }`,
      { id },
    );
    await eventually(
      async () => !(await sys.gql(`mutation($id: ID!) { acceptSolution(id: $id) { id } }`, { id }, anna.token)).errors,
    );

    const customerSide = [
      'STATUS_CHANGED', // acknowledged
      'SLA_WARNING', // term agreement, Thu 09:30
      'PLANNED_DATE_PROPOSED',
      'STATUS_CHANGED', // triaged
      'ASSIGNED',
      'SOLUTION_PROVIDED',
      'FAILURE_REPORT_SUBMITTED',
    ];
    await expectTold(t, [
      [anna, ['TICKET_REGISTERED', ...customerSide]], // she agreed the date and closed it herself
      [boris, [...customerSide, 'PLANNED_DATE_CHANGED', 'TICKET_CLOSED']],
      [pavel, ['ASSIGNED', 'SLA_BREACHED', 'FAILURE_REPORT_REQUIRED']], // on site, after his assignment
      // The agreement came while nobody was assigned: the dispatchers hear it.
      [dora, ['TICKET_REGISTERED', 'SLA_WARNING', 'PLANNED_DATE_AGREED', 'SLA_BREACHED', 'FAILURE_REPORT_REQUIRED']],
    ]);
  });

  it('infocraft-365: prepaid time used up reaches the dispatchers and every contact (R-CON-6); rework goes to the engineer', async () => {
    const w = await walkUnder('infocraft-365');
    const { anna, boris, pavel } = w;
    await clockAt('2025-09-10T09:00:00+03:00');
    await act(
      admin,
      `mutation($c: ID!) { addHourPackage(input: { contractId: $c, kind: SUBSCRIPTION, minutesPerMonth: 120, startsOn: "2025-09-01",
         reactionWorkingMinutes: 240 }) { id } }`,
      { c: w.contractId },
    );
    await clockAt('2025-09-10T10:00:00+03:00'); // Wed
    const t = await register(w, { category: 'SUPPORT' });
    const id = t.id;
    // Reaction 4 working hours -> 14:00, warned an hour (a quarter) before: 13:00. At 12:00 the
    // prepaid time is used up (R-CON-6): the reaction is not guaranteed, so it is never warned.
    await clockAt('2025-09-10T12:00:00+03:00');
    await act(
      admin,
      `mutation($c: ID!) { correctPrepaid(input: { contractId: $c, minutes: -120, reason: "used up" }) { __typename } }`,
      { c: w.contractId },
    );
    await clock(id, 'REACTION', 'NOT_GUARANTEED');
    for (const p of [anna, boris, dora]) {
      const prepaid = await eventually(async () => {
        const got = await inbox(p, null);
        return got.length > 0 ? got : null;
      });
      expect(prepaid.map((n) => [n.kind, n.title])).toEqual([
        ['PREPAID_EXHAUSTED', 'Предоплаченное время за 2025-09 исчерпано'],
      ]);
      await eventually(() => smtp.to(p.email).some((m) => m.subject === 'Предоплаченное время за 2025-09 исчерпано'));
    }
    expect(await inbox(pavel, null)).toEqual([]); // an engineer is not told of the contract's balance
    await clockAt('2025-09-11T10:00:00+03:00'); // Thu
    await act(
      admin,
      `mutation($c: ID!) { correctPrepaid(input: { contractId: $c, minutes: 60, reason: "refill" }) { __typename } }`,
      { c: w.contractId },
    );
    await clock(id, 'REACTION', 'RUNNING');
    // 2 h left from Thu 10:00 -> 12:00; every step below comes before any warning of it.
    await clockAt('2025-09-11T10:30:00+03:00');
    await act(dora.token, `mutation($id: ID!) { acknowledgeTicket(id: $id) { id } }`, { id });
    await act(
      dora.token,
      `mutation($id: ID!, $a: ID!) { triageTicket(id: $id, input: { category: SUPPORT, priority: NORMAL, assigneeId: $a,
         plannedResolutionAt: "2025-09-12T15:00:00+03:00" }) { id } }`,
      { id, a: pavel.id },
    );
    await act(pavel.token, `mutation($id: ID!) { addMessage(ticketId: $id, body: "Looking into it") { id } }`, { id });
    await act(
      pavel.token,
      `mutation($id: ID!) { addMessage(ticketId: $id, body: "Customer's config is odd", internal: true) { id } }`,
      { id },
    );
    await act(pavel.token, `mutation($id: ID!) { provideSolution(id: $id, solution: "Use report B") { id } }`, { id });
    await act(anna.token, `mutation($id: ID!) { returnSolution(id: $id, remarks: "B lacks totals") { id } }`, { id });
    await act(pavel.token, `mutation($id: ID!) { provideSolution(id: $id, solution: "Report B v2") { id } }`, { id });
    await act(anna.token, `mutation($id: ID!) { acceptSolution(id: $id) { id } }`, { id });

    const customerSide = [
      'STATUS_CHANGED', // acknowledged
      'STATUS_CHANGED', // triaged
      'ASSIGNED',
      'PLANNED_DATE_CHANGED',
      'MESSAGE_ADDED', // the public one; the internal note reaches no customer
      'SOLUTION_PROVIDED',
      'SOLUTION_PROVIDED', // after the remarks
    ];
    await expectTold(t, [
      [anna, ['TICKET_REGISTERED', ...customerSide]],
      [boris, [...customerSide, 'TICKET_CLOSED']],
      [pavel, ['ASSIGNED', 'SOLUTION_RETURNED']],
      [dora, ['TICKET_REGISTERED']],
    ]);
  });

  it('altec-8x5x4: a warning then a breach of processing, a priority change, and the auto-close told to the customer side (R-TKT-12)', async () => {
    const w = await walkUnder('altec-8x5x4');
    const { anna, boris, pavel } = w;
    await clockAt('2025-10-27T17:00:00+03:00'); // Mon
    const t = await register(w, {});
    const id = t.id;
    // Processing (Normal) 1 working hour -> Mon 18:00; warned 15 min (a quarter) before: 17:45.
    await clockAt('2025-10-27T17:50:00+03:00');
    await told(dora, id, 'SLA_WARNING');
    await clockAt('2025-10-28T09:05:00+03:00'); // breached at Mon 18:00: the provider side only
    await told(dora, id, 'SLA_BREACHED');
    await act(dora.token, `mutation($id: ID!) { acknowledgeTicket(id: $id) { id } }`, { id });
    await clock(id, 'ANALYSIS', 'BREACHED');
    await clockAt('2025-10-28T09:10:00+03:00');
    await act(
      dora.token,
      `mutation($id: ID!, $a: ID!) { triageTicket(id: $id, input: { category: ERROR, priority: NORMAL, assigneeId: $a,
         plannedResolutionAt: "2025-11-03T12:00:00+03:00" }) { id } }`,
      { id, a: pavel.id },
    );
    await clockAt('2025-10-28T10:00:00+03:00');
    await act(
      pavel.token,
      `mutation($id: ID!) { changePriority(id: $id, priority: HIGH, reason: "Blocks payroll") { id } }`,
      { id },
    );
    await eventually(async () => {
      const { ticket } = await sys.ok<{ ticket: { sla: { timers: { metric: string; deadline: string | null }[] } } }>(
        `query($id: ID!) { ticket(id: $id) { sla { timers { metric deadline } } } }`,
        { id },
        admin,
      );
      return ticket.sla.timers.some((x) => x.metric === 'RESOLUTION' && x.deadline === '2025-10-30T06:10:00.000Z');
    });
    // Execution (High) 2 working days from Tue 09:10 -> Thu 30 October 09:10; warned 1 working day
    // before: Wed 29 October 09:10.
    await clockAt('2025-10-29T15:00:00+03:00');
    await told(pavel, id, 'SLA_WARNING');
    await act(pavel.token, `mutation($id: ID!) { provideSolution(id: $id, solution: "Fixed in 2.4.1") { id } }`, {
      id,
    });
    await clock(id, 'RESOLUTION', 'MET');
    // 14 calendar days of silence: auto-closed on 12 November 15:00 by the system (R-TKT-12).
    await clockAt('2025-11-12T15:00:30+03:00');
    await told(anna, id, 'TICKET_CLOSED');

    const customerSide = [
      'SLA_WARNING', // processing, Mon 17:45
      'STATUS_CHANGED', // acknowledged
      'STATUS_CHANGED', // triaged
      'ASSIGNED',
      'PLANNED_DATE_CHANGED',
      'PRIORITY_CHANGED',
      'SLA_WARNING', // execution, Wed 09:10
      'SOLUTION_PROVIDED',
      'TICKET_CLOSED', // AUTO_CLOSED: nobody closed it, so both are told
    ];
    await expectTold(t, [
      [anna, ['TICKET_REGISTERED', ...customerSide]],
      [boris, customerSide],
      [pavel, ['ASSIGNED', 'SLA_WARNING']], // the processing breach came before his assignment
      [dora, ['TICKET_REGISTERED', 'SLA_WARNING', 'SLA_BREACHED', 'FAILURE_REPORT_REQUIRED', 'SLA_WARNING']],
    ]);
  });
  it('sla.calendar.coverage_low reaches the admins in the portal and by e-mail, and nobody else', async () => {
    const alla = await staff('ADMIN', 'Alla Admin', 'alla@provider.example');
    // Sync point: notifications has read Alla from contracts' events before the clock moves.
    const notifications = sys.system.services.notifications.runtime.dataSource;
    await eventually(
      async () =>
        ((await notifications.query(`SELECT 1 FROM known_people WHERE person_id = $1`, [alla.id])) as []).length > 0,
    );
    // Both shipped calendars (ru, kz) hold data up to 2026 (services/sla/data/production-calendar):
    // on Wednesday 30 December 2026 each has 2 days left, within the 60-day alarm: one alarm each.
    await clockAt('2026-12-30T10:00:00+03:00');
    const titles = [
      'Производственный календарь «Production calendar of the Republic of Kazakhstan» заканчивается',
      'Производственный календарь «Production calendar of the Russian Federation» заканчивается',
    ];
    const alarms = await eventually(async () => {
      const got = (await inbox(alla, null)).filter((n) => n.kind === 'CALENDAR_COVERAGE_LOW');
      return got.length >= 2 ? got : null;
    });
    expect(alarms.map((n) => n.title).sort()).toEqual(titles);
    const mails = await eventually(() => {
      const got = smtp.to(alla.email);
      return got.length >= 2 ? got : null;
    });
    expect(mails.map((m) => m.subject).sort()).toEqual(titles);
    // Dispatchers, engineers and customers are not told (Dora stands for the staff, Greta for the customers).
    expect((await inbox(dora, null)).filter((n) => n.kind === 'CALENDAR_COVERAGE_LOW')).toEqual([]);
    expect(smtp.to(dora.email).filter((m) => m.subject?.startsWith('Производственный календарь'))).toEqual([]);
    expect(smtp.to(greta.email)).toEqual([]);
  });
});
