import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningNotifications } from '@reglament/notifications';
import { eventually } from '@reglament/shared/testing';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { issuePartnerKey } from '../../gateway/src/auth/partner-keys';
import { PERSISTED_DIR } from '../../gateway/src/persisted/manifest-store';
import { adminToken, seedCustomer, type SeededCustomer } from '../../gateway/test/support/seed';
import { freePort, TestSmtp } from '../../services/notifications/test/support/smtp';
import { mintToken, TestSystem } from '../support/system';

type TicketNode = {
  id: string;
  number: string;
  title: string;
  description: string;
  channel: string;
  status: string;
  requesterId: string;
  contract: { number: string } | null;
  attachments: { name: string; size: number; contentType: string }[];
  messages: { body: string; fromProvider: boolean; transition: string | null }[];
  sla: { timers: { metric: string; status: string }[] };
};
const TICKET_FIELDS = `id number title description channel status requesterId contract { number }
  attachments { name size contentType } messages { body fromProvider transition } sla { timers { metric status } }`;

/**
 * The inbound e-mail channel (issue 15, R-TKT-3, R-TKT-4, R-TKT-1, R-TKT-9) on real PostgreSQL and
 * NATS: mail is delivered to the SMTP listener by nodemailer (a real SMTP conversation) or handed
 * to receiveEmail; what the product sends (the number, the forward) is seen by a test SMTP server.
 */
