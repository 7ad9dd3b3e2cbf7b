import { eventually } from '@reglament/shared/testing';
import { freePort, TestSmtp } from '../../services/notifications/test/support/smtp';
import { Seed, type SeededStaff } from '../support/seed';
import { TestSystem } from '../support/system';

/**
 * Issue 17, advisories (R-NTF-2) and the fix clock (R-SLA-6, seed 001 §8-9), and releases (002),
 * through the gateway on real PostgreSQL and NATS, with a real SMTP server (`smtp-server`) this
 * test starts and the shared test clock.
 *
 * The customers of product "ASMO" on Monday 3 March 2025 (counted by hand):
 *  - Alpha: an asmo contract for ASMO in force; contacts Anna and Boris, and Vera (deactivated);
 *  - Beta: an imc-typical contract naming no products (it covers every product); contact Clara;
 *  - Gamma: a contract for "OTHER" only; contact Greta;
 *  - Delta: an asmo contract for ASMO that starts in June (DRAFT today); contact Dmitri.
 * So an ASMO advisory reaches exactly Anna, Boris and Clara: 3 e-mails, one address each, and
 * nobody else; the fix is due 3 calendar days after discovery (asmo says 3, imc-typical is
 * silent and the product holds it to 3 too).
 */
type ParsedMail = TestSmtp['received'][number];

