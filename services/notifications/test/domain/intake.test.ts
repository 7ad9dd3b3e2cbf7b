import {
  automaticReason,
  decideIntake,
  type InboundFacts,
  type SenderFacts,
  threadTicketIds,
  ticketNumberIn,
  titleOf,
  trimQuoted,
} from '../../src/domain/intake';

const ORG_A = '0190f000-0000-7000-8000-00000000000a';
const ORG_B = '0190f000-0000-7000-8000-00000000000b';
const ANNA = '0190f000-0000-7000-8000-0000000000a1';
const TICKET_A = { ticketId: '0190f000-0000-7000-8000-0000000000f1', number: 'T-2026-000123', organizationId: ORG_A };
const TICKET_B = { ticketId: '0190f000-0000-7000-8000-0000000000f2', number: 'T-2026-000124', organizationId: ORG_B };

const mail = (over: Partial<InboundFacts> = {}): InboundFacts => ({
  from: 'anna@a.example',
  subject: 'Printer',
  autoSubmitted: null,
  precedence: null,
  xAutoreply: false,
  contentType: 'text/plain',
  ...over,
});
const sender = (over: Partial<SenderFacts> = {}): SenderFacts => ({
  contact: { contactId: ANNA, organizationId: ORG_A, fullName: 'Anna', active: true },
  domainOrganization: { organizationId: ORG_A, email: 'it@a.example' },
  ticketByNumber: null,
  ticketByThread: null,
  ownAddress: 'support@provider.example',
  ...over,
});

/** The decision table of the inbound e-mail channel (R-TKT-4, docs/email.md). */
describe('decideIntake', () => {
  it.each([
    ['a registered active contact, no ticket named -> new ticket', mail(), sender(), 'NEW_TICKET'],
    ['their own ticket by number -> reply', mail(), sender({ ticketByNumber: TICKET_A }), 'REPLY'],
    ['their own ticket by In-Reply-To -> reply', mail(), sender({ ticketByThread: TICKET_A }), 'REPLY'],
    [
      "another organization's ticket number -> new ticket, never B's",
      mail(),
      sender({ ticketByNumber: TICKET_B }),
      'NEW_TICKET',
    ],
    [
      'a deactivated contact of a customer domain -> forward',
      mail(),
      sender({ contact: { contactId: ANNA, organizationId: ORG_A, fullName: 'Anna', active: false } }),
      'FORWARD',
    ],
    ['no contact, customer domain -> forward', mail(), sender({ contact: null }), 'FORWARD'],
    [
      'no contact, no customer domain -> quarantine',
      mail(),
      sender({ contact: null, domainOrganization: null }),
      'QUARANTINE',
    ],
    ['Auto-Submitted: auto-replied -> ignore', mail({ autoSubmitted: 'auto-replied' }), sender(), 'IGNORE'],
    ['Auto-Submitted: no -> a person wrote it', mail({ autoSubmitted: 'no' }), sender(), 'NEW_TICKET'],
    ['Precedence: bulk -> ignore', mail({ precedence: 'bulk' }), sender(), 'IGNORE'],
    ['Precedence: auto_reply -> ignore', mail({ precedence: 'auto_reply' }), sender(), 'IGNORE'],
    ['Precedence: junk -> ignore', mail({ precedence: 'junk' }), sender(), 'IGNORE'],
    ['X-Autoreply -> ignore', mail({ xAutoreply: true }), sender(), 'IGNORE'],
    [
      'a DSN (multipart/report) -> ignore',
      mail({ contentType: 'multipart/report; report-type=delivery-status' }),
      sender(),
      'IGNORE',
    ],
    ['MAILER-DAEMON -> ignore', mail({ from: 'mailer-daemon@mx.example' }), sender({ contact: null }), 'IGNORE'],
    ['an empty sender (bounce) -> ignore', mail({ from: '' }), sender({ contact: null }), 'IGNORE'],
    ['our own address (a loop) -> ignore', mail({ from: 'support@provider.example' }), sender(), 'IGNORE'],
    [
      'an unknown auto-reply is ignored, not quarantined',
      mail({ autoSubmitted: 'auto-generated' }),
      sender({ contact: null, domainOrganization: null }),
      'IGNORE',
    ],
  ])('%s', (_name, facts, known, action) => {
    expect(decideIntake(facts, known).action).toBe(action);
  });

  it('a reply names the ticket and the contact; a forward names the address', () => {
    expect(decideIntake(mail(), sender({ ticketByNumber: TICKET_B, ticketByThread: TICKET_A }))).toEqual({
      action: 'REPLY',
      ticket: TICKET_A,
      contactId: ANNA,
      organizationId: ORG_A,
    });
    expect(decideIntake(mail(), sender({ contact: null }))).toMatchObject({ action: 'FORWARD', to: 'it@a.example' });
    expect(automaticReason(mail(), 'x@y')).toBeNull();
  });
});

describe('the parts of a mail', () => {
  it.each([
    ['Re: [T-2026-000123] Printer', 'T-2026-000123'],
    ['printer t-2026-000001 again', 'T-2026-000001'],
    ['T-2026-12345 (five digits)', null],
    ['no number', null],
  ])('ticket number in %j -> %s', (subject, number) => {
    expect(ticketNumberIn(subject)).toBe(number);
  });

  it('threadTicketIds takes only our own Message-IDs (thread and single mail), once each', () => {
    const t = '0190f000-0000-7000-8000-0000000000f1';
    const n = '0190f000-0000-7000-8000-0000000000e1';
    expect(
      threadTicketIds(
        [`<t.${t}@provider.example>`, `<t.${t}.${n}@provider.example>`, `<t.${t}@evil.example>`, '<abc@x>'],
        'provider.example',
      ),
    ).toEqual([t]);
  });

  it('trimQuoted keeps the new text: no quotes, no "wrote:" history, no signature', () => {
    expect(trimQuoted('Hello\r\n> old\r\nMore\r\n\r\nOn Mon, 3 Mar 2025, Bob wrote:\r\n> older')).toBe('Hello\nMore');
    expect(trimQuoted('Привет\n\n3 марта 2025 г., Иван написал:\n> текст')).toBe('Привет');
    expect(trimQuoted('Text\n-- \nAnna Petrova\n+7 900')).toBe('Text');
    expect(trimQuoted('Text\n\n-----Original Message-----\nFrom: x')).toBe('Text');
    expect(trimQuoted('> only a quote')).toBe('');
  });

  it('titleOf drops reply and forward prefixes', () => {
    expect(titleOf('Re: RE: Fwd: Printer')).toBe('Printer');
    expect(titleOf('Ответ: Принтер')).toBe('Принтер');
    expect(titleOf('Report on the Re: prefix')).toBe('Report on the Re: prefix');
  });
});
