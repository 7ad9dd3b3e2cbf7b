import { eventually } from '@reglament/shared/testing';
import { Seed, type SeededCustomer, type SeededStaff } from '../support/seed';
import { TestSystem } from '../support/system';

type CallTicket = {
  id: string;
  number: string;
  channel: string;
  title: string;
  description: string;
  requesterId: string;
  answeredOnCall: boolean | null;
  organizationId: string;
};
const FIELDS = 'id number channel title description requesterId answeredOnCall organizationId';

/**
 * The phone hotline through the gateway (issue 15, R-TKT-3) on real PostgreSQL and NATS: logCall
 * records an answered call on a ticket and registers an unanswered one with a call-back deadline
 * that the CALLBACK clock holds to at most 3 working days of the contract's business calendar
 * (the SLA service's; nothing in tickets knows working days).
 *
 * The clock stands at Wednesday 11 June 2025, 15:00 Moscow, a pre-holiday day. Under imc-typical
 * (Mon-Fri 09:00-18:00 Moscow, the Russian production calendar) Thursday 12 June (Russia Day) and
 * Friday 13 June (a moved day off) are holidays and 14-15 June the weekend: the working days after
 * the call are Mon 16, Tue 17 and Wed 18 June, so 3 working days end Wednesday 18 June 15:00
 * Moscow = 12:00Z, a week of calendar time later.
 */
