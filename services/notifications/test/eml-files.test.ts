import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newId } from '@reglament/shared/domain';
import { simpleParser } from 'mailparser';
import { customerActor, event, staffActor, ticketAfterChange } from './support/events';
import { NotificationsHarness } from './support/harness';
import { seedContact, seedContract, seedStaff } from './support/people';

/** Without SMTP_URL every e-mail is written as one .eml file under <DATA_DIR>/mail/, so a new user sees what would go out. */
describe('notifications: e-mail as .eml files when no SMTP server is set', () => {
  let h: NotificationsHarness;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'reglament-mail-'));
    h = await NotificationsHarness.start({ dataDir, mail: { from: 'Support <support@provider.example>' } });
  });
  afterAll(async () => {
    await h?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('registration, assignment and solution leave one file per e-mail, threaded, readable by a mail client', async () => {
    const org = newId();
    const contractId = await seedContract(h, org);
    const olga = await seedContact(h, org, 'Olga', { language: 'EN' });
    const egor = await seedStaff(h, 'ENGINEER', 'Egor');
    const ticket = ticketAfterChange({
      organizationId: org,
      contractId,
      requesterId: olga.id,
      number: 'T-2025-000007',
    });
    const base = { ticketId: ticket.ticketId, organizationId: org };
    const registered = event('tickets.ticket.registered', org, {
      ...base,
      ticket,
      actor: customerActor(olga.id),
      answeredOnCall: null,
    });
    await h.deliver(registered);
    await h.publish('tickets.ticket.assigned', org, {
      ...base,
      ticket: { ...ticket, assigneeId: egor.id },
      actor: staffActor(newId()),
      assigneeId: egor.id,
      previousAssigneeId: null,
    });
    await h.publish('tickets.ticket.status_changed', org, {
      ...base,
      ticket: { ...ticket, assigneeId: egor.id, status: 'RESOLVED', resolvedAt: '2025-03-03T07:00:00.000Z' },
      actor: staffActor(egor.id),
      transition: 'PROVIDE_SOLUTION',
      fromStatus: 'IN_PROGRESS',
      toStatus: 'RESOLVED',
      note: 'Driver updated',
    });
    await h.deliver(registered); // again: still one file for it
    await h.service.deliveries.wake();

    const dir = join(dataDir, 'mail');
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const files = readdirSync(dir).filter((f) => f.endsWith('.eml'));
    const mails = await Promise.all(files.map((f) => simpleParser(readFileSync(join(dir, f)))));
    const subjects = mails.map((m) => `${(m.to as { text: string }).text}: ${m.subject}`).sort();
    // Olga (EN): registered, assigned, solution; Egor (RU): assigned. No dispatcher is known here.
    expect(subjects).toEqual([
      'egor@provider.example: [T-2025-000007] Вам назначено обращение T-2025-000007',
      'olga@customer.example: [T-2025-000007] Ticket T-2025-000007 registered',
      'olga@customer.example: [T-2025-000007] Ticket T-2025-000007: engineer assigned',
      'olga@customer.example: [T-2025-000007] Ticket T-2025-000007: solution provided',
    ]);
    for (const mail of mails) expect(mail.inReplyTo).toBe(`<t.${ticket.ticketId}@provider.example>`);
    const solution = mails.find((m) => m.subject?.includes('solution'))!;
    // R-TKT-12: 14 calendar days after the solution (07:00Z = 10:00 Moscow).
    expect(solution.text).toContain('Without an answer the ticket closes automatically on 2025-03-17 10:00 (UTC+3).');
  });
});
