import { type Caller, makeEvent } from '@reglament/shared/domain';
import { type Tenant, TicketsHarness } from './support/harness';

const REGISTER = `mutation($input: RegisterTicketInput!) {
  registerTicket(input: $input) {
    id number status channel requesterId answeredOnCall linkedTicketId organizationId contractId
    history { type to note actorRole }
    attachments { name contentType size sha256 }
  }
}`;

interface Registered {
  registerTicket: {
    id: string;
    number: string;
    status: string;
    channel: string;
    requesterId: string;
    answeredOnCall: boolean | null;
    linkedTicketId: string | null;
    organizationId: string;
    contractId: string;
    history: { type: string; to: string | null; note: string | null; actorRole: string }[];
    attachments: { name: string; contentType: string; size: number; sha256: string }[];
  };
}

/**
 * Registration (R-TKT-1..5): only registered, active contacts of the organization, only under a
 * contract in force with valid prerequisites (R-ACC-1, R-CON-1); every refusal says why and
 * registers nothing.
 */
describe('registering tickets', () => {
  let h: TicketsHarness;
  let t: Tenant;

  beforeAll(async () => {
    h = await TicketsHarness.start();
    t = await h.tenant('imc-typical', { products: ['1C:ERP', 'Payroll'] });
  });
  afterAll(async () => {
    await h?.stop();
  });

  const input = (extra: Record<string, unknown> = {}) => ({
    contractId: t.contractId,
    channel: 'PORTAL',
    title: 'Cannot post invoices',
    description: 'Error 42 on posting',
    ...extra,
  });

  async function ticketCount(): Promise<number> {
    const [row] = await h.query<{ n: number }>(`SELECT count(*)::int AS n FROM tickets`);
    return row!.n;
  }

  async function refusal(caller: Caller, vars: Record<string, unknown>) {
    const before = await ticketCount();
    const result = await h.gql(caller, REGISTER, { input: vars });
    expect(result.errors).toHaveLength(1);
    expect(await ticketCount()).toBe(before);
    const error = result.errors![0]!;
    return { code: error.extensions?.code, message: error.message, extensions: error.extensions ?? {} };
  }

  it('a customer registers for itself through the portal and gets a number (R-TKT-1)', async () => {
    const { registerTicket: ticket } = await h.ok<Registered>(t.customer, REGISTER, { input: input() });
    expect(ticket).toMatchObject({
      status: 'REGISTERED',
      channel: 'PORTAL',
      requesterId: t.contactId,
      organizationId: t.organizationId,
      contractId: t.contractId,
      answeredOnCall: null,
    });
    expect(ticket.number).toMatch(/^T-2025-\d{6}$/);
    expect(ticket.history).toEqual([{ type: 'REGISTERED', to: 'REGISTERED', note: null, actorRole: 'CUSTOMER' }]);
  });

  it('a customer may not register for someone else, nor by phone', async () => {
    const other = await refusal(t.customer, input({ requesterId: '00000000-0000-7000-8000-000000000abc' }));
    expect(other).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'requesterId' } });
    const phone = await refusal(t.customer, input({ channel: 'PHONE', answeredOnCall: true }));
    expect(phone.code).toBe('BAD_USER_INPUT');
    expect(phone.message).toBe(
      'A CUSTOMER registers through PORTAL or API, not PHONE (phone calls are recorded by provider staff, R-TKT-3)',
    );
  });

  it('a phone call not answered at once records a call-back owed (R-TKT-3)', async () => {
    const { registerTicket: ticket } = await h.ok<Registered>(h.staff.ENGINEER, REGISTER, {
      input: input({ channel: 'PHONE', answeredOnCall: false, requesterId: t.contactId }),
    });
    expect(ticket.answeredOnCall).toBe(false);
    expect(ticket.history[0]!.note).toBe('Not answered on the call: a call-back is owed (R-TKT-3)');
    const missing = await refusal(h.staff.ENGINEER, input({ channel: 'PHONE', requesterId: t.contactId }));
    expect(missing.extensions['field']).toBe('answeredOnCall');
    const portal = await refusal(h.staff.ENGINEER, input({ answeredOnCall: false, requesterId: t.contactId }));
    expect(portal.message).toBe('answeredOnCall applies only to PHONE tickets');
  });

  it('staff and partners name a registered contact (R-ACC-1)', async () => {
    const none = await refusal(h.staff.DISPATCHER, input({ channel: 'EMAIL' }));
    expect(none.message).toBe('requesterId is required: name the registered contact the ticket is for (R-ACC-1)');
    const stranger = await refusal(
      h.staff.DISPATCHER,
      input({ channel: 'EMAIL', requesterId: '00000000-0000-7000-8000-000000000abc' }),
    );
    expect(stranger.code).toBe('BAD_USER_INPUT');
    expect(stranger.extensions['reasons']).toEqual([
      'requester 00000000-0000-7000-8000-000000000abc is not a registered contact; only registered contacts file tickets (R-ACC-1)',
    ]);
    const partner: Caller = {
      kind: 'user',
      id: '00000000-0000-7000-8000-0000000000b1',
      role: 'PARTNER',
      organizationId: t.organizationId,
      name: 'ERP connector',
    };
    const { registerTicket: viaApi } = await h.ok<Registered>(partner, REGISTER, {
      input: input({ channel: 'API', requesterId: t.contactId }),
    });
    expect(viaApi.requesterId).toBe(t.contactId);
    const global: Caller = { ...partner, organizationId: null };
    expect((await refusal(global, input({ channel: 'API', requesterId: t.contactId }))).code).toBe('FORBIDDEN');
  });

  it('a contact of another organization, or a deactivated one, is refused with the reason', async () => {
    const other = await h.tenant();
    const foreign = await refusal(h.staff.DISPATCHER, input({ channel: 'EMAIL', requesterId: other.contactId }));
    expect(foreign.message).toBe(
      `Registration refused: contact ${other.contactName} belongs to another organization than contract ${t.contract.number}`,
    );
    const tenant = await h.tenant();
    const gone = await h.publish('contracts.contact.deactivated', tenant.organizationId, {
      contactId: tenant.contactId,
      organizationId: tenant.organizationId,
      fullName: 'Olga Former',
      email: 'olga@customer.example',
      phone: null,
      active: false,
    });
    await h.applied(gone.id);
    const deactivated = await refusal(tenant.customer, { ...input(), contractId: tenant.contractId });
    expect(deactivated.message).toBe('Registration refused: contact Olga Former is deactivated (R-ACC-1)');
    // A customer whose login is not a contact at all.
    const stranger: Caller = {
      kind: 'user',
      id: 'not-a-contact',
      role: 'CUSTOMER',
      organizationId: t.organizationId,
      name: 'x',
    };
    expect((await refusal(stranger, input())).code).toBe('FORBIDDEN');
  });

  it('a late, earlier contact event never revives a deactivated contact (read model ordered by event)', async () => {
    const tenant = await h.tenant();
    const facts = {
      contactId: tenant.contactId,
      organizationId: tenant.organizationId,
      fullName: 'Pavel Late',
      email: 'pavel@customer.example',
      phone: null,
    };
    const origin = { source: 'contracts', occurredAt: h.clock.now() };
    // Made in this order by contracts (the update first), delivered the other way round.
    const updated = makeEvent('contracts.contact.updated', tenant.organizationId, { ...facts, active: true }, origin);
    const deactivated = makeEvent(
      'contracts.contact.deactivated',
      tenant.organizationId,
      { ...facts, active: false },
      origin,
    );
    await h.platforms[0]!.bus.publish(deactivated);
    await h.applied(deactivated.id);
    await h.platforms[0]!.bus.publish(updated);
    await h.applied(updated.id);
    const refused = await refusal(tenant.customer, { ...input(), contractId: tenant.contractId });
    expect(refused.message).toBe('Registration refused: contact Pavel Late is deactivated (R-ACC-1)');
  });

  it("R-TKT-1: the year on the number is the contract's year (New Year's night in Moscow is still the old year in UTC)", async () => {
    const tenant = await h.tenant();
    h.setClock('2024-12-31T21:30:00Z'); // 00:30 on 1 January 2025 in Moscow
    try {
      const { registerTicket } = await h.ok<Registered>(tenant.customer, REGISTER, {
        input: { ...input(), contractId: tenant.contractId },
      });
      expect(registerTicket.number).toMatch(/^T-2025-\d{6}$/);
    } finally {
      h.setClock('2025-03-03T07:00:00Z');
    }
  });

  it('only under a contract in force on the day, in its own zone (R-CON-1)', async () => {
    const suspended = await h.tenant('asmo', { status: 'SUSPENDED' });
    expect((await refusal(suspended.customer, { ...input(), contractId: suspended.contractId })).message).toBe(
      `Registration refused: contract ${suspended.contract.number} is SUSPENDED; support is given only under an active contract (R-CON-1)`,
    );
    // Ends on 2025-03-02: on 3 March (Moscow) it is over.
    const ended = await h.tenant('asmo', { startsOn: '2024-03-03', endsOn: '2025-03-02' });
    expect((await refusal(ended.customer, { ...input(), contractId: ended.contractId })).message).toBe(
      `Registration refused: contract ${ended.contract.number} is not in force on 2025-03-03 (it runs 2024-03-03 to 2025-03-02); support is given only under an active contract (R-CON-1)`,
    );
    // Starts on 4 March in Almaty (UTC+5): at 2025-03-03T19:30Z it is already 4 March 00:30 there.
    const almaty = await h.tenant('kz-supplier', {
      startsOn: '2025-03-04',
      endsOn: '2025-12-31',
      timeZone: 'Asia/Almaty',
    });
    expect((await refusal(almaty.customer, { ...input(), contractId: almaty.contractId })).code).toBe('BAD_USER_INPUT');
    h.setClock('2025-03-03T19:30:00Z');
    try {
      await h.ok(almaty.customer, REGISTER, { input: { ...input(), contractId: almaty.contractId } });
    } finally {
      h.setClock('2025-03-03T07:00:00Z');
    }
  });

  it('a product whose prerequisite expired is refused; other products are not (R-CON-1, 004)', async () => {
    const its = await h.tenant('infocraft-365', {
      products: ['1C:Accounting', 'Reports'],
      prerequisites: [
        { kind: '1C:ITS', description: 'ITS subscription', validUntil: '2025-02-28', product: '1C:Accounting' },
      ],
    });
    const refused = await refusal(its.customer, { ...input(), contractId: its.contractId, product: '1C:Accounting' });
    expect(refused.message).toBe(
      `Registration refused: prerequisite 1C:ITS (ITS subscription) of contract ${its.contract.number} expired on 2025-02-28 (R-CON-1)`,
    );
    await h.ok(its.customer, REGISTER, { input: { ...input(), contractId: its.contractId, product: 'Reports' } });
    const uncovered = await refusal(its.customer, { ...input(), contractId: its.contractId, product: 'CRM' });
    expect(uncovered.message).toBe(
      `Registration refused: product "CRM" is not covered by contract ${its.contract.number} (covered: 1C:Accounting, Reports)`,
    );
  });

  it("another organization's contract does not exist for a customer", async () => {
    const other = await h.tenant();
    const error = await refusal(t.customer, { ...input(), contractId: other.contractId });
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe(`Contract ${other.contractId} was not found`);
  });

  it('bad fields are named', async () => {
    expect((await refusal(t.customer, input({ title: '   ' }))).extensions['field']).toBe('title');
    expect((await refusal(t.customer, input({ description: 'x'.repeat(20_001) }))).extensions['field']).toBe(
      'description',
    );
    expect((await refusal(t.customer, input({ contractId: 'C-1' }))).extensions['field']).toBe('contractId');
    expect((await refusal(t.customer, input({ channel: 'FAX' }))).code).toBe('BAD_USER_INPUT');
  });

  it('a new problem found while working opens a new ticket linked to the first (R-TKT-2)', async () => {
    const { registerTicket: first } = await h.ok<Registered>(t.customer, REGISTER, { input: input() });
    const { registerTicket: second } = await h.ok<Registered>(h.staff.ENGINEER, REGISTER, {
      input: input({
        channel: 'EMAIL',
        requesterId: t.contactId,
        title: 'Also: totals off by 1',
        linkedTicketId: first.id,
      }),
    });
    expect(second.linkedTicketId).toBe(first.id);
    const view = await h.ok<{ ticket: { linkedTickets: { number: string }[]; linkedTicket: null } }>(
      t.customer,
      `query($id: ID!) { ticket(id: $id) { linkedTicket { number } linkedTickets { number } } }`,
      { id: first.id },
    );
    expect(view.ticket).toEqual({ linkedTicket: null, linkedTickets: [{ number: second.number }] });
    const other = await h.tenant();
    const foreign = await refusal(other.customer, {
      ...input(),
      contractId: other.contractId,
      linkedTicketId: first.id,
    });
    expect(foreign.code).toBe('NOT_FOUND');
  });

  it('files come with the registration (R-TKT-5)', async () => {
    const { registerTicket: ticket } = await h.ok<Registered>(t.customer, REGISTER, {
      input: input({
        // "hello world" is 11 bytes.
        attachments: [{ name: 'error.txt', contentType: 'text/plain', contentBase64: 'aGVsbG8gd29ybGQ=' }],
      }),
    });
    expect(ticket.attachments).toEqual([
      {
        name: 'error.txt',
        contentType: 'text/plain',
        size: 11,
        // sha256("hello world")
        sha256: 'b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9',
      },
    ]);
    expect(ticket.history.map((e) => e.type)).toEqual(['REGISTERED', 'ATTACHMENT_ADDED']);
  });
});