describe('logCall: phone calls become tickets with a call-back clock (R-TKT-3)', () => {
  let sys: TestSystem;
  let seed: Seed;
  let dispatcher: SeededStaff;
  let acme: SeededCustomer;
  let globex: SeededCustomer;
  let globexTicket: { id: string };
  let promised: CallTicket;

  beforeAll(async () => {
    sys = await TestSystem.start();
    seed = await Seed.on(sys, { clock: '2025-06-11T15:00:00+03:00' });
    dispatcher = await seed.staff('DISPATCHER');
    acme = await seed.customer({
      organization: { name: 'Acme', email: 'it@acme.example' },
      contact: { fullName: 'Anna Petrova', phone: '+7 (4932) 42-88-40' },
    });
    globex = await seed.customer({
      organization: { name: 'Globex', email: 'it@globex.example' },
      contact: { fullName: 'Gleb Orlov', phone: '+7 495 111-22-33' },
    });
    globexTicket = await seed.ticket(globex);
  });
  afterAll(async () => {
    await sys?.stop();
  });

  const logCall = (input: Record<string, unknown>, token = dispatcher.token) =>
    sys.gql<{ logCall: CallTicket }>(
      `mutation($input: LogCallInput!) { logCall(input: $input) { ${FIELDS} } }`,
      { input },
      token,
    );
  const callback = (ticketId: string) =>
    eventually(async () => {
      const { ticket } = await sys.ok<{
        ticket: { sla: { timers: { metric: string; status: string; deadline: string | null }[] } };
      }>(
        `query($id: ID!) { ticket(id: $id) { sla { timers { metric status deadline } } } }`,
        { id: ticketId },
        seed.admin,
      );
      return ticket.sla.timers.find((t) => t.metric === 'CALLBACK');
    });
  const acmeTickets = async () =>
    (
      await sys.ok<{ tickets: { totalCount: number } }>(
        `query($org: ID!) { tickets(filter: { organizationId: $org }) { totalCount } }`,
        { org: acme.organizationId },
        seed.admin,
      )
    ).tickets.totalCount;

  it("an unanswered call found by the caller's number: a PHONE ticket whose call-back binds within 3 working days", async () => {
    // Monday 16 June 16:00 Moscow: five calendar days away, but the first working day is
    // Monday itself: within the 3 working days, so the promise is the deadline (13:00Z).
    const result = await eventually(async () => {
      const r = await logCall({
        callerPhone: '8 4932 428840',
        summary: 'The label printer stops after 20 labels\nCall back after lunch',
        answered: false,
        callbackBy: '2025-06-16T16:00:00+03:00',
      });
      return r.data?.logCall ?? null; // the contact reaches the tickets read model by an event
    });
    promised = result;
    expect(promised).toMatchObject({
      channel: 'PHONE',
      title: 'The label printer stops after 20 labels',
      description: 'The label printer stops after 20 labels\nCall back after lunch',
      requesterId: acme.contactId,
      answeredOnCall: false,
      organizationId: acme.organizationId,
    });
    expect(await callback(promised.id)).toEqual({
      metric: 'CALLBACK',
      status: 'RUNNING',
      deadline: '2025-06-16T13:00:00.000Z',
    });
  });

  it('a promise past 3 working days does not bind, nor does no promise: the limit, Wed 18 June 15:00 Moscow, does', async () => {
    const late = await logCall({
      contactId: acme.contactId,
      summary: 'VPN drops',
      answered: false,
      callbackBy: '2025-06-18T15:01:00+03:00', // one minute past the limit
    });
    const none = await logCall({ contactId: acme.contactId, summary: 'Scanner offline', answered: false });
    for (const r of [late, none]) {
      expect(r.errors).toBeUndefined();
      expect(await callback(r.data!.logCall.id)).toEqual({
        metric: 'CALLBACK',
        status: 'RUNNING',
        deadline: '2025-06-18T12:00:00.000Z',
      });
    }
  });

  it('an answered call about a ticket is recorded on it as a public message and ends its call-back clock', async () => {
    const r = await logCall({
      contactId: acme.contactId,
      ticketId: promised.id,
      summary: 'Called back: the printer driver was reinstalled',
      answered: true,
    });
    expect(r.errors).toBeUndefined();
    expect(r.data!.logCall.id).toBe(promised.id);
    const { ticket } = await sys.ok<{
      ticket: { messages: { body: string; internal: boolean; fromProvider: boolean }[] };
    }>(
      `query($id: ID!) { ticket(id: $id) { messages { body internal fromProvider } } }`,
      { id: promised.id },
      acme.token,
    );
    expect(ticket.messages).toContainEqual({
      body: 'Phone call with Anna Petrova: Called back: the printer driver was reinstalled',
      internal: false,
      fromProvider: true,
    });
    expect(await eventually(async () => ((await callback(promised.id))?.status === 'MET' ? 'MET' : null))).toBe('MET');
  });

  it('an answered call about something new registers a PHONE ticket answered on the call: no call-back clock', async () => {
    const r = await logCall({
      contactId: acme.contactId,
      title: 'Password reset',
      summary: 'Reset done on the call',
      answered: true,
    });
    expect(r.data?.logCall).toMatchObject({ channel: 'PHONE', answeredOnCall: true, title: 'Password reset' });
    const { ticket } = await eventually(() =>
      sys
        .ok<{ ticket: { sla: { timers: { metric: string }[] } } }>(
          `query($id: ID!) { ticket(id: $id) { sla { timers { metric } } } }`,
          { id: r.data!.logCall.id },
          seed.admin,
        )
        .then((v) => (v.ticket.sla.timers.length > 0 ? v : null)),
    );
    expect(ticket.sla.timers.map((t) => t.metric)).not.toContain('CALLBACK');
  });

  it('refuses what it must, saying why, and registers nothing then (R-ACC-1, tenant isolation, limits)', async () => {
    const before = await acmeTickets();
    const refusal = async (input: Record<string, unknown>, token?: string) => {
      const r = await logCall(input, token);
      expect(r.data?.logCall ?? null).toBeNull();
      return { code: r.errors![0]!.extensions!['code'], message: r.errors![0]!.message };
    };
    // Customers do not log calls: the hotline is the provider's.
    expect((await refusal({ contactId: acme.contactId, summary: 'x', answered: false }, acme.token)).code).toBe(
      'FORBIDDEN',
    );
    expect(
      await refusal({ contactId: acme.contactId, summary: 'x', answered: false, callbackBy: '2025-06-11T11:00:00Z' }),
    ).toEqual({
      code: 'BAD_USER_INPUT',
      message:
        'callbackBy must be after now and within 31 days (now is 2025-06-11T12:00:00.000Z); the call-back clock holds it to at most 3 working days of the contract (R-TKT-3)',
    });
    expect(
      (await refusal({ contactId: acme.contactId, summary: 'x', answered: true, callbackBy: '2025-06-16T10:00:00Z' }))
        .message,
    ).toBe('callbackBy applies only to a call that was not answered (answered: false)');
    expect(
      (await refusal({ contactId: acme.contactId, callerPhone: '+74932428840', summary: 'x', answered: false }))
        .message,
    ).toBe('give the caller as contactId or as callerPhone (one of them)');
    expect((await refusal({ callerPhone: '+7 999 000-00-00', summary: 'x', answered: false })).message).toBe(
      "no active registered contact has the phone +7 999 000-00-00; only registered contacts' requests are registered (R-ACC-1): register the caller as a contact, or give contactId",
    );
    expect((await refusal({ callerPhone: 'call me maybe', summary: 'x', answered: false })).code).toBe(
      'BAD_USER_INPUT',
    );
    expect((await refusal({ contactId: acme.contactId, summary: 'x'.repeat(20_001), answered: false })).message).toBe(
      'summary must be at most 20000 characters (got 20001)',
    );
    expect(
      (await refusal({ contactId: acme.contactId, ticketId: promised.id, summary: 'x', answered: false })).code,
    ).toBe('BAD_USER_INPUT');
    // Acme's contact naming Globex's ticket: as if it did not exist.
    expect(
      (await refusal({ contactId: acme.contactId, ticketId: globexTicket.id, summary: 'x', answered: true })).code,
    ).toBe('NOT_FOUND');
    expect(await acmeTickets()).toBe(before);
  });
});
