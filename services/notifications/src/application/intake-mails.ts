import { newId } from '@reglament/shared/domain';
import type { Clock, Tx } from '@reglament/shared/platform';
import type { ParsedMail } from 'mailparser';
import { DeliveryEntity, type EmailIntakeEntity, type KnownPersonEntity } from '../infra/entities';
import { composePlainMail, type MailSettings } from './mail';
import { TEXT_MAX } from './mail-parsing';
import type { TextRenderer } from './render';

/**
 * The mails the intake itself sends: the forward of a stranger's mail to its organization
 * (R-TKT-4) and the notice of a refused registration. Rows of the delivery log, keyed by the
 * intake (sent once, retried like every e-mail), marked Auto-Submitted by `composePlainMail`.
 */
export class IntakeMails {
  constructor(
    private readonly renderer: TextRenderer,
    private readonly mail: Pick<MailSettings, 'from' | 'domain'>,
    private readonly clock: Clock,
  ) {}

  /** The forward to the organization's address (R-TKT-4): an explanation in RU and EN, then the mail's text. */
  async queueForward(
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
    await this.queue(tx, intake, {
      kind: 'EMAIL_FORWARDED',
      recipientId: organizationId,
      recipient: to,
      organizationId,
      message: composePlainMail(this.mail, { id: intake.id, to, subject: `${ru.title}`, text, language: 'RU' }),
    });
  }

  /** The sender is told why tickets refused to register the mail (EMAIL_REFUSED), in the sender's language. */
  async queueRefusal(
    tx: Tx,
    intake: EmailIntakeEntity,
    person: KnownPersonEntity,
    organizationId: string,
    reasons: string,
  ): Promise<void> {
    const language = person.language === 'EN' ? 'EN' : 'RU';
    const values = { subject: intake.subject || '(no subject)', reasons };
    const text = this.renderer.render({ kind: 'EMAIL_REFUSED', language, timeZone: 'Europe/Moscow', values });
    await this.queue(tx, intake, {
      kind: 'EMAIL_REFUSED',
      recipientId: person.personId,
      recipient: person.email,
      organizationId,
      message: composePlainMail(this.mail, {
        id: intake.id,
        to: person.email,
        subject: text.title,
        text: `${text.body}\n`,
        language,
      }),
    });
  }

  private async queue(
    tx: Tx,
    intake: EmailIntakeEntity,
    mail: Pick<DeliveryEntity, 'kind' | 'recipientId' | 'recipient' | 'organizationId' | 'message'>,
  ): Promise<void> {
    const now = this.clock.now();
    const row: Partial<DeliveryEntity> = {
      id: newId(),
      notificationId: intake.id,
      channel: 'EMAIL',
      ticketId: null,
      status: 'PENDING',
      attempts: 0,
      lastError: null,
      nextAttemptAt: now,
      createdAt: now,
      lastAttemptAt: null,
      sentAt: null,
      ...mail,
    };
    await tx.manager.createQueryBuilder().insert().into(DeliveryEntity).values(row).orIgnore().execute();
  }
}