describe('e-mail intake: mail becomes tickets and replies, only from registered contacts', () => {
  let sys: TestSystem;
  let outbox: TestSmtp;
  let admin: string;
  let acme: SeededCustomer;
  let globex: SeededCustomer;
  let acmeDomain: string;
  let acmeContract: string;
  let secondContract: string;
  let smtpPort: number;
  let dispatcher: string;
  let globexDomain: string;
  let partnerKeysFile: string;

  // At most 6 mails per sender and hour; raw mail at most 200 KiB; files carried at most 64 KiB per mail.
  const RATE = 6;
  const MAX_BYTES = 200 * 1024;
  const FILES_MAX = 64 * 1024;

  /** Mail goes through two SMTP hops and the event bus: allow for a loaded machine. */
  const waitFor = <T>(probe: () => Promise<T>) => eventually(probe, { timeoutMs: 30_000 });
  const sendOnce = (message: SendMailOptions) =>
    nodemailer
      .createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true })
      .sendMail({ to: 'support@provider.example', ...message });
  /** As a mail server does: a 451 (try later, e.g. a database hiccup under load) is retried. */
  const send = async (message: SendMailOptions) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await sendOnce(message);
      } catch (error) {
        if ((error as { responseCode?: number }).responseCode !== 451 || attempt >= 3) throw error;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  };
  const ticketsOf = async (organizationId: string) =>
    (
      await sys.ok<{ tickets: { edges: { node: TicketNode }[] } }>(
        `query($o: ID!) { tickets(first: 100, filter: { organizationId: $o }) { edges { node { ${TICKET_FIELDS} } } } }`,
        { o: organizationId },
        admin,
      )
    ).tickets.edges.map((e) => e.node);
  const ticketTitled = (organizationId: string, title: string) =>
    eventually(async () => (await ticketsOf(organizationId)).find((t) => t.title === title), { timeoutMs: 30_000 });
  const ticket = async (id: string) =>
    (await sys.ok<{ ticket: TicketNode }>(`query($id: ID!) { ticket(id: $id) { ${TICKET_FIELDS} } }`, { id }, admin))
      .ticket;
  const receive = (raw: string, token = admin) =>
    sys.gql<{ receiveEmail: Record<string, unknown> }>(
      `mutation($raw: String!) { receiveEmail(raw: $raw) { intakeId registered ticketId ticketNumber messageAdded
         forwardedTo quarantined duplicate reason } }`,
      { raw },
      token,
    );
  const rawMail = (headers: Record<string, string>, body: string) =>
    Object.entries({ 'Message-ID': `<${Math.random().toString(36).slice(2)}@client.example>`, ...headers })
      .map(([k, v]) => `${k}: ${v}`)
      .join('\r\n') + `\r\n\r\n${body}\r\n`;

  beforeAll(async () => {
    outbox = new TestSmtp(await freePort());
    await outbox.listen();
    partnerKeysFile = join(mkdtempSync(join(tmpdir(), 'email-intake-')), 'partner-keys.json');
    sys = await TestSystem.start({
      gateway: { partnerKeysFile },
      mail: { smtpUrl: outbox.url, from: 'Support <support@provider.example>' },
      emailIn: { smtpPort: 0, ratePerHour: RATE, maxBytes: MAX_BYTES, attachmentsMaxBytes: FILES_MAX, waitMs: 10_000 },
    });
    smtpPort = (sys.system.services.notifications as RunningNotifications).smtpInPort!;
    admin = await adminToken();
    await sys.ok(`mutation { setClock(at: "2025-03-03T10:00:00+03:00") }`, {}, admin);
    acme = await seedCustomer(sys, admin, 'Acme');
    globex = await seedCustomer(sys, admin, 'Globex');
    const org = await sys.ok<{ organization: { emailDomains: string[] } }>(
      `query($id: ID!) { organization(id: $id) { emailDomains } }`,
      { id: acme.organizationId },
      admin,
    );
    acmeDomain = org.organization.emailDomains[0]!;
    globexDomain = (
      await sys.ok<{ organization: { emailDomains: string[] } }>(
        `query($id: ID!) { organization(id: $id) { emailDomains } }`,
        { id: globex.organizationId },
        admin,
      )
    ).organization.emailDomains[0]!;
    // A contact deactivated long before she writes (the other tests run meanwhile).
    const { addContact } = await sys.ok<{ addContact: { id: string } }>(
      `mutation($org: ID!, $email: String!) { addContact(input: { organizationId: $org, fullName: "Vera Old", email: $email }) { id } }`,
      { org: acme.organizationId, email: `vera@${acmeDomain}` },
      admin,
    );
    await sys.ok(`mutation($id: ID!) { deactivateContact(id: $id) { id } }`, { id: addContact.id }, admin);
    acmeContract = (
      await sys.ok<{ contract: { number: string } }>(
        `query($id: ID!) { contract(id: $id) { number } }`,
        { id: acme.contractId },
        admin,
      )
    ).contract.number;
    // A second contract of Acme (seed 004: the number in the subject picks the contract).
    secondContract = `${acmeContract}-IC`;
    await sys.ok(
      `mutation($org: ID!, $number: String!) { createContract(input: { organizationId: $org, number: $number,
         preset: "imc-typical", startsOn: "2025-01-01", endsOn: "2025-12-31" }) { id } }`,
      { org: acme.organizationId, number: secondContract },
      admin,
    );
    const { addStaff } = await sys.ok<{ addStaff: { id: string } }>(
      `mutation { addStaff(input: { fullName: "Dora Dispatcher", email: "dora@provider.example", role: DISPATCHER,
         password: "correct horse battery staple" }) { id } }`,
      {},
      admin,
    );
    dispatcher = await mintToken({ sub: addStaff.id, role: 'DISPATCHER', name: 'Dora Dispatcher' });
  });
  afterAll(async () => {
    await sys?.stop();
    await outbox?.close();
  });

  let printerTicket: TicketNode;

  it('a registered contact mails the listener: an EMAIL ticket under the contract named in the subject, with its file, SLA clocks and the number mailed back (R-TKT-1, R-TKT-3, R-TKT-4)', async () => {
    const file = Buffer.alloc(3000, 7); // 3,000 bytes, well under the 64 KiB carried per mail
    await send({
      from: `Anna Petrova <anna@${acmeDomain}>`,
      subject: `Printer jam (contract ${secondContract})`,
      text: 'The printer in room 5 jams.\n\nRegards,\nAnna\n-- \nAnna Petrova, Acme\n\nOn Mon, Bob wrote:\n> old text',
      attachments: [{ filename: 'photo.jpg', content: file, contentType: 'image/jpeg' }],
    });
    const title = `Printer jam (contract ${secondContract})`;
    printerTicket = await ticketTitled(acme.organizationId, title);
    expect(printerTicket.channel).toBe('EMAIL');
    expect(printerTicket.requesterId).toBe(acme.contactId);
    expect(printerTicket.contract?.number).toBe(secondContract);
    // Signature ("-- ") and the quoted history are trimmed.
    expect(printerTicket.description).toBe('The printer in room 5 jams.\n\nRegards,\nAnna');
    expect(printerTicket.attachments).toEqual([{ name: 'photo.jpg', size: 3000, contentType: 'image/jpeg' }]);
    const timers = await waitFor(async () => {
      const t = (await ticket(printerTicket.id)).sla.timers;
      return t.length > 0 ? t : undefined;
    });
    expect(timers.some((t) => t.status === 'RUNNING')).toBe(true);
    const numberMail = await waitFor(async () =>
      outbox.to(`anna@${acmeDomain}`).find((m) => m.subject?.includes(printerTicket.number)),
    );
    expect(numberMail.text).toContain(printerTicket.number);
  });

  it('without a contract number in the subject, the contract in force is used (the first by number of two)', async () => {
    const result = await receive(
      rawMail(
        { From: `anna@${acmeDomain}`, To: 'support@provider.example', Subject: 'Invoices fail' },
        'Posting fails',
      ),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.receiveEmail).toMatchObject({ registered: true, quarantined: false, messageAdded: false });
    expect(result.data?.receiveEmail.ticketNumber).toMatch(/^T-2025-\d{6}$/);
    const created = await ticket(result.data!.receiveEmail.ticketId as string);
    // "C-xxxx" sorts before "C-xxxx-IC"; both run 2025-01-01 to 2025-12-31.
    expect(created.contract?.number).toBe(acmeContract);
  });

  it('replies by number and by In-Reply-To become public messages; a reply while a clarification is awaited answers it (R-TKT-9)', async () => {
    await send({
      from: `anna@${acmeDomain}`,
      subject: `Re: [${printerTicket.number}] Printer jam`,
      text: 'It is the HP one.\n\n> quoted question',
    });
    await waitFor(async () =>
      (await ticket(printerTicket.id)).messages.some((m) => m.body === 'It is the HP one.') ? true : undefined,
    );
    await sys.ok(`mutation($id: ID!) { acknowledgeTicket(id: $id) { id } }`, { id: printerTicket.id }, dispatcher);
    await sys.ok(
      `mutation($id: ID!) { requestClarification(id: $id, question: "Which floor?") { id } }`,
      { id: printerTicket.id },
      dispatcher,
    );
    expect((await ticket(printerTicket.id)).status).toBe('AWAITING_CLARIFICATION');
    // Answer the mail the product sent (its Message-ID), with a subject that names no ticket.
    const question = await waitFor(async () =>
      outbox
        .to(`anna@${acmeDomain}`)
        .find((m) => m.subject?.includes(printerTicket.number) && m.text?.includes('Which floor?')),
    );
    await send({
      from: `anna@${acmeDomain}`,
      subject: 'Re: your question',
      inReplyTo: question.messageId!,
      references: [question.messageId!],
      text: 'Second floor.',
    });
    const answered = await waitFor(async () => {
      const t = await ticket(printerTicket.id);
      // The row and its messages are read by separate statements: wait for both to show the answer.
      return t.status !== 'AWAITING_CLARIFICATION' && t.messages.some((m) => m.body === 'Second floor.')
        ? t
        : undefined;
    });
    // The answer returns the ticket to where it was (IN_ANALYSIS after the acknowledgement).
    expect(answered.status).toBe('IN_ANALYSIS');
    expect(answered.messages.find((m) => m.body === 'Second floor.')).toMatchObject({
      fromProvider: false,
      transition: 'ANSWER_CLARIFICATION',
    });
  });

  it("a sender of organization A naming B's ticket number is not added to B's ticket (tenant isolation)", async () => {
    const globexTicket = await waitFor(async () => {
      const r = await sys.gql<{ registerTicket: { id: string; number: string } }>(
        `mutation($c: ID!) { registerTicket(input: { contractId: $c, channel: PORTAL, title: "Globex VPN", description: "Down" }) { id number } }`,
        { c: globex.contractId },
        globex.token,
      );
      return r.data?.registerTicket;
    });
    const result = await receive(
      rawMail({ From: `anna@${acmeDomain}`, Subject: `Re: [${globexTicket.number}] Globex VPN` }, 'Let me in on this'),
    );
    expect(result.data?.receiveEmail).toMatchObject({ messageAdded: false, registered: true });
    expect(result.data?.receiveEmail.ticketId).not.toBe(globexTicket.id);
    const globexMessages = (await ticket(globexTicket.id)).messages;
    expect(globexMessages.some((m) => m.body.includes('Let me in'))).toBe(false);
  });

  it('the same message twice is one intake and one ticket', async () => {
    const messageId = `<twice.${Date.now()}@client.example>`;
    const sender = `anna@${acmeDomain}`;
    // Anna's 6th mail this hour (printer, invoices, 2 replies, the tenant test, this one): within the rate of 6.
    await send({ from: sender, subject: 'Scanner offline', text: 'The scanner is offline', messageId });
    await send({ from: sender, subject: 'Scanner offline', text: 'The scanner is offline', messageId });
    await ticketTitled(acme.organizationId, 'Scanner offline');
    const again = await receive(
      rawMail({ 'Message-ID': messageId, From: sender, Subject: 'Scanner offline' }, 'The scanner is offline'),
    );
    expect(again.data?.receiveEmail).toMatchObject({ duplicate: true, registered: true });
    expect((await ticketsOf(acme.organizationId)).filter((t) => t.title === 'Scanner offline')).toHaveLength(1);
  });

  it('an unregistered sender of a customer domain is forwarded to the organization, nothing registered (R-TKT-4)', async () => {
    const before = (await ticketsOf(acme.organizationId)).length;
    await send({ from: `boris@${acmeDomain}`, subject: 'Need access', text: 'Please give me access' });
    const forward = await waitFor(async () =>
      outbox.to(`it@${acmeDomain}`).find((m) => m.subject?.includes('Need access')),
    );
    expect(forward.text).toContain(`boris@${acmeDomain}`);
    expect(forward.text).toContain('not a registered contact');
    expect(forward.text).toContain('Please give me access');
    // No loops: the forward says it is automatic.
    expect(forward.headers.get('auto-submitted')).toBe('auto-generated');
    expect((await ticketsOf(acme.organizationId)).length).toBe(before);
  });

  it('a deactivated contact is treated as unregistered: forwarded, not registered', async () => {
    const result = (await receive(rawMail({ From: `vera@${acmeDomain}`, Subject: 'Old login' }, 'Still here'))).data!
      .receiveEmail;
    expect(result).toMatchObject({ registered: false, forwardedTo: `it@${acmeDomain}` });
    expect(result.reason).toContain('deactivated');
  });

  it('an unknown sender waits in quarantine; a release registers it for the chosen contact; a drop removes one', async () => {
    const r1 = await receive(rawMail({ From: 'stranger@elsewhere.example', Subject: 'Hello there' }, 'Who are you?'));
    expect(r1.data?.receiveEmail).toMatchObject({ quarantined: true, registered: false });
    const r2 = await receive(rawMail({ From: 'stranger@elsewhere.example', Subject: 'Spam offer' }, 'Buy now'));
    const list = await sys.ok<{
      emailQuarantine: { totalCount: number; edges: { node: { id: string; subject: string; sender: string } }[] };
    }>(`{ emailQuarantine(first: 10) { totalCount edges { node { id subject sender } } } }`, {}, admin);
    expect(list.emailQuarantine.edges.map((e) => e.node.subject)).toEqual(['Spam offer', 'Hello there']);
    const forbidden = await sys.gql(`{ emailQuarantine(first: 10) { totalCount } }`, {}, acme.token);
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const released = await sys.ok<{
      releaseQuarantinedEmail: { registered: boolean; ticketNumber: string | null; ticketId: string };
    }>(
      `mutation($id: ID!, $c: ID!) { releaseQuarantinedEmail(id: $id, contactId: $c) { registered ticketNumber ticketId } }`,
      { id: r1.data!.receiveEmail.intakeId, c: globex.contactId },
      admin,
    );
    expect(released.releaseQuarantinedEmail.registered).toBe(true);
    const created = await ticket(released.releaseQuarantinedEmail.ticketId);
    expect(created).toMatchObject({ title: 'Hello there', requesterId: globex.contactId, channel: 'EMAIL' });
    expect(
      await sys.ok(
        `mutation($id: ID!) { dropQuarantinedEmail(id: $id) }`,
        { id: r2.data!.receiveEmail.intakeId },
        admin,
      ),
    ).toEqual({ dropQuarantinedEmail: true });
    const after = await sys.ok<{ emailQuarantine: { totalCount: number } }>(
      `{ emailQuarantine { totalCount } }`,
      {},
      admin,
    );
    expect(after.emailQuarantine.totalCount).toBe(0);
    const again = await sys.gql(
      `mutation($id: ID!) { dropQuarantinedEmail(id: $id) }`,
      { id: r2.data!.receiveEmail.intakeId },
      admin,
    );
    expect(again.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('auto-replies and bounces register nothing and get no answer (no loops)', async () => {
    const sender = `globex-auto@${acmeDomain}`;
    const before = (await ticketsOf(globex.organizationId)).length;
    const deliveries = async () =>
      (await sys.ok<{ deliveries: { totalCount: number } }>(`{ deliveries { totalCount } }`, {}, admin)).deliveries
        .totalCount;
    const queuedBefore = await deliveries();
    const globexContact = await sys.ok<{ contact: { email: string } }>(
      `query($id: ID!) { contact(id: $id) { email } }`,
      { id: globex.contactId },
      admin,
    );
    const auto = await receive(
      rawMail(
        { From: globexContact.contact.email, Subject: 'Out of office', 'Auto-Submitted': 'auto-replied' },
        'I am away',
      ),
    );
    expect(auto.data?.receiveEmail).toMatchObject({ registered: false, quarantined: false, forwardedTo: null });
    expect(auto.data?.receiveEmail.reason).toContain('Auto-Submitted');
    const bounce = await receive(
      rawMail(
        {
          From: 'MAILER-DAEMON@mx.example',
          Subject: 'Undelivered Mail Returned to Sender',
          'MIME-Version': '1.0',
          'Content-Type': 'multipart/report; report-type=delivery-status; boundary="b1"',
        },
        '--b1\r\nContent-Type: text/plain\r\n\r\nDelivery failed\r\n--b1\r\nContent-Type: message/delivery-status\r\n\r\nStatus: 5.1.1\r\n--b1--',
      ),
    );
    expect(bounce.data?.receiveEmail).toMatchObject({ registered: false, quarantined: false, forwardedTo: null });
    const precedence = await receive(rawMail({ From: sender, Subject: 'Newsletter', Precedence: 'bulk' }, 'News'));
    expect(precedence.data?.receiveEmail).toMatchObject({ registered: false, forwardedTo: null });
    expect((await ticketsOf(globex.organizationId)).length).toBe(before);
    // Nothing was queued to be sent: no notification, no forward.
    expect(await deliveries()).toBe(queuedBefore);
  });

  it(`a sender over ${RATE} mails an hour is refused (SMTP 451, try later); a raw mail over the size limit is refused`, async () => {
    const sender = 'flood@elsewhere.example';
    for (let i = 1; i <= RATE; i++) await send({ from: sender, subject: `Flood ${i}`, text: 'x' });
    await expect(sendOnce({ from: sender, subject: `Flood ${RATE + 1}`, text: 'x' })).rejects.toMatchObject({
      responseCode: 451,
    });
    const viaApi = await receive(rawMail({ From: sender, Subject: 'Flood API' }, 'x'));
    expect(viaApi.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(viaApi.errors?.[0]?.message).toContain(`at most ${RATE}`);
    // 200 KiB + 1 KiB of text: over the 200 KiB limit.
    const big = 'y'.repeat(MAX_BYTES + 1024);
    await expect(sendOnce({ from: 'big@elsewhere.example', subject: 'Big', text: big })).rejects.toMatchObject({
      responseCode: 552,
    });
    const bigApi = await receive(rawMail({ From: 'big@elsewhere.example', Subject: 'Big' }, big));
    expect(bigApi.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bigApi.errors?.[0]?.message).toContain(`${MAX_BYTES} bytes`);
  });

  it('files over the per-mail limit are named in the description, not attached', async () => {
    const result = await receive(
      rawMail(
        {
          From: `anna@${globexDomain}`,
          Subject: 'Large log',
          'MIME-Version': '1.0',
          'Content-Type': 'multipart/mixed; boundary="m1"',
        },
        `--m1\r\nContent-Type: text/plain\r\n\r\nSee the log\r\n--m1\r\nContent-Type: text/plain; name="big.log"\r\nContent-Disposition: attachment; filename="big.log"\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.alloc(70 * 1024, 65).toString('base64')}\r\n--m1--`,
      ),
    );
    const created = await ticket(result.data!.receiveEmail.ticketId as string);
    expect(created.attachments).toEqual([]);
    // 70 KiB = 71,680 bytes > 64 KiB carried per mail.
    expect(created.description).toContain('big.log (71680 bytes)');
  });

  it('receiveEmail is for administrators only, and refuses what is not a mail', async () => {
    const customer = await receive(rawMail({ From: 'x@y.example', Subject: 'x' }, 'x'), acme.token);
    expect(customer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const junk = await receive('just some words');
    expect(junk.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('a dedicated intake key (a global partner key of the email-intake manifest) hands in mail; an organization-bound one may not', async () => {
    const manifest = JSON.parse(readFileSync(join(PERSISTED_DIR, 'email-intake', 'manifest.json'), 'utf8')) as {
      operations: { id: string; name: string }[];
    };
    const id = manifest.operations.find((o) => o.name === 'ReceiveEmail')!.id;
    const { key: globalKey } = issuePartnerKey(partnerKeysFile, { partner: 'email-intake', organizationId: null });
    const { key: boundKey } = issuePartnerKey(partnerKeysFile, {
      partner: 'email-intake',
      organizationId: acme.organizationId,
    });
    const post = async (key: string, raw: string) =>
      (await (
        await fetch(sys.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-api-key': key },
          body: JSON.stringify({ variables: { raw }, extensions: { persistedQuery: { version: 1, sha256Hash: id } } }),
        })
      ).json()) as {
        data?: { receiveEmail: { registered: boolean; ticketNumber: string | null } };
        errors?: { extensions?: { code?: string } }[];
      };
    const taken = await waitFor(async () => {
      // The key file is watched: the new keys count within moments.
      const r = await post(globalKey, rawMail({ From: `anna@${globexDomain}`, Subject: 'Via the webhook' }, 'Hello'));
      return r.data?.receiveEmail;
    });
    expect(taken.registered).toBe(true);
    const bound = await waitFor(async () => {
      const r = await post(boundKey, rawMail({ From: `anna@${globexDomain}`, Subject: 'Bound key' }, 'Hello'));
      return r.errors?.[0]?.extensions?.code === 'FORBIDDEN' ? r : undefined;
    });
    expect(bound.data?.receiveEmail ?? null).toBeNull();
  });

  it('a registration the rules refuse (no contract in force, R-CON-1) is told to the sender by e-mail, once', async () => {
    const tag = Date.now().toString(36);
    const { createOrganization: org } = await sys.ok<{ createOrganization: { id: string } }>(
      `mutation($d: String!) { createOrganization(input: { name: "Initech", email: $e, emailDomains: [$d] }) { id } }`.replace(
        '$e',
        `"it@${tag}.example"`,
      ),
      { d: `${tag}.example` },
      admin,
    );
    // It starts next year: on 2025-03-03 it is not in force.
    await sys.ok(
      `mutation($o: ID!, $n: String!) { createContract(input: { organizationId: $o, number: $n, preset: "imc-typical",
         startsOn: "2026-01-01", endsOn: "2026-12-31" }) { id } }`,
      { o: org.id, n: `FUT-${tag}` },
      admin,
    );
    await sys.ok(
      `mutation($o: ID!, $e: String!) { addContact(input: { organizationId: $o, fullName: "Igor", email: $e }) { id } }`,
      { o: org.id, e: `igor@${tag}.example` },
      admin,
    );
    const result = await eventually(
      async () => {
        // Until notifications knows Igor, his mail is forwarded (a stranger of the domain): wait for that first.
        const r = await receive(rawMail({ From: `igor@${tag}.example`, Subject: 'Too early' }, 'Help'));
        return r.data?.receiveEmail.forwardedTo === null ? r.data.receiveEmail : undefined;
      },
      { intervalMs: 300 },
    );
    // receiveEmail waited for the outcome: refused, with the reason.
    expect(result).toMatchObject({ registered: false, ticketId: null, ticketNumber: null });
    expect(result.reason).toContain(`FUT-${tag} is not in force on 2025-03-03`);
    const notice = await waitFor(async () =>
      outbox.to(`igor@${tag}.example`).find((m) => m.subject?.includes('Too early')),
    );
    expect(notice.subject).toBe('Обращение не зарегистрировано: Too early');
    expect(notice.text).toContain(`FUT-${tag} is not in force on 2025-03-03`);
    expect(notice.headers.get('auto-submitted')).toBe('auto-generated');
    expect(outbox.to(`igor@${tag}.example`).filter((m) => m.subject?.includes('Too early'))).toHaveLength(1);
    expect(await ticketsOf(org.id)).toEqual([]);
  });
});
