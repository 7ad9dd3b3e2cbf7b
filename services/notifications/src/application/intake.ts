import {
  badInput,
  type Caller,
  type EmailRegistrationRefusedV1,
  makeEvent,
  newId,
  requireRole,
} from '@reglament/shared/domain';
import { type Clock, type Logger, type Transactions, type Tx } from '@reglament/shared/platform';
import type { ParsedMail } from 'mailparser';
import type { DataSource } from 'typeorm';
import {
  decideIntake,
  type IntakeDecision,
  type SenderFacts,
  threadTicketIds,
  ticketNumberIn,
  type TicketRef,
  titleOf,
  trimQuoted,
} from '../domain/intake';
import { EmailIntakeEntity, KnownPersonEntity, KnownTicketEntity } from '../infra/entities';
import type { Deliveries } from './deliveries';
import { IntakeMails } from './intake-mails';
import type { MailSettings } from './mail';
import {
  carriedFiles,
  clean,
  firstAddress,
  firstAddressOf,
  headerIds,
  inboundFacts,
  messageIdOf,
  parseMail,
  TEXT_MAX,
  TITLE_MAX,
} from './mail-parsing';
import type { TextRenderer } from './render';

export interface EmailInSettings {
  /** Largest raw mail accepted, in bytes. */
  maxBytes: number;
  /** Files of one mail carried to the ticket, in bytes in all (they travel inside the event). */
  attachmentsMaxBytes: number;
  /** Mails taken from one sender address per hour (more are refused, SMTP 451: try later). */
  ratePerHour: number;
  /** How long receiveEmail waits for the new ticket's number (0: answer at once, number pending). */
  waitMs: number;
}

export const DEFAULT_EMAIL_IN: EmailInSettings = {
  maxBytes: 25 * 1024 * 1024,
  attachmentsMaxBytes: 512 * 1024,
  ratePerHour: 30,
  waitMs: 5000,
};

export type IntakeStatus =
  'REGISTERED' | 'REFUSED' | 'REPLIED' | 'FORWARDED' | 'QUARANTINED' | 'RELEASED' | 'DROPPED' | 'IGNORED';

/** What happened to one mail (EmailIntakeResult). */
export interface IntakeResult {
  intakeId: string | null;
  status: IntakeStatus | 'RATE_LIMITED';
  registered: boolean;
  ticketId: string | null;
  ticketNumber: string | null;
  messageAdded: boolean;
  forwardedTo: string | null;
  quarantined: boolean;
  duplicate: boolean;
  reason: string;
}

/** Refused for the sender's rate: the SMTP listener answers 451 (try later). */
export class RateLimited extends Error {}

/**
 * The inbound e-mail channel (docs/email.md): one intake for the SMTP listener and
 * `receiveEmail`. Parses the mail, records it once per Message-ID, decides (domain/intake.ts)
 * and, in the same transaction, asks tickets to register or add a message (events through the
 * outbox), queues the forward to the organization, or keeps it in quarantine.
 */
