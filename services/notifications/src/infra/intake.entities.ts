import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One inbound e-mail and what became of it (docs/email.md): REGISTERED (a ticket was requested),
 * REPLIED (a message was added), FORWARDED, QUARANTINED (then RELEASED or DROPPED), IGNORED
 * (automatic mail). One row per Message-ID: the same mail twice is one intake.
 */
@Entity({ name: 'email_intakes' })
@Index('email_intakes_message_id_key', ['messageId'], { unique: true })
@Index('email_intakes_sender_idx', ['sender', 'receivedAt'])
@Index('email_intakes_status_idx', ['status', 'id'])
export class EmailIntakeEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_email_intakes' })
  id!: string;

  /** The Message-ID header (or one made from the content's hash when the mail has none). */
  @Column({ type: 'text', name: 'message_id' })
  messageId!: string;

  /** The From address, lower case. */
  @Column({ type: 'text' })
  sender!: string;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'uuid', name: 'ticket_id', nullable: true })
  ticketId!: string | null;

  @Column({ type: 'uuid', name: 'organization_id', nullable: true })
  organizationId!: string | null;

  @Column({ type: 'uuid', name: 'contact_id', nullable: true })
  contactId!: string | null;

  /** Where it was forwarded. */
  @Column({ type: 'text', name: 'forwarded_to', nullable: true })
  forwardedTo!: string | null;

  /** The size of the raw mail in bytes. */
  @Column({ type: 'integer' })
  size!: number;

  /** The raw mail (base64), kept while quarantined (a release registers it) and cleared when dropped. */
  @Column({ type: 'text', nullable: true })
  raw!: string | null;

  /** SMTP or API. */
  @Column({ type: 'text' })
  via!: string;

  @Column({ type: 'timestamptz', name: 'received_at' })
  receivedAt!: Date;
}

/** Read model of customer organizations (contracts.organization.*): their e-mail and domains (R-TKT-4 forwarding). */
@Entity({ name: 'known_organizations' })
export class KnownOrganizationEntity {
  @PrimaryColumn({ type: 'uuid', name: 'organization_id', primaryKeyConstraintName: 'PK_known_organizations' })
  organizationId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  email!: string;

  /** Lower case. */
  @Column({ type: 'text', array: true, name: 'email_domains', default: () => "'{}'" })
  emailDomains!: string[];

  @Column({ type: 'uuid', name: 'source_event_id', nullable: true })
  sourceEventId!: string | null;
}