describe('advisories, the fix clock and release notices (issue 17)', () => {
  let sys: TestSystem;
  let smtp: TestSmtp;
  let seed: Seed;
  let dora: SeededStaff;
  let adam: SeededStaff;
  const people: Record<string, { id: string; email: string; token: string; organizationId: string }> = {};

  type AdvisoryOut = {
    id: string;
    fixDueAt: string;
    recipients: { email: string; organizationId: string }[];
    delivered: number;
    fixedAt: string | null;
    fixedInRelease: { id: string; version: string | null } | null;
    fixClock: {
      status: string;
      deadline: string;
      warnAt: string;
      warnedAt: string | null;
      breachedAt: string | null;
      stoppedAt: string | null;
    } | null;
  };
  const ADVISORY_FIELDS = `id product title severity discoveredAt fixDueAt fixedAt recipients { contactId organizationId email fullName }
    delivered fixedInRelease { id version } fixClock { status deadline warnAt warnedAt breachedAt stoppedAt }`;
  const PUBLISH = `mutation($input: PublishAdvisoryInput!) { publishAdvisory(input: $input) { ${ADVISORY_FIELDS} } }`;
  const iso = (value: string | null | undefined) => (value ? new Date(value).toISOString() : value);

  const advisory = async (id: string, token = seed.admin): Promise<AdvisoryOut | undefined> => {
    const { advisories } = await sys.ok<{ advisories: AdvisoryOut[] }>(
      `{ advisories { ${ADVISORY_FIELDS} } }`,
      {},
      token,
    );
    return advisories.find((a) => a.id === id);
  };
  const kindsOf = async (token: string): Promise<{ kind: string; title: string }[]> => {
    const { myNotifications } = await sys.ok<{
      myNotifications: { edges: { node: { kind: string; title: string } }[] };
    }>(`{ myNotifications(first: 100) { edges { node { kind title } } } }`, {}, token);
    return myNotifications.edges.map((e) => e.node);
  };
  const mailsAbout = (subjectPart: string): ParsedMail[] =>
    smtp.received.filter((m) => (m.subject ?? '').includes(subjectPart));
  const addresses = (mails: ParsedMail[]) =>
    mails.map((m) => (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).flatMap((t) => t.value.map((v) => v.address)));

  beforeAll(async () => {
    smtp = new TestSmtp(await freePort());
    await smtp.listen();
    sys = await TestSystem.start({ mail: { smtpUrl: smtp.url, from: 'Support <support@provider.example>' } });
    // Monday 3 March 2025, 10:00 Moscow (07:00 UTC).
    seed = await Seed.on(sys, { clock: '2025-03-03T10:00:00+03:00' });
    dora = await seed.staff('DISPATCHER', { fullName: 'Dora Dispatcher', email: 'dora@provider.example' });
    adam = await seed.staff('ADMIN', { fullName: 'Adam Admin', email: 'adam@provider.example' });
    const customer = async (
      key: string,
      preset: string,
      contract: Record<string, unknown>,
      contact: { fullName: string; email: string },
    ) => {
      const c = await seed.customer({ preset, contract, contact, organization: { name: key } });
      people[contact.fullName.split(' ')[0]!] = {
        id: c.contactId,
        email: c.email,
        token: c.token,
        organizationId: c.organizationId,
      };
      return c;
    };
    const alpha = await customer(
      'Alpha',
      'asmo',
      { products: ['ASMO'] },
      { fullName: 'Anna Alpha', email: 'anna@alpha.example' },
    );
    await customer('Beta', 'imc-typical', { products: [] }, { fullName: 'Clara Beta', email: 'clara@beta.example' });
    await customer(
      'Gamma',
      'imc-typical',
      { products: ['OTHER'] },
      {
        fullName: 'Greta Gamma',
        email: 'greta@gamma.example',
      },
    );
    await customer(
      'Delta',
      'asmo',
      { products: ['ASMO'], startsOn: '2025-06-01' },
      {
        fullName: 'Dmitri Delta',
        email: 'dmitri@delta.example',
      },
    );
    const boris = await seed.contact(alpha.organizationId, { fullName: 'Boris Alpha', email: 'boris@alpha.example' });
    people.Boris = { id: boris.id, email: boris.email, token: '', organizationId: alpha.organizationId };
    const vera = await seed.contact(alpha.organizationId, { fullName: 'Vera Alpha', email: 'vera@alpha.example' });
    await sys.ok(
      `mutation($id: ID!) { updateContact(id: $id, input: { active: false }) { id } }`,
      { id: vera.id },
      seed.admin,
    );
  });
  afterAll(async () => {
    await sys?.stop();
    await smtp?.close();
  });

  let first: AdvisoryOut;

  it('R-NTF-2: an advisory reaches each contact of the affected organizations once, alone, and nobody else', async () => {
    const { publishAdvisory } = await sys.ok<{ publishAdvisory: AdvisoryOut }>(
      PUBLISH,
      {
        input: {
          product: 'ASMO',
          title: 'SQL injection in reports',
          body: 'A crafted report filter runs SQL. Until the fix: restrict report access to admins.',
          severity: 'HIGH',
          // Discovered at 09:00 Moscow (06:00 UTC), an hour before now.
          discoveredAt: '2025-03-03T06:00:00Z',
        },
      },
      seed.admin,
    );
    first = publishAdvisory;
    // R-SLA-6: 3 calendar days from discovery.
    expect(iso(first.fixDueAt)).toBe('2025-03-06T06:00:00.000Z');
    expect(first.recipients.map((r) => r.email).sort()).toEqual([
      'anna@alpha.example',
      'boris@alpha.example',
      'clara@beta.example',
    ]);

    // Three e-mails, each addressed to one person only (no Cc, no Bcc), once each.
    const mails = await eventually(() => {
      const got = mailsAbout('Уведомление безопасности');
      return got.length >= 3 ? got : null;
    });
    expect(addresses(mails).sort()).toEqual([['anna@alpha.example'], ['boris@alpha.example'], ['clara@beta.example']]);
    for (const mail of mails) {
      expect(mail.cc).toBeUndefined();
      expect(mail.bcc).toBeUndefined();
      expect(mail.subject).toContain('SQL injection in reports');
      expect(mail.text).toContain('restrict report access');
    }
    // And in the portal: Anna has it, Greta (another product), Dmitri (a contract not yet in force) do not.
    expect((await kindsOf(people.Anna!.token)).filter((n) => n.kind === 'ADVISORY')).toHaveLength(1);
    expect((await kindsOf(people.Greta!.token)).filter((n) => n.kind === 'ADVISORY')).toEqual([]);
    expect((await kindsOf(people.Dmitri!.token)).filter((n) => n.kind === 'ADVISORY')).toEqual([]);
    // The delivery count from the notifications part: all 3 sent.
    await eventually(async () => (await advisory(first.id))?.delivered === 3);
    // Still exactly 3 a while later: a redelivered event sends nothing twice (R-NTF-3).
    expect(mailsAbout('Уведомление безопасности')).toHaveLength(3);
  });

  it('tenant isolation: a customer sees advisories of its products only, and only its own recipients', async () => {
    const anna = await advisory(first.id, people.Anna!.token);
    expect(anna?.recipients.map((r) => r.email).sort()).toEqual(['anna@alpha.example', 'boris@alpha.example']);
    expect(anna?.delivered).toBe(2);
    const clara = await advisory(first.id, people.Clara!.token);
    expect(clara?.recipients.map((r) => r.email)).toEqual(['clara@beta.example']);
    expect(clara?.delivered).toBe(1);
    expect(await advisory(first.id, people.Greta!.token)).toBeUndefined();
    const greta = await sys.ok<{ advisories: unknown[] }>(
      `{ advisories(product: "ASMO") { id } }`,
      {},
      people.Greta!.token,
    );
    expect(greta.advisories).toEqual([]);
  });

  it('R-SLA-6, R-SLA-9: the fix clock warns 1 day before and breaches at the due instant, on the test clock', async () => {
    // Hand-computed: discovered 2025-03-03T06:00Z + 3 days = 2025-03-06T06:00Z; warning a day before.
    const clock = await eventually(async () => (await advisory(first.id))?.fixClock);
    expect(clock).toEqual({
      status: 'RUNNING',
      deadline: expect.any(String),
      warnAt: expect.any(String),
      warnedAt: null,
      breachedAt: null,
      stoppedAt: null,
    });
    expect(iso(clock.deadline)).toBe('2025-03-06T06:00:00.000Z');
    expect(iso(clock.warnAt)).toBe('2025-03-05T06:00:00.000Z');

    await seed.setClock('2025-03-05T05:59:00Z');
    // A minute before: nothing yet (the dispatcher's inbox is the witness, checked after the warning below).
    await seed.setClock('2025-03-05T06:00:00Z');
    const warned = await eventually(async () => {
      const c = (await advisory(first.id))?.fixClock;
      return c?.warnedAt ? c : null;
    });
    expect(iso(warned.warnedAt)).toBe('2025-03-05T06:00:00.000Z');
    expect(warned.status).toBe('RUNNING');
    // Both parties hear it (R-SLA-9): the advisory's recipients, dispatchers and admins; once each.
    for (const token of [people.Anna!.token, people.Clara!.token, dora.token, adam.token]) {
      const got = await eventually(async () => {
        const warnings = (await kindsOf(token)).filter((n) => n.kind === 'SLA_WARNING');
        return warnings.length > 0 ? warnings : null;
      });
      expect(got).toHaveLength(1);
      expect(got[0]!.title).toContain('SQL injection in reports');
    }
    expect((await kindsOf(people.Greta!.token)).filter((n) => n.kind === 'SLA_WARNING')).toEqual([]);
    const warningMails = await eventually(() => {
      const got = mailsAbout('срок под угрозой');
      return got.length >= 5 ? got : null;
    });
    expect(addresses(warningMails).flat().sort()).toEqual([
      'adam@provider.example',
      'anna@alpha.example',
      'boris@alpha.example',
      'clara@beta.example',
      'dora@provider.example',
    ]);

    await seed.setClock('2025-03-06T05:59:59Z');
    expect((await advisory(first.id))?.fixClock?.breachedAt).toBeNull();
    await seed.setClock('2025-03-06T06:00:00Z');
    const breached = await eventually(async () => {
      const c = (await advisory(first.id))?.fixClock;
      return c?.breachedAt ? c : null;
    });
    expect(breached.status).toBe('BREACHED');
    expect(iso(breached.breachedAt)).toBe('2025-03-06T06:00:00.000Z');
    // The provider's side hears of the breach; the customers are told when the fix is out.
    await eventually(async () => (await kindsOf(dora.token)).some((n) => n.kind === 'SLA_BREACHED'));
    expect((await kindsOf(people.Anna!.token)).filter((n) => n.kind === 'SLA_BREACHED')).toEqual([]);
  });

  it('002: a published release reaches the contacts of customers with a contract for its product, by preference', async () => {
    // Boris turns release e-mails off: he still sees it in the portal.
    await sys.ok(
      `mutation($id: ID!) { updateContact(id: $id, input: { emailOff: ["RELEASE_PUBLISHED"] }) { id } }`,
      { id: people.Boris!.id },
      seed.admin,
    );
    const { scheduleRelease } = await sys.ok<{ scheduleRelease: { id: string } }>(
      `mutation { scheduleRelease(input: { product: "ASMO", kind: UNPLANNED, plannedAt: "2025-03-06T15:00:00Z", version: "4.2.1" }) { id } }`,
      {},
      seed.admin,
    );
    // The fix cannot be linked to a release that is not out yet.
    const early = await sys.gql(
      `mutation($a: ID!, $r: ID!) { linkAdvisoryFix(advisoryId: $a, releaseId: $r) { id } }`,
      { a: first.id, r: scheduleRelease.id },
      seed.admin,
    );
    expect(early.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const { publishRelease } = await sys.ok<{ publishRelease: { publishedAt: string } }>(
      `mutation($id: ID!) { publishRelease(id: $id) { publishedAt } }`,
      { id: scheduleRelease.id },
      dora.token,
    );
    expect(iso(publishRelease.publishedAt)).toBe('2025-03-06T06:00:00.000Z');
    const releaseMails = await eventually(() => {
      const got = mailsAbout('4.2.1');
      return got.length >= 2 ? got : null;
    });
    expect(addresses(releaseMails).sort()).toEqual([['anna@alpha.example'], ['clara@beta.example']]);
    expect((await kindsOf(people.Anna!.token)).filter((n) => n.kind === 'RELEASE_PUBLISHED')).toHaveLength(1);
    expect((await kindsOf(people.Greta!.token)).filter((n) => n.kind === 'RELEASE_PUBLISHED')).toEqual([]);
    expect((await kindsOf(people.Dmitri!.token)).filter((n) => n.kind === 'RELEASE_PUBLISHED')).toEqual([]);

    // The fix is out: the clock stops (still BREACHED: it came late) and the same three are told.
    await seed.setClock('2025-03-06T09:00:00Z');
    const { linkAdvisoryFix } = await sys.ok<{ linkAdvisoryFix: AdvisoryOut }>(
      `mutation($a: ID!, $r: ID!) { linkAdvisoryFix(advisoryId: $a, releaseId: $r) { ${ADVISORY_FIELDS} } }`,
      { a: first.id, r: scheduleRelease.id },
      seed.admin,
    );
    expect(linkAdvisoryFix.fixedInRelease).toEqual({ id: scheduleRelease.id, version: '4.2.1' });
    expect(iso(linkAdvisoryFix.fixedAt)).toBe('2025-03-06T09:00:00.000Z');
    const stopped = await eventually(async () => {
      const c = (await advisory(first.id))?.fixClock;
      return c?.stoppedAt ? c : null;
    });
    expect(stopped.status).toBe('BREACHED');
    expect(iso(stopped.stoppedAt)).toBe('2025-03-06T09:00:00.000Z');
    const fixedMails = await eventually(() => {
      const got = mailsAbout('Исправлено: SQL injection in reports');
      return got.length >= 3 ? got : null;
    });
    expect(addresses(fixedMails).sort()).toEqual([
      ['anna@alpha.example'],
      ['boris@alpha.example'],
      ['clara@beta.example'],
    ]);
    // Linking the same release again changes nothing and tells nobody twice.
    await sys.ok(
      `mutation($a: ID!, $r: ID!) { linkAdvisoryFix(advisoryId: $a, releaseId: $r) { id } }`,
      { a: first.id, r: scheduleRelease.id },
      seed.admin,
    );
    expect(mailsAbout('Исправлено: SQL injection in reports')).toHaveLength(3);
  });

  it('R-SLA-6: a fix linked in time stops the clock MET; nothing fires after it', async () => {
    const { publishAdvisory } = await sys.ok<{ publishAdvisory: AdvisoryOut }>(
      PUBLISH,
      {
        input: {
          product: 'ASMO',
          title: 'Session fixation',
          body: 'Sessions survive a login.',
          severity: 'MEDIUM',
          discoveredAt: '2025-03-06T09:00:00Z',
        },
      },
      seed.admin,
    );
    expect(iso(publishAdvisory.fixDueAt)).toBe('2025-03-09T09:00:00.000Z');
    await eventually(async () => (await advisory(publishAdvisory.id))?.fixClock);
    const { scheduleRelease } = await sys.ok<{ scheduleRelease: { id: string } }>(
      `mutation { scheduleRelease(input: { product: "ASMO", kind: UNPLANNED, plannedAt: "2025-03-07T15:00:00Z", version: "4.2.2" }) { id } }`,
      {},
      seed.admin,
    );
    await seed.setClock('2025-03-07T12:00:00Z');
    await sys.ok(`mutation($id: ID!) { publishRelease(id: $id) { id } }`, { id: scheduleRelease.id }, seed.admin);
    await sys.ok(
      `mutation($a: ID!, $r: ID!) { linkAdvisoryFix(advisoryId: $a, releaseId: $r) { id } }`,
      { a: publishAdvisory.id, r: scheduleRelease.id },
      seed.admin,
    );
    const met = await eventually(async () => {
      const c = (await advisory(publishAdvisory.id))?.fixClock;
      return c?.stoppedAt ? c : null;
    });
    expect(met).toMatchObject({ status: 'MET', warnedAt: null, breachedAt: null });
    expect(iso(met.stoppedAt)).toBe('2025-03-07T12:00:00.000Z');
    // Past its warning and deadline: a stopped clock neither warns nor breaches.
    await seed.setClock('2025-03-10T12:00:00Z');
    const after = (await advisory(publishAdvisory.id))?.fixClock;
    expect(after).toMatchObject({ status: 'MET', warnedAt: null, breachedAt: null });
    expect(mailsAbout('Session fixation').filter((m) => (m.subject ?? '').includes('срок'))).toEqual([]);
  });

  describe('limits: bad input, rights and rate are refused and change nothing', () => {
    const input = (over: Record<string, unknown>) => ({
      input: {
        product: 'LIMITS',
        title: 'A title',
        body: 'A body',
        severity: 'LOW',
        discoveredAt: '2025-03-10T11:00:00Z',
        ...over,
      },
    });
    const count = async () =>
      (await sys.ok<{ advisories: unknown[] }>(`{ advisories(product: "LIMITS") { id } }`, {}, seed.admin)).advisories
        .length;

    it('refuses bad fields with BAD_USER_INPUT saying what is allowed', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ title: 'x'.repeat(201) }, 'title must be 1 to 200'],
        [{ title: '   ' }, 'title must be 1 to 200'],
        [{ title: 'two\nlines' }, 'on one line'],
        [{ title: 'evil \u202e title' }, 'title may not contain'],
        [{ body: 'x'.repeat(20_001) }, 'body must be 1 to 20000'],
        [{ product: '' }, 'product must be 1 to 200'],
        [{ discoveredAt: '2025-03-10T12:00:01Z' }, 'must not be in the future'],
        [{ discoveredAt: '2025-02-08T11:59:59Z' }, 'within the last 30 days'],
      ];
      for (const [over, message] of cases) {
        const result = await sys.gql(PUBLISH, input(over), seed.admin);
        expect({ over: Object.keys(over), code: result.errors?.[0]?.extensions?.code }).toEqual({
          over: Object.keys(over),
          code: 'BAD_USER_INPUT',
        });
        expect(result.errors?.[0]?.message).toContain(message);
      }
      const severity = await sys.gql(PUBLISH, input({ severity: 'APOCALYPSE' }), seed.admin);
      expect(severity.errors?.[0]?.message).toContain('AdvisorySeverity');
      expect(await count()).toBe(0);
    });

    it('only an ADMIN publishes or links fixes', async () => {
      for (const token of [people.Anna!.token, dora.token]) {
        const result = await sys.gql(PUBLISH, input({}), token);
        expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        const link = await sys.gql(
          `mutation($a: ID!, $r: ID!) { linkAdvisoryFix(advisoryId: $a, releaseId: $r) { id } }`,
          { a: first.id, r: first.id },
          token,
        );
        expect(link.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
      const release = await sys.gql(
        `mutation($id: ID!) { publishRelease(id: $id) { id } }`,
        { id: first.id },
        people.Anna!.token,
      );
      expect(release.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(await count()).toBe(0);
    });

    it('a fix must ship in a release of the same product', async () => {
      const { scheduleRelease } = await sys.ok<{ scheduleRelease: { id: string } }>(
        `mutation { scheduleRelease(input: { product: "OTHER", kind: PLANNED, plannedAt: "2025-03-20T10:00:00Z" }) { id } }`,
        {},
        seed.admin,
      );
      await sys.ok(`mutation($id: ID!) { publishRelease(id: $id) { id } }`, { id: scheduleRelease.id }, seed.admin);
      const { advisories } = await sys.ok<{ advisories: { id: string }[] }>(
        `{ advisories(product: "ASMO") { id } }`,
        {},
        seed.admin,
      );
      const result = await sys.gql(
        `mutation($a: ID!, $r: ID!) { linkAdvisoryFix(advisoryId: $a, releaseId: $r) { id } }`,
        { a: advisories[0]!.id, r: scheduleRelease.id },
        seed.admin,
      );
      expect(result.errors?.[0]?.extensions?.code).toBe('CONFLICT'); // the newest is already fixed in 4.2.2
      const fresh = await sys.ok<{ publishAdvisory: { id: string } }>(
        PUBLISH,
        input({ product: 'ASMO', title: 'Open redirect' }),
        seed.admin,
      );
      const other = await sys.gql(
        `mutation($a: ID!, $r: ID!) { linkAdvisoryFix(advisoryId: $a, releaseId: $r) { id } }`,
        { a: fresh.publishAdvisory.id, r: scheduleRelease.id },
        seed.admin,
      );
      expect(other.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(other.errors?.[0]?.message).toContain('the advisory is about "ASMO"');
    });

    it('at most 10 advisories about one product in 24 hours: the 11th is RATE_LIMITED and not recorded', async () => {
      for (let i = 1; i <= 10; i++) {
        await sys.ok(PUBLISH, input({ title: `Finding ${i}` }), seed.admin);
      }
      const eleventh = await sys.gql(PUBLISH, input({ title: 'Finding 11' }), seed.admin);
      expect(eleventh.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
      // The first of them was published at 2025-03-10T12:00Z (now): a place frees in 24 hours.
      expect(eleventh.errors?.[0]?.extensions?.retryAfterSeconds).toBe(24 * 3600);
      expect(await count()).toBe(10);
      await seed.setClock('2025-03-11T12:00:01Z');
      await sys.ok(PUBLISH, input({ title: 'Finding 11', discoveredAt: '2025-03-11T11:00:00Z' }), seed.admin);
      expect(await count()).toBe(11);
    });
  });
});
