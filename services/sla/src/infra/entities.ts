import type { Party, SlaMetric, TimerStatus } from '@reglament/shared';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity({ name: 'sla_timers' })
@Index('sla_timers_ticket_idx', ['ticketId'])
export class SlaTimerEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_sla_timers' })
  id!: string;

  @Column({ type: 'uuid', name: 'ticket_id' })
  ticketId!: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId!: string;

  @Column({ type: 'text' })
  metric!: SlaMetric;

  @Column({ type: 'text' })
  party!: Party;

  @Column({ type: 'text' })
  status!: TimerStatus;

  @Column({ type: 'timestamptz', name: 'started_at' })
  startedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  deadline!: Date | null;

  @Column({ type: 'timestamptz', name: 'warn_at', nullable: true })
  warnAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'stopped_at', nullable: true })
  stoppedAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'breached_at', nullable: true })
  breachedAt!: Date | null;
}
