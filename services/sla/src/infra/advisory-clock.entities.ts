import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { AdvisoryClockStatus } from '../domain/advisory-clock';

/**
 * The fix clock of a security advisory (R-SLA-6, seed 001 §8-9): a provider clock in calendar
 * time from discovery, one per advisory, not bound to a ticket. Due instants are `next_due_at`
 * under a partial index, fired by the same scheduler as the ticket clocks.
 */
@Entity({ name: 'sla_advisory_clocks' })
@Index('sla_advisory_clocks_next_due_idx', ['nextDueAt'], { where: '(next_due_at IS NOT NULL)' })
export class SlaAdvisoryClockEntity {
  @PrimaryColumn({ type: 'uuid', name: 'advisory_id', primaryKeyConstraintName: 'PK_sla_advisory_clocks' })
  advisoryId!: string;

  @Column({ type: 'text' })
  product!: string;

  @Column({ type: 'text' })
  title!: string;

  /** The organizations told of the advisory: each hears the warning (R-SLA-9). */
  @Column({ type: 'uuid', array: true, name: 'organization_ids', default: () => "'{}'" })
  organizationIds!: string[];

  @Column({ type: 'text' })
  status!: AdvisoryClockStatus;

  @Column({ type: 'timestamptz', name: 'started_at' })
  startedAt!: Date;

  @Column({ type: 'timestamptz' })
  deadline!: Date;

  @Column({ type: 'timestamptz', name: 'warn_at' })
  warnAt!: Date;

  @Column({ type: 'timestamptz', name: 'warned_at', nullable: true })
  warnedAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'breached_at', nullable: true })
  breachedAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'stopped_at', nullable: true })
  stoppedAt!: Date | null;

  @Column({ type: 'uuid', name: 'release_id', nullable: true })
  releaseId!: string | null;

  /** When the scheduler must look again (the warning, then the deadline); null: never. */
  @Column({ type: 'timestamptz', name: 'next_due_at', nullable: true })
  nextDueAt!: Date | null;
}
