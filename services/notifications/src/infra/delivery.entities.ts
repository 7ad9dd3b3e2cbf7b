import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One notification on one channel to one recipient, with every attempt counted (R-NTF-3:
 * delivered at least once, recorded once). IN_APP rows are SENT when the notification is
 * recorded; EMAIL rows go PENDING -> SENT, or FAILED (retried with backoff) -> DEAD.
 * E-mail content is rendered when queued, so a retry sends the very same message.
 */
@Entity({ name: 'deliveries' })
@Index('deliveries_notification_channel_key', ['notificationId', 'channel'], { unique: true })
@Index('deliveries_due_idx', ['status', 'nextAttemptAt'])
@Index('deliveries_ticket_idx', ['ticketId'])
export class DeliveryEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_deliveries' })
  id!: string;

  @Column({ type: 'uuid', name: 'notification_id' })
  notificationId!: string;

  /** IN_APP or EMAIL (WEBHOOK later). */
  @Column({ type: 'text' })
  channel!: string;

  @Column({ type: 'uuid', name: 'recipient_id' })
  recipientId!: string;

  /** The address it goes to: an e-mail address, or the user id for IN_APP. */
  @Column({ type: 'text' })
  recipient!: string;

  @Column({ type: 'uuid', name: 'ticket_id', nullable: true })
  ticketId!: string | null;

  @Column({ type: 'uuid', name: 'organization_id', nullable: true })
  organizationId!: string | null;

  @Column({ type: 'text' })
  kind!: string;

  /** PENDING, SENT, FAILED or DEAD. */
  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'text', name: 'last_error', nullable: true })
  lastError!: string | null;

  /** Every attempt, oldest first: when, its outcome and its error (at most MAIL_MAX_ATTEMPTS entries). */
  @Column({ type: 'jsonb', name: 'attempt_log', default: () => "'[]'" })
  attemptLog!: DeliveryAttemptRecord[];

  /** E-mail: when the sender may (re)try it; a claim pushes it ahead (a lease), so one sender has it. */
  @Column({ type: 'timestamptz', name: 'next_attempt_at', nullable: true })
  nextAttemptAt!: Date | null;

  /** The message (EMAIL): headers and parts, as sent on every attempt. */
  @Column({ type: 'jsonb', nullable: true })
  message!: MailMessage | null;

  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'last_attempt_at', nullable: true })
  lastAttemptAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'sent_at', nullable: true })
  sentAt!: Date | null;
}

/** One attempt of a delivery, as the log keeps it. */
export interface DeliveryAttemptRecord {
  /** ISO instant of the attempt. */
  at: string;
  /** SENT, FAILED (retried later) or DEAD (the last one allowed). */
  status: 'SENT' | 'FAILED' | 'DEAD';
  error: string | null;
}

export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  /** The ticket's thread root, when the mail is about a ticket. */
  threadId: string | null;
  language: string;
}
