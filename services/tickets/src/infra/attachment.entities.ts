import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Actor } from '@reglament/shared/domain';

/** A file's description; its bytes live behind AttachmentStorage (PostgreSQL by default). */
@Entity({ name: 'ticket_attachments' })
@Index('ticket_attachments_ticket_idx', ['ticketId', 'uploadedAt'])
export class TicketAttachmentEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_ticket_attachments' })
  id!: string;

  @Column({ type: 'uuid', name: 'ticket_id' })
  ticketId!: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', name: 'content_type' })
  contentType!: string;

  @Column({ type: 'integer' })
  size!: number;

  @Column({ type: 'text' })
  sha256!: string;

  @Column({ type: 'boolean' })
  internal!: boolean;

  @Column({ type: 'timestamptz', name: 'uploaded_at' })
  uploadedAt!: Date;

  @Column({ type: 'uuid', name: 'uploaded_by_id', nullable: true })
  uploadedById!: string | null;

  @Column({ type: 'text', name: 'uploaded_by_role' })
  uploadedByRole!: Actor['role'];

  @Column({ type: 'text', name: 'uploaded_by_name', nullable: true })
  uploadedByName!: string | null;
}

/** The bytes of the PostgreSQL attachment storage. */
@Entity({ name: 'ticket_attachment_contents' })
export class TicketAttachmentContentEntity {
  @PrimaryColumn({ type: 'uuid', name: 'attachment_id', primaryKeyConstraintName: 'PK_ticket_attachment_contents' })
  attachmentId!: string;

  @Column({ type: 'bytea' })
  content!: Buffer;
}
