import type { Party } from '@reglament/shared/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { DutySchedule } from '../domain/duties';

/** A duty of a contract (issue 18): who does what, when, and by when in the contract's calendar. */
@Entity({ name: 'contract_duties' })
@Index('contract_duties_contract_idx', ['contractId'])
export class ContractDutyEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_contract_duties' })
  id!: string;

  @Column({ type: 'uuid', name: 'contract_id' })
  contractId!: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'text' })
  party!: Party;

  @Column({ type: 'jsonb' })
  schedule!: DutySchedule;

  @Column({ type: 'integer', name: 'due_working_days' })
  dueWorkingDays!: number;

  /** The day it was added (contract zone): no occurrence starts before it. */
  @Column({ type: 'date', name: 'added_on' })
  addedOn!: string;

  /** The last day an occurrence may start; null: the contract's last day. */
  @Column({ type: 'date', name: 'ends_on', nullable: true })
  endsOn!: string | null;

  /** The seed clause of a preset's duty (e.g. "003 §10"); null: added by hand. */
  @Column({ type: 'text', name: 'seed_clause', nullable: true })
  seedClause!: string | null;

  /** The period start of the latest occurrence opened: the clock job goes on after it. */
  @Column({ type: 'timestamptz', name: 'opened_through', nullable: true })
  openedThrough!: Date | null;

  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}

/** One occurrence opened (a DUTY ticket of the same id): unique per duty and period start, so it opens once. */
@Entity({ name: 'duty_occurrences' })
@Index('duty_occurrences_duty_period_uq', ['dutyId', 'periodStart'], { unique: true })
export class DutyOccurrenceEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_duty_occurrences' })
  id!: string;

  @Column({ type: 'uuid', name: 'duty_id' })
  dutyId!: string;

  @Column({ type: 'uuid', name: 'contract_id' })
  contractId!: string;

  @Column({ type: 'timestamptz', name: 'period_start' })
  periodStart!: Date;

  @Column({ type: 'timestamptz', name: 'opened_at' })
  openedAt!: Date;
}
