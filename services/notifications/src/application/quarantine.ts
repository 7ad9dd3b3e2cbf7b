import { badInput, type Caller, isUuid, notFound, requireRole, requireUuid } from '@reglament/shared/domain';
import {
  type Connection,
  decodeCursor,
  encodeCursor,
  pageSize,
  toConnection,
  type Transactions,
} from '@reglament/shared/platform';
import type { DataSource } from 'typeorm';
import type { IntakeDecision, TicketRef } from '../domain/intake';
import { EmailIntakeEntity, KnownPersonEntity } from '../infra/entities';
import type { EmailIntake, IntakeResult } from './intake';
import { parseMail } from './mail-parsing';

/**
 * The e-mail quarantine (R-TKT-4, docs/email.md): mail of unknown senders, kept with its content
 * until an admin releases it for a registered contact (through the same intake, as that contact)
 * or drops it.
 */
export class EmailQuarantine {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly intake: EmailIntake,
  ) {}

  /** emailQuarantine (ADMIN): quarantined mails, newest first. */
  async list(
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
      const parsed = await parseMail(raw);
      const sender = await this.intake.senderFacts(parsed, intake.sender, contact.organizationId);
      const own = (t: TicketRef | null) => (t && t.organizationId === contact.organizationId ? t : null);
      const ticket = own(sender.ticketByNumber) ?? own(sender.ticketByThread);
      const decision: IntakeDecision = ticket
        ? { action: 'REPLY', ticket, contactId, organizationId: contact.organizationId! }
        : { action: 'NEW_TICKET', contactId, organizationId: contact.organizationId! };
      const applied = await this.intake.apply(tx, intake, decision, parsed, raw, contact.fullName);
      await tx.manager.update(EmailIntakeEntity, { id }, { status: 'RELEASED', raw: null });
      return { ...applied, status: 'RELEASED' as const };
    });
    return this.intake.withNumber(result);
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
}
