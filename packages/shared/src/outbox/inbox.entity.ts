import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Events a consumer has applied; written in the same transaction as the effect. */
@Entity({ name: 'inbox' })
@Index('inbox_processed_at_idx', ['processedAt'])
export class InboxRow {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_inbox' })
  consumer!: string;

  @PrimaryColumn({ type: 'uuid', name: 'event_id', primaryKeyConstraintName: 'PK_inbox' })
  eventId!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'timestamptz', name: 'processed_at', default: () => 'now()' })
  processedAt!: Date;
}
