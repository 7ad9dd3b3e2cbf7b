import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { AnyEventEnvelope } from '../events/envelope';

/** An event written in the same transaction as the state change it describes. */
@Entity({ name: 'outbox' })
@Unique('UQ_outbox_event_id', ['eventId'])
@Index('outbox_unpublished_idx', ['seq'], { where: '(published_at IS NULL)' })
export class OutboxRow {
  @PrimaryGeneratedColumn({ type: 'bigint', name: 'seq', primaryKeyConstraintName: 'PK_outbox' })
  seq!: number;

  @Column({ type: 'uuid', name: 'event_id' })
  eventId!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'jsonb' })
  payload!: AnyEventEnvelope;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'published_at', nullable: true })
  publishedAt!: Date | null;
}