export class EmailIntake {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly deliveries: Deliveries,
    renderer: TextRenderer,
    private readonly mail: Pick<MailSettings, 'from' | 'domain'>,
    private readonly settings: EmailInSettings,
    private readonly log: Logger,
  ) {
    this.mails = new IntakeMails(renderer, mail, clock);
  }

  private readonly mails: IntakeMails;

  get maxBytes(): number {
    return this.settings.maxBytes;
  }

  /**
   * receiveEmail: the same intake as SMTP; waits briefly for the new ticket's number. ADMIN, or
   * a global partner key (bound to no organization): the gateway lets a partner run only its
   * manifest's operations, so the key of the `email-intake` manifest may do this and nothing else.
   */
  async receiveFromApi(caller: Caller, raw: string): Promise<IntakeResult> {
    const intakeKey = caller.kind === 'user' && caller.role === 'PARTNER' && !caller.organizationId;
    if (!intakeKey)
      requireRole(caller, ['ADMIN'], 'hand in e-mail (or use a global partner key of the email-intake manifest)');
    const bytes = Buffer.from(raw, 'utf8');
    if (bytes.length > this.settings.maxBytes) {
      throw badInput(`raw is ${bytes.length} bytes; the largest e-mail taken is ${this.settings.maxBytes} bytes`, {
        field: 'raw',
        size: bytes.length,
        maxBytes: this.settings.maxBytes,
      });
    }
    if (!/^[\x21-\x39\x3b-\x7e]+:/m.test(raw.slice(0, 4096))) {
      throw badInput('raw must be a whole RFC 5322 message: header lines ("From: ...") and the body', {
        field: 'raw',
      });
    }
    let result: IntakeResult;
    try {
      result = await this.receive(bytes, 'API', null);
    } catch (error) {
      if (error instanceof RateLimited) throw badInput(error.message, { field: 'raw', reason: 'RATE_LIMITED' });
      throw error;
    }
    return this.withNumber(result);
  }

  /** One mail, from SMTP or the API. Throws RateLimited when the sender is over its rate. */
  async receive(raw: Buffer, via: 'SMTP' | 'API', envelopeFrom: string | null): Promise<IntakeResult> {
    const parsed = await parseMail(raw);
    const from = (firstAddress(parsed.from) ?? envelopeFrom ?? '').toLowerCase();
    const messageId = messageIdOf(parsed, raw);
    const known = await this.dataSource.getRepository(EmailIntakeEntity).findOneBy({ messageId });
    if (known)
      return { ...resultOf(known), duplicate: true, reason: `the same Message-ID was taken before: ${known.reason}` };
    const now = this.clock.now();
    const since = new Date(now.getTime() - 3600_000);
    const recent = await this.dataSource
      .getRepository(EmailIntakeEntity)
      .createQueryBuilder('i')
      .where('i.sender = :from AND i.received_at > :since', { from, since })
      .getCount();
    if (recent >= this.settings.ratePerHour) {
      throw new RateLimited(
        `${from || 'this sender'} sent ${recent} e-mails within the last hour; at most ${this.settings.ratePerHour} are taken per sender and hour: try later`,
      );
    }
    const facts = inboundFacts(parsed, from);
    const sender = await this.senderFacts(parsed, from, null);
    const decision = decideIntake(facts, sender);
    const intake: EmailIntakeEntity = {
      id: newId(),
      messageId,
      sender: from,
      subject: clean(parsed.subject ?? '').slice(0, 998),
      status: 'IGNORED',
      reason: '',
      ticketId: null,
      organizationId: null,
      contactId: null,
      forwardedTo: null,
      size: raw.length,
      raw: null,
      via,
      receivedAt: now,
    };
    const result = await this.transactions.run(async (tx) => {
      const inserted = (await tx.manager.query(
        `INSERT INTO email_intakes (id, message_id, sender, subject, status, reason, size, via, received_at)
         VALUES ($1, $2, $3, $4, 'IGNORED', '', $5, $6, $7) ON CONFLICT (message_id) DO NOTHING RETURNING id`,
        [intake.id, messageId, from, intake.subject, raw.length, via, now],
      )) as unknown[];
      if (inserted.length === 0) return null;
      return this.apply(tx, intake, decision, parsed, raw);
    });
    if (!result) {
      const again = await this.dataSource.getRepository(EmailIntakeEntity).findOneByOrFail({ messageId });
      return { ...resultOf(again), duplicate: true, reason: `the same Message-ID was taken before: ${again.reason}` };
    }
    if (result.forwardedTo) void this.deliveries.wake();
    this.log.info({ intakeId: result.intakeId, status: result.status, via }, 'inbound e-mail taken');
    return result;
  }

  /** Applies a decision inside the intake's transaction (also the quarantine's release). */
  async apply(
    tx: Tx,
    intake: EmailIntakeEntity,
    decision: IntakeDecision,
    parsed: ParsedMail,
    raw: Buffer,
    contactName?: string,
  ): Promise<IntakeResult> {
    const base: IntakeResult = {
      intakeId: intake.id,
      status: 'IGNORED',
      registered: false,
      ticketId: null,
      ticketNumber: null,
      messageAdded: false,
      forwardedTo: null,
      quarantined: false,
      duplicate: false,
      reason: '',
    };
    const origin = { source: 'notifications', occurredAt: this.clock.now(), correlationId: intake.id };
    const save = async (values: Partial<EmailIntakeEntity>) =>
      tx.manager.update(EmailIntakeEntity, { id: intake.id }, values);
    switch (decision.action) {
      case 'IGNORE':
        await save({ status: 'IGNORED', reason: decision.reason });
        return { ...base, reason: decision.reason };
      case 'QUARANTINE':
        await save({ status: 'QUARANTINED', reason: decision.reason, raw: raw.toString('base64') });
        return { ...base, status: 'QUARANTINED', quarantined: true, reason: decision.reason };
      case 'FORWARD': {
        const reason = decision.reason;
        await this.mails.queueForward(tx, intake, decision.organizationId, decision.to, parsed);
        await save({ status: 'FORWARDED', reason, organizationId: decision.organizationId, forwardedTo: decision.to });
        return { ...base, status: 'FORWARDED', forwardedTo: decision.to, reason };
      }
      case 'NEW_TICKET': {
        const name = contactName ?? (await this.contactName(tx, decision.contactId));
        const { attachments, skipped } = carriedFiles(parsed, this.settings.attachmentsMaxBytes);
        const text = trimQuoted(parsed.text ?? '') || '(no text)';
        const description = (text + skipped).slice(0, TEXT_MAX);
        const subject = clean(parsed.subject ?? '');
        const ticketId = newId();
        tx.emit(
          makeEvent(
            'notifications.email.ticket_requested',
            decision.organizationId,
            {
              intakeId: intake.id,
              ticketId,
              organizationId: decision.organizationId,
              contactId: decision.contactId,
              contactName: name,
              subject: (titleOf(subject) || '(no subject)').slice(0, TITLE_MAX),
              description,
              messageId: intake.messageId,
              attachments,
            },
            origin,
          ),
        );
        const reason =
          'registration requested on the EMAIL channel (R-TKT-3); the number is e-mailed to the sender (R-TKT-1)';
        await save({
          status: 'REGISTERED',
          reason,
          ticketId,
          organizationId: decision.organizationId,
          contactId: decision.contactId,
        });
        return { ...base, status: 'REGISTERED', registered: true, ticketId, reason };
      }
      case 'REPLY': {
        const name = contactName ?? (await this.contactName(tx, decision.contactId));
        const { attachments, skipped } = carriedFiles(parsed, this.settings.attachmentsMaxBytes);
        const body = ((trimQuoted(parsed.text ?? '') || '(no text)') + skipped).slice(0, TEXT_MAX);
        tx.emit(
          makeEvent(
            'notifications.email.reply_received',
            decision.organizationId,
            {
              intakeId: intake.id,
              ticketId: decision.ticket.ticketId,
              organizationId: decision.organizationId,
              contactId: decision.contactId,
              contactName: name,
              body,
              messageId: intake.messageId,
              attachments,
            },
            origin,
          ),
        );
        const reason = `a reply to ${decision.ticket.number}: added as a public message (an answer when a clarification is awaited, R-TKT-9)`;
        await save({
          status: 'REPLIED',
          reason,
          ticketId: decision.ticket.ticketId,
          organizationId: decision.organizationId,
          contactId: decision.contactId,
        });
        return {
          ...base,
          status: 'REPLIED',
          messageAdded: true,
          ticketId: decision.ticket.ticketId,
          ticketNumber: decision.ticket.number,
          reason,
        };
      }
    }
  }

  /**
   * tickets.email.refused: the rules refused a mail's registration (e.g. no contract in force,
   * R-CON-1). The intake records why and tells the sender by e-mail, once (the delivery is keyed
   * by the intake), marked Auto-Submitted like every mail of the product.
   */
  async refused(data: EmailRegistrationRefusedV1, tx: Tx): Promise<void> {
    const intake = await tx.manager.findOneBy(EmailIntakeEntity, { id: data.intakeId });
    if (!intake) return;
    const reasons = data.reasons.join('; ').slice(0, 2000);
    await tx.manager.update(EmailIntakeEntity, { id: intake.id }, { status: 'REFUSED', reason: `refused: ${reasons}` });
    const person = await tx.manager.findOneBy(KnownPersonEntity, { personId: data.contactId });
    if (person?.email) await this.mails.queueRefusal(tx, intake, person, data.organizationId, reasons);
  }

  private async contactName(tx: Tx, contactId: string): Promise<string> {
    const person = await tx.manager.findOneBy(KnownPersonEntity, { personId: contactId });
    return person?.fullName ?? 'E-mail';
  }

  /**
   * What the read models know of the sender and the tickets the mail names. `organizationId`
   * (a release) looks for a ticket of that organization only.
   */
  async senderFacts(parsed: ParsedMail, from: string, organizationId: string | null): Promise<SenderFacts> {
    const contacts = from
      ? await this.dataSource
          .getRepository(KnownPersonEntity)
          .createQueryBuilder('p')
          .where(`p.kind = 'CONTACT' AND lower(p.email) = :from`, { from })
          .orderBy('p.active', 'DESC')
          .getMany()
      : [];
    const contact = contacts[0] ?? null;
    const domain = from.includes('@') ? from.slice(from.lastIndexOf('@') + 1) : '';
    const organizations = domain
      ? ((await this.dataSource.query(
          `SELECT organization_id, email FROM known_organizations WHERE $1 = ANY(email_domains) ORDER BY organization_id LIMIT 1`,
          [domain],
        )) as { organization_id: string; email: string }[])
      : [];
    const number = ticketNumberIn(parsed.subject ?? '');
    const tickets = this.dataSource.getRepository(KnownTicketEntity);
    const ref = (t: KnownTicketEntity | null): TicketRef | null =>
      t ? { ticketId: t.ticketId, number: t.number, organizationId: t.organizationId } : null;
    const byNumber = number ? ref(await tickets.findOneBy({ number })) : null;
    const ids = threadTicketIds([...headerIds(parsed.inReplyTo), ...headerIds(parsed.references)], this.mail.domain);
    let byThread: TicketRef | null = null;
    for (const id of ids.slice(0, 20)) {
      const found = ref(await tickets.findOneBy({ ticketId: id }));
      if (found && (!organizationId || found.organizationId === organizationId)) {
        byThread = found;
        break;
      }
    }
    return {
      contact: contact?.organizationId
        ? {
            contactId: contact.personId,
            organizationId: contact.organizationId,
            fullName: contact.fullName,
            active: contact.active,
          }
        : null,
      domainOrganization: organizations[0]
        ? { organizationId: organizations[0].organization_id, email: organizations[0].email }
        : null,
      ticketByNumber: byNumber,
      ticketByThread: byThread,
      ownAddress: firstAddressOf(this.mail.from) ?? '',
    };
  }

  /** A registration is asked of tickets through an event; the number is read back from the read model for a while. */
  async withNumber(result: IntakeResult): Promise<IntakeResult> {
    if (!result.registered || !result.ticketId || result.ticketNumber) return result;
    const deadline = Date.now() + this.settings.waitMs;
    const tickets = this.dataSource.getRepository(KnownTicketEntity);
    const intakes = this.dataSource.getRepository(EmailIntakeEntity);
    for (;;) {
      const known = await tickets.findOneBy({ ticketId: result.ticketId });
      if (known) return { ...result, ticketNumber: known.number };
      const intake = result.intakeId ? await intakes.findOneBy({ id: result.intakeId }) : null;
      if (intake?.status === 'REFUSED') return { ...result, registered: false, ticketId: null, reason: intake.reason };
      if (Date.now() >= deadline) return result;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export function resultOf(row: EmailIntakeEntity): IntakeResult {
  const status = row.status as IntakeStatus;
  return {
    intakeId: row.id,
    status,
    registered: status === 'REGISTERED' || (status === 'RELEASED' && row.ticketId !== null),
    ticketId: row.ticketId,
    ticketNumber: null,
    messageAdded: status === 'REPLIED',
    forwardedTo: row.forwardedTo,
    quarantined: status === 'QUARANTINED',
    duplicate: false,
    reason: row.reason,
  };
}
