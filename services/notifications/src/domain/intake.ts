/**
 * The inbound e-mail decision (R-TKT-3, R-TKT-4, docs/email.md): pure, so the whole table is
 * tested without a mail server. The application parses the mail, looks up the sender and the
 * tickets it names, and hands the facts here.
 */

/** What the intake read from the headers and parts of one mail. */
export interface InboundFacts {
  /** The envelope/From address, lower case. */
  from: string;
  subject: string;
  /** Header values as they came (lower-case names). */
  autoSubmitted: string | null;
  precedence: string | null;
  xAutoreply: boolean;
  /** Content-Type of the whole mail, e.g. multipart/report; report-type=delivery-status. */
  contentType: string | null;
}

/** A ticket as the notifications read model knows it. */
export interface TicketRef {
  ticketId: string;
  number: string;
  organizationId: string;
}

/** The sender as the read models know them. */
export interface SenderFacts {
  /** A contact with this address, if any (active or not). */
  contact: { contactId: string; organizationId: string; fullName: string; active: boolean } | null;
  /** The customer organization whose `emailDomains` hold the sender's domain. */
  domainOrganization: { organizationId: string; email: string } | null;
  /** The ticket the subject names by number ([T-2026-000123]), if known. */
  ticketByNumber: TicketRef | null;
  /** The ticket an In-Reply-To/References id of a mail the product sent names, if known. */
  ticketByThread: TicketRef | null;
  /** The product's own address (a mail from it is a loop). */
  ownAddress: string;
}

export type IntakeDecision =
  | { action: 'IGNORE'; reason: string }
  | { action: 'REPLY'; ticket: TicketRef; contactId: string; organizationId: string }
  | { action: 'NEW_TICKET'; contactId: string; organizationId: string }
  | { action: 'FORWARD'; organizationId: string; to: string; reason: string }
  | { action: 'QUARANTINE'; reason: string };

const AUTOMATIC_SENDERS = /^(mailer-daemon|postmaster|no-?reply|do-?not-?reply)@/i;

/** Why a mail is an automatic one (auto-reply, bounce, list): it is recorded and never answered. Null: a person wrote it. */
export function automaticReason(mail: InboundFacts, ownAddress: string): string | null {
  const auto = mail.autoSubmitted?.trim().toLowerCase();
  if (auto && auto !== 'no') return `Auto-Submitted: ${auto}`;
  const precedence = mail.precedence?.trim().toLowerCase();
  if (precedence && ['bulk', 'auto_reply', 'junk', 'list'].includes(precedence)) return `Precedence: ${precedence}`;
  if (mail.xAutoreply) return 'X-Autoreply';
  const type = mail.contentType?.toLowerCase() ?? '';
  if (type.startsWith('multipart/report')) return 'a delivery status notification (multipart/report)';
  if (!mail.from) return 'no sender address (a bounce)';
  if (AUTOMATIC_SENDERS.test(mail.from)) return `sent by ${mail.from.split('@')[0]}`;
  if (mail.from === ownAddress.toLowerCase()) return 'sent by this product (a loop)';
  return null;
}

/**
 * What becomes of a mail (R-TKT-4): automatic mail is ignored; a registered, active contact's
 * reply goes to the ticket of their organization it names, else a new ticket; a sender of a
 * customer domain who is not an active contact is forwarded to the organization; anyone else
 * waits in quarantine. A ticket of another organization is never touched.
 */
export function decideIntake(mail: InboundFacts, sender: SenderFacts): IntakeDecision {
  const automatic = automaticReason(mail, sender.ownAddress);
  if (automatic) return { action: 'IGNORE', reason: `automatic mail (${automatic}): recorded, never answered` };
  const contact = sender.contact?.active ? sender.contact : null;
  if (contact) {
    const own = (t: TicketRef | null) => (t && t.organizationId === contact.organizationId ? t : null);
    const ticket = own(sender.ticketByNumber) ?? own(sender.ticketByThread);
    if (ticket) {
      return { action: 'REPLY', ticket, contactId: contact.contactId, organizationId: contact.organizationId };
    }
    return { action: 'NEW_TICKET', contactId: contact.contactId, organizationId: contact.organizationId };
  }
  if (sender.domainOrganization) {
    const why = sender.contact ? 'the sender is a deactivated contact' : 'the sender is not a registered contact';
    return {
      action: 'FORWARD',
      organizationId: sender.domainOrganization.organizationId,
      to: sender.domainOrganization.email,
      reason: `${why} of the organization (R-TKT-4): forwarded to ${sender.domainOrganization.email}`,
    };
  }
  return { action: 'QUARANTINE', reason: 'unknown sender: no contact and no customer domain (R-TKT-4)' };
}

/** The ticket number a subject names, e.g. "Re: [T-2026-000123] Printer" -> T-2026-000123. */
export function ticketNumberIn(subject: string): string | null {
  const match = /\bT-(\d{4})-(\d{6})\b/i.exec(subject);
  return match ? `T-${match[1]}-${match[2]}` : null;
}

/**
 * The ticket ids of the product's own Message-IDs among In-Reply-To/References:
 * `<t.<ticket>@domain>` (the thread) and `<t.<ticket>.<notification>@domain>` (one mail).
 */
export function threadTicketIds(ids: string[], domain: string): string[] {
  const found: string[] = [];
  const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
  const pattern = new RegExp(`^<?t\\.(${uuid})(?:\\.${uuid})?@(.+?)>?$`, 'i');
  for (const id of ids) {
    const match = pattern.exec(id.trim());
    if (match && match[2]!.toLowerCase() === domain.toLowerCase() && !found.includes(match[1]!.toLowerCase())) {
      found.push(match[1]!.toLowerCase());
    }
  }
  return found;
}

/**
 * The new text of a mail: quoted history (lines starting with ">", "On ... wrote:" /
 * "... написал(а):" and what follows, an "-----Original Message-----" block) and the signature
 * (after a "-- " line) trimmed.
 */
export function trimQuoted(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (const line of lines) {
    if (line === '-- ' || line === '--') break;
    if (/^-{2,}\s*(original message|исходное сообщение|пересылаемое сообщение|forwarded message)/i.test(line.trim())) {
      break;
    }
    if (/^(on\s.+wrote:|.+\s(написал|написала|написал\(а\)):)\s*$/i.test(line.trim())) break;
    if (/^(from|от):\s.+/i.test(line.trim()) && kept.length > 0 && kept[kept.length - 1]!.trim() === '') break;
    if (line.startsWith('>')) continue;
    kept.push(line);
  }
  return kept.join('\n').trim();
}

/** Strips "Re:", "Fwd:", "Ответ:" prefixes and the ticket tag from a subject (the title of a new ticket). */
export function titleOf(subject: string): string {
  let title = subject.trim();
  for (;;) {
    const next = title.replace(/^(re|fw|fwd|aw|ответ|отв|пересл)\s*(\[\d+\])?\s*:\s*/i, '').trim();
    if (next === title) break;
    title = next;
  }
  return title;
}
