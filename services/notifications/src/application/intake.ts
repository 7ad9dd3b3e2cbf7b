import { createHash } from 'node:crypto';
import {
  badInput,
  type Caller,
  type EmailAttachmentV1,
  type EmailRegistrationRefusedV1,
  isUuid,
  makeEvent,
  newId,
  notFound,
  requireRole,
  requireUuid,
} from '@reglament/shared/domain';
import {
  type Clock,
  type Connection,
  decodeCursor,
  encodeCursor,
  type Logger,
  pageSize,
  toConnection,
  type Transactions,
  type Tx,
} from '@reglament/shared/platform';
import { type AddressObject, type ParsedMail, simpleParser } from 'mailparser';
import type { DataSource } from 'typeorm';
import {
  decideIntake,
  type InboundFacts,
  type IntakeDecision,
  type SenderFacts,
  threadTicketIds,
  ticketNumberIn,
  type TicketRef,
  titleOf,
  trimQuoted,
} from '../domain/intake';
import { DeliveryEntity, EmailIntakeEntity, KnownPersonEntity, KnownTicketEntity } from '../infra/entities';
import type { Deliveries } from './deliveries';
import { composePlainMail, type MailSettings } from './mail';
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

/** As tickets accepts at registration (R-TKT-5). */
const MAX_FILES = 10;
const TITLE_MAX = 300;
const TEXT_MAX = 20_000;
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

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
    private readonly renderer: TextRenderer,
    private readonly mail: Pick<MailSettings, 'from' | 'domain'>,
    private readonly settings: EmailInSettings,
    private readonly log: Logger,
  ) {}

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
    const parsed = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
    const from = (firstAddress(parsed.from) ?? envelopeFrom ?? '').toLowerCase();
    const messageId = (parsed.messageId ?? `<sha256.${createHash('sha256').update(raw).digest('hex')}@intake>`).slice(
      0,
      998,
    );
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

  /** emailQuarantine (ADMIN): quarantined mails, newest first. */
  async quarantine(
    caller: Caller,
    options: { first?: number | null; after?: string | null },
  ): Promise<Connection<EmailIntakeEntity>> {
    requireRole(caller, ['ADMIN'], 'read the e-mail quarantine');
    const limit = pageSize(options.first);
    const after = decodeCursor(options.after, (k): k is { id: string } => isUuid((k as { id?: string })?.id ?? ''));
    const query = this.dataSource
      .getRepository(EmailIntakeEntity)
      .createQueryBuilder('i')
      .where(`i.status = 'QUARANTINED'`);
    const totalCount = await query.getCount();
    if (after) query.andWhere('i.id < :after', { after: after.id });
    const rows = await query
      .orderBy('i.id', 'DESC')
      .take(limit + 1)
      .getMany();
    return toConnection(rows, limit, totalCount, (row) => encodeCursor({ id: row.id }), Boolean(after));
  }

  /** releaseQuarantinedEmail (ADMIN): registers the mail for a chosen active contact (or adds it to their ticket it names). */
  async release(caller: Caller, id: string, contactId: string): Promise<IntakeResult> {
    requireRole(caller, ['ADMIN'], 'release quarantined e-mail');
    requireUuid(id, 'id');
    requireUuid(contactId, 'contactId');
    const contact = await this.dataSource
      .getRepository(KnownPersonEntity)
      .findOneBy({ personId: contactId, kind: 'CONTACT' });
    if (!contact || !contact.active || !contact.organizationId) {
      throw badInput(
        `contactId ${contactId} is not an active registered contact; tickets are registered only for them (R-ACC-1)`,
        {
          field: 'contactId',
        },
      );
    }
    const result = await this.transactions.run(async (tx) => {
      const rows = (await tx.manager.query(
        `SELECT id FROM email_intakes WHERE id = $1 AND status = 'QUARANTINED' FOR UPDATE`,
        [id],
      )) as unknown[];
      if (rows.length === 0) throw notFound('QuarantinedEmail', id);
      const intake = await tx.manager.findOneByOrFail(EmailIntakeEntity, { id });
      const raw = Buffer.from(intake.raw ?? '', 'base64');
      const parsed = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
      const sender = await this.senderFacts(parsed, intake.sender, contact.organizationId);
      const own = (t: TicketRef | null) => (t && t.organizationId === contact.organizationId ? t : null);
      const ticket = own(sender.ticketByNumber) ?? own(sender.ticketByThread);
      const decision: IntakeDecision = ticket
        ? { action: 'REPLY', ticket, contactId, organizationId: contact.organizationId! }
        : { action: 'NEW_TICKET', contactId, organizationId: contact.organizationId! };
      const applied = await this.apply(tx, intake, decision, parsed, raw, contact.fullName);
      await tx.manager.update(EmailIntakeEntity, { id }, { status: 'RELEASED', raw: null });
      return { ...applied, status: 'RELEASED' as const };
    });
    return this.withNumber(result);
  }

  /** dropQuarantinedEmail (ADMIN): the mail is deleted from quarantine (the record of it stays, without its content). */
  async drop(caller: Caller, id: string): Promise<boolean> {
    requireRole(caller, ['ADMIN'], 'drop quarantined e-mail');
    requireUuid(id, 'id');
    const result = await this.dataSource
      .getRepository(EmailIntakeEntity)
      .update(
        { id, status: 'QUARANTINED' },
        { status: 'DROPPED', raw: null, reason: 'dropped from quarantine by an administrator' },
      );
    if (!result.affected) throw notFound('QuarantinedEmail', id);
    return true;
  }

  private async apply(
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
        await this.queueForward(tx, intake, decision.organizationId, decision.to, parsed);
        await save({ status: 'FORWARDED', reason, organizationId: decision.organizationId, forwardedTo: decision.to });
        return { ...base, status: 'FORWARDED', forwardedTo: decision.to, reason };
      }
      case 'NEW_TICKET': {
        const name = contactName ?? (await this.contactName(tx, decision.contactId));
        const { attachments, skipped } = this.files(parsed);
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
        const { attachments, skipped } = this.files(parsed);
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
    if (!person?.email) return;
    const language = person.language === 'EN' ? 'EN' : 'RU';
    const values = { subject: intake.subject || '(no subject)', reasons };
    const text = this.renderer.render({ kind: 'EMAIL_REFUSED', language, timeZone: 'Europe/Moscow', values });
    const now = this.clock.now();
    const row: Partial<DeliveryEntity> = {
      id: newId(),
      notificationId: intake.id,
      channel: 'EMAIL',
      recipientId: person.personId,
      recipient: person.email,
      ticketId: null,
      organizationId: data.organizationId,
      kind: 'EMAIL_REFUSED',
      status: 'PENDING',
      attempts: 0,
      lastError: null,
      nextAttemptAt: now,
      message: composePlainMail(this.mail, {
        id: intake.id,
        to: person.email,
        subject: text.title,
        text: `${text.body}\n`,
        language,
      }),
      createdAt: now,
      lastAttemptAt: null,
      sentAt: null,
    };
    await tx.manager.createQueryBuilder().insert().into(DeliveryEntity).values(row).orIgnore().execute();
  }

  /** The forward to the organization's address (R-TKT-4): an explanation in RU and EN, then the mail's text. */
  private async queueForward(
    tx: Tx,
    intake: EmailIntakeEntity,
    organizationId: string,
    to: string,
    parsed: ParsedMail,
  ): Promise<void> {
    const values = { subject: intake.subject || '(no subject)', sender: intake.sender };
    const ru = this.renderer.render({ kind: 'EMAIL_FORWARDED', language: 'RU', timeZone: 'Europe/Moscow', values });
    const en = this.renderer.render({ kind: 'EMAIL_FORWARDED', language: 'EN', timeZone: 'Europe/Moscow', values });
    const files = parsed.attachments.map((a) => `${a.filename ?? 'attachment'} (${a.size} bytes)`);
    const original = [
      `From: ${intake.sender}`,
      `Subject: ${intake.subject}`,
      `Date: ${(parsed.date ?? intake.receivedAt).toISOString()}`,
      ...(files.length ? [`Attachments (not forwarded): ${files.join(', ')}`] : []),
      '',
      (parsed.text ?? '').slice(0, TEXT_MAX),
    ].join('\n');
    const text = `${ru.body}\n\n${en.body}\n\n---------- Исходное письмо / Original message ----------\n${original}\n`;
    const now = this.clock.now();
    const row: Partial<DeliveryEntity> = {
      id: newId(),
      notificationId: intake.id,
      channel: 'EMAIL',
      recipientId: organizationId,
      recipient: to,
      ticketId: null,
      organizationId,
      kind: 'EMAIL_FORWARDED',
      status: 'PENDING',
      attempts: 0,
      lastError: null,
      nextAttemptAt: now,
      message: composePlainMail(this.mail, { id: intake.id, to, subject: `${ru.title}`, text, language: 'RU' }),
      createdAt: now,
      lastAttemptAt: null,
      sentAt: null,
    };
    await tx.manager.createQueryBuilder().insert().into(DeliveryEntity).values(row).orIgnore().execute();
  }

  /** Files carried to the ticket, within the per-mail limit; the rest are named in the text. */
  private files(parsed: ParsedMail): { attachments: EmailAttachmentV1[]; skipped: string } {
    const attachments: EmailAttachmentV1[] = [];
    const left: string[] = [];
    let total = 0;
    for (const [index, file] of parsed.attachments.entries()) {
      const name = safeName(file.filename ?? `attachment-${index + 1}`);
      if (file.size === 0) continue;
      if (attachments.length >= MAX_FILES || total + file.size > this.settings.attachmentsMaxBytes) {
        left.push(`${name} (${file.size} bytes)`);
        continue;
      }
      total += file.size;
      attachments.push({
        name,
        contentType: (file.contentType || 'application/octet-stream').toLowerCase(),
        contentBase64: file.content.toString('base64'),
      });
    }
    const skipped = left.length
      ? `\n\n[Not attached: over the limit of ${MAX_FILES} files or ${this.settings.attachmentsMaxBytes} bytes per e-mail: ${left.join(', ')}]`
      : '';
    return { attachments, skipped };
  }

  private async contactName(tx: Tx, contactId: string): Promise<string> {
    const person = await tx.manager.findOneBy(KnownPersonEntity, { personId: contactId });
    return person?.fullName ?? 'E-mail';
  }

  /**
   * What the read models know of the sender and the tickets the mail names. `organizationId`
   * (a release) looks for a ticket of that organization only.
   */
  private async senderFacts(parsed: ParsedMail, from: string, organizationId: string | null): Promise<SenderFacts> {
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
  private async withNumber(result: IntakeResult): Promise<IntakeResult> {
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

function resultOf(row: EmailIntakeEntity): IntakeResult {
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

function inboundFacts(parsed: ParsedMail, from: string): InboundFacts {
  const header = (name: string): string | null => {
    const value = parsed.headers.get(name);
    if (value === undefined || value === null) return null;
    if (typeof value === 'string') return value;
    if (typeof value === 'object' && 'value' in value) return String((value as { value: unknown }).value);
    return String(value);
  };
  const contentType = parsed.headers.get('content-type') as { value?: string } | string | undefined;
  return {
    from,
    subject: parsed.subject ?? '',
    autoSubmitted: header('auto-submitted'),
    precedence: header('precedence'),
    xAutoreply: parsed.headers.has('x-autoreply') || parsed.headers.has('x-autorespond'),
    contentType: typeof contentType === 'string' ? contentType : (contentType?.value ?? null),
  };
}

function firstAddress(value: AddressObject | AddressObject[] | undefined): string | null {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  for (const object of list) {
    for (const entry of object.value) if (entry.address) return entry.address;
  }
  return null;
}

function firstAddressOf(header: string): string | null {
  const match = /<([^>]+)>/.exec(header) ?? /(\S+@\S+)/.exec(header);
  return match?.[1]?.toLowerCase() ?? null;
}

function headerIds(value: string | string[] | undefined): string[] {
  if (!value) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.flatMap((v) => v.match(/<[^>]+>/g) ?? []);
}

function clean(text: string): string {
  return text.replace(INVISIBLE, ' ').replace(/\s+/g, ' ').trim();
}

function safeName(name: string): string {
  const cleaned = name.replace(INVISIBLE, '').replace(/[\\/]/g, '_').trim().slice(0, 255);
  return cleaned || 'attachment';
}
