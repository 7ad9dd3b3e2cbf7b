import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import type { AnyEventEnvelope } from '../events/envelope';

/**
 * An event a consumer set aside: FAILED (its handler failed it PARK_AFTER_ATTEMPTS times) or
 * HELD (a later event of the same ticket, kept behind a parked one so the ticket's order holds).
 */
@Entity({ name: 'parked_events' })
@Unique('UQ_parked_events_event', ['consumer', 'eventId'])
@Index('parked_events_key_idx', ['consumer', 'orderingKey', 'streamSeq'])
export class ParkedEventRow {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_parked_events' })
  id!: string;

  @Column({ type: 'text' })
  consumer!: string;

  @Column({ type: 'uuid', name: 'event_id' })
  eventId!: string;

  @Column({ type: 'text', name: 'event_type' })
  eventType!: string;

  /** The ticket (or contract) the event is about; null: an event that holds nothing behind it. */
  @Column({ type: 'text', name: 'ordering_key', nullable: true })
  orderingKey!: string | null;

  @Column({ type: 'bigint', name: 'stream_seq' })
  streamSeq!: string;

  @Column({ type: 'jsonb' })
  envelope!: AnyEventEnvelope;

  @Column({ type: 'text' })
  state!: 'FAILED' | 'HELD';

  @Column({ type: 'text' })
  error!: string;

  @Column({ type: 'integer' })
  attempts!: number;

  @Column({ type: 'timestamptz', name: 'parked_at', default: () => 'now()' })
  parkedAt!: Date;
}
