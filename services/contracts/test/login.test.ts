import { newId } from '@reglament/shared/domain';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { FREE_FAILURES } from '../src/domain/login-throttle';
import { ADMIN, ContractsHarness, customer, JWT_SECRET } from './support/harness';

/** R-ACC-1 and docs/api.md "Authentication and tokens": logins of contacts and staff, the JWT, and slowed-down failures. */
describe('login (R-ACC-1)', () => {
  let h: ContractsHarness;

  beforeAll(async () => {
    h = await ContractsHarness.start();
    h.setClock('2025-03-10T09:00:00+03:00');
  });
  afterAll(async () => {
    await h?.stop();
  });

  async function contactWithLogin(password = 'correct horse battery') {
    const { organization } = await customer(h.app, 'imc-typical', { startsOn: '2025-01-01', endsOn: '2025-12-31' });
    const email = `user-${newId().slice(-8)}@customer.example`;
    const contact = await h.app.contacts.add(ADMIN, {
      organizationId: organization.id,
      fullName: 'Мария Иванова',
      email,
      phone: null,
      password,
    });
    return { organization, contact, email, password };
  }

  it('the right password issues a JWT (HS256) with sub, role, org, name and exp', async () => {
    const { organization, contact, email, password } = await contactWithLogin();

    const result = await h.app.auth.login(`  ${email.toUpperCase()} `, password);

    expect(result.viewer).toEqual({
      id: contact.id,
      role: 'CUSTOMER',
      organizationId: organization.id,
      name: 'Мария Иванова',
      email,
      kind: 'CONTACT',
    });
    expect(decodeProtectedHeader(result.token).alg).toBe('HS256');
    const { payload } = await jwtVerify(result.token, new TextEncoder().encode(JWT_SECRET), { algorithms: ['HS256'] });
    expect(payload).toMatchObject({ sub: contact.id, role: 'CUSTOMER', org: organization.id, name: 'Мария Иванова' });
    // One working day: exp - iat = 8 h.
    expect(payload.exp! - payload.iat!).toBe(8 * 3600);
    expect(result.expiresAt.getTime()).toBe(payload.exp! * 1000);
  });

  it('staff tokens carry the staff role and no organization', async () => {
    const email = `eng-${newId().slice(-8)}@provider.example`;
    const member = await h.app.staff.add(ADMIN, {
      fullName: 'Инженер',
      email,
      role: 'ENGINEER',
      password: 'engineer-password',
    });
    const { token } = await h.app.auth.login(email, 'engineer-password');
    const { payload } = await jwtVerify(token, new TextEncoder().encode(JWT_SECRET));
    expect(payload.sub).toBe(member.id);
    expect(payload.role).toBe('ENGINEER');
    expect(payload.org).toBeUndefined();
  });

  it('a wrong password and an unknown e-mail answer the same', async () => {
    const { email } = await contactWithLogin();
    const wrong = await h.app.auth.login(email, 'wrong password').catch((e: unknown) => e);
    const unknown = await h.app.auth
      .login(`nobody-${newId().slice(-6)}@customer.example`, 'wrong password')
      .catch((e: unknown) => e);
    expect(wrong).toMatchObject({ code: 'UNAUTHENTICATED', message: 'Wrong e-mail or password' });
    expect(unknown).toMatchObject({ code: 'UNAUTHENTICATED', message: 'Wrong e-mail or password' });
  });

  it('a contact without a password cannot log in', async () => {
    const { organization } = await customer(h.app, 'asmo', { startsOn: '2025-01-01', endsOn: '2025-12-31' });
    const email = `nopass-${newId().slice(-6)}@customer.example`;
    await h.app.contacts.add(ADMIN, {
      organizationId: organization.id,
      fullName: 'Без пароля',
      email,
      phone: null,
      password: null,
    });
    await expect(h.app.auth.login(email, 'any password at all')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('a deactivated contact is refused even with the right password, and can log in again when reactivated', async () => {
    const { contact, email, password } = await contactWithLogin();
    await h.app.contacts.deactivate(ADMIN, contact.id);
    await expect(h.app.auth.login(email, password)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/^This login is deactivated/),
    });
    const deactivated = (await h.events('contracts.contact.deactivated')).filter(
      (e) => e.data.contactId === contact.id,
    );
    expect(deactivated.map((e) => e.data.active)).toEqual([false]);

    await h.app.contacts.update(ADMIN, contact.id, { active: true });
    await expect(h.app.auth.login(email, password)).resolves.toMatchObject({ viewer: { id: contact.id } });
  });

  it('repeated failures from one address lock that e-mail for that address (known and unknown alike); success resets', async () => {
    const { email, password } = await contactWithLogin();
    const unknown = `ghost-${newId().slice(-6)}@customer.example`;
    const attacker = '203.0.113.5';
    for (const address of [email, unknown]) {
      for (let i = 0; i < FREE_FAILURES; i++) {
        await expect(h.app.auth.login(address, 'nope nope', attacker)).rejects.toMatchObject({
          code: 'UNAUTHENTICATED',
        });
      }
      // Failure number FREE_FAILURES + 1 locks for 30 s (real time: the business clock stays in 2025).
      await expect(h.app.auth.login(address, 'nope nope', attacker)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
      const refusal = await h.app.auth.login(address, 'nope nope', attacker).catch((e: unknown) => e);
      expect(refusal).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterSeconds: 30 } });
      expect((refusal as Error).message).toMatch(
        /^Too many failed logins for this e-mail from your address: try again in 30 s \(after 20\d\d-/,
      );
      expect((refusal as Error).message).not.toContain('2025-03-10');
    }
    // Even the right password waits out the lock from that address...
    await expect(h.app.auth.login(email, password, attacker)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    // ...while the owner, elsewhere, logs in.
    await expect(h.app.auth.login(email, password, '198.51.100.7')).resolves.toBeDefined();
    // After 31 s of real time it works from there too, resetting the count.
    h.advanceRealTime(31_000);
    await expect(h.app.auth.login(email, password, attacker)).resolves.toBeDefined();
    await expect(h.app.auth.login(email, 'nope nope', attacker)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(h.app.auth.login(email, password, attacker)).resolves.toBeDefined();
  });

  it('parallel guesses at one e-mail are counted one by one: no more passwords are checked than the lock allows', async () => {
    const { email } = await contactWithLogin();
    const answers = await Promise.all(
      Array.from({ length: 40 }, () => h.app.auth.login(email, 'nope nope').catch((e: { code: string }) => e.code)),
    );
    // FREE_FAILURES free failures, then the one that locks; every other guess is refused unchecked.
    expect(answers.filter((a) => a === 'UNAUTHENTICATED')).toHaveLength(FREE_FAILURES + 1);
    expect(answers.filter((a) => a === 'RATE_LIMITED')).toHaveLength(40 - FREE_FAILURES - 1);
  });

  it('one e-mail is one login across contacts and staff', async () => {
    const { email } = await contactWithLogin();
    await expect(
      h.app.staff.add(ADMIN, { fullName: 'Двойник', email, role: 'DISPATCHER', password: 'another-password' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining(`The e-mail ${email} already belongs`),
    });
  });

  it('five concurrent registrations of one e-mail: one login, four CONFLICTs (never an internal error)', async () => {
    const { organization } = await customer(h.app, 'asmo', { startsOn: '2025-01-01', endsOn: '2025-12-31' });
    const email = `race-${newId().slice(-6)}@customer.example`;
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) =>
        h.app.contacts.add(ADMIN, {
          organizationId: organization.id,
          fullName: `Racer ${i}`,
          email,
          phone: null,
          password: null,
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')) {
      expect(r.reason).toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining(`The e-mail ${email} already belongs`),
      });
    }
  });

  it('the first admin is created once from ADMIN_EMAIL / ADMIN_PASSWORD, and never overwritten', async () => {
    expect(await h.app.staff.ensureFirstAdmin('root@provider.example', 'first-admin-password')).toBe('created');
    expect(await h.app.staff.ensureFirstAdmin('root@provider.example', 'a-different-password')).toBe('exists');
    const { viewer } = await h.app.auth.login('root@provider.example', 'first-admin-password');
    expect(viewer).toMatchObject({ role: 'ADMIN', organizationId: null, kind: 'STAFF', name: 'Administrator' });
    await expect(h.app.auth.login('root@provider.example', 'a-different-password')).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });

  it('staff are added by an ADMIN only, and the last active ADMIN cannot be demoted', async () => {
    const dispatcher = {
      kind: 'user' as const,
      id: newId(),
      role: 'DISPATCHER' as const,
      organizationId: null,
      name: null,
    };
    await expect(
      h.app.staff.add(dispatcher, {
        fullName: 'X',
        email: 'x@provider.example',
        role: 'ENGINEER',
        password: 'password-x',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'A DISPATCHER may not add staff; allowed roles: ADMIN' });
    const admins = await h.app.staff.list(ADMIN, { role: 'ADMIN', activeOnly: true }, { first: 10, after: null });
    expect(admins.totalCount).toBe(1);
    await expect(h.app.staff.update(ADMIN, admins.edges[0]!.node.id, { role: 'ENGINEER' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });
});
