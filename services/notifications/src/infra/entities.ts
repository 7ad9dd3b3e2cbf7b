import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An in-app notification in a user's inbox (R-NTF-1). */
@Entity({ name: 'notifications' })
@Index('notifications_recipient_idx', ['recipientId', 'id'])
@Index('notifications_source_event_key', ['sourceEventId', 'recipientId'], { unique: true })
export class NotificationEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_notifications' })
  id!: string;

  @Column({ type: 'uuid', name: 'recipient_id' })
  recipientId!: string;

  @Column({ type: 'uuid', name: 'organization_id', nullable: true })
  organizationId!: string | null;

  @Column({ type: 'uuid', name: 'ticket_id', nullable: true })
  ticketId!: string | null;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  /** The event that caused it: one notification per event and recipient (R-NTF-3). */
  @Column({ type: 'uuid', name: 'source_event_id' })
  sourceEventId!: string;

  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'read_at', nullable: true })
  readAt!: Date | null;
}
