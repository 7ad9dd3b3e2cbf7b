import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { WorkBilling } from '../domain/billing';
import type { LedgerKind, PackageKind, PrepaidState } from '../domain/prepaid';

/** R-CON-3: minutes per month from a start date (SUBSCRIPTION) or for one month (ONE_OFF). */
@Entity({ name: 'hour_packages' })
@Index('hour_packages_contract_idx', ['contractId'])
export class HourPackageEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_hour_packages' })
  id!: string;

  @Column({ type: 'uuid', name: 'contract_id' })
  contractId!: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId!: string;

  @Column({ type: 'text' })
  kind!: PackageKind;

  @Column({ type: 'integer', name: 'minutes_per_month' })
  minutesPerMonth!: number;

  @Column({ type: 'date', name: 'starts_on' })
  startsOn!: string;

  @Column({ type: 'date', name: 'ends_on', nullable: true })
  endsOn!: string | null;

  @Column({ type: 'boolean', name: 'allow_overdraft', default: false })
  allowOverdraft!: boolean;

  @Column({ type: 'integer', name: 'reaction_working_minutes', nullable: true })
  reactionWorkingMinutes!: number | null;

  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}

/**
 * One row per contract: the row every change of its prepaid time and customisation spending
 * locks (SELECT ... FOR UPDATE), so concurrent debits apply one after another, exactly.
 */
@Entity({ name: 'prepaid_accounts' })
export class PrepaidAccountEntity {
  @PrimaryColumn({ type: 'uuid', name: 'contract_id', primaryKeyConstraintName: 'PK_prepaid_accounts' })
  contractId!: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId!: string;

  /** The last month whose grants and carry-over are written (YYYY-MM), null: none yet. */
  @Column({ type: 'text', name: 'opened_through', nullable: true })
  openedThrough!: string | null;

  /** The state last published (contracts.prepaid.exhausted / .replenished). */
  @Column({ type: 'text', default: 'NONE' })
  state!: PrepaidState;

  /** R-CON-7: contracts.customization.cap_nearing is published once. */
  @Column({ type: 'boolean', name: 'cap_nearing_reported', default: false })
  capNearingReported!: boolean;
}

/** The append-only ledger: entries are never updated or deleted; corrections are new entries. */
@Entity({ name: 'prepaid_ledger' })
@Index('prepaid_ledger_contract_month_idx', ['contractId', 'month'])
export class LedgerEntryEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_prepaid_ledger' })
  id!: string;

  @Column({ type: 'uuid', name: 'contract_id' })
  contractId!: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId!: string;

  /** YYYY-MM in the contract's zone. */
  @Column({ type: 'text' })
  month!: string;

  @Column({ type: 'text' })
  kind!: LedgerKind;

  /** Signed: positive adds to the balance. */
  @Column({ type: 'integer' })
  minutes!: number;

  @Column({ type: 'uuid', name: 'package_id', nullable: true })
  packageId!: string | null;

  @Column({ type: 'uuid', name: 'time_entry_id', nullable: true })
  timeEntryId!: string | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'text', name: 'created_by', nullable: true })
  createdBy!: string | null;
}

/** A month paid; on time when recorded before the month began in the contract's zone. */
@Entity({ name: 'payments' })
export class PaymentEntity {
  @PrimaryColumn({ type: 'uuid', name: 'contract_id', primaryKeyConstraintName: 'PK_payments' })
  contractId!: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_payments' })
  month!: string;

  @Column({ type: 'timestamptz', name: 'paid_at' })
  paidAt!: Date;

  @Column({ type: 'boolean', name: 'on_time' })
  onTime!: boolean;

  @Column({ type: 'text', name: 'recorded_by', nullable: true })
  recordedBy!: string | null;
}

/** Work logged on a ticket (logTime / logServiceWork), with how it was billed. */
@Entity({ name: 'time_entries' })
@Index('time_entries_ticket_idx', ['ticketId'])
@Index('time_entries_contract_idx', ['contractId', 'loggedAt'])
@Index('time_entries_idempotency_uq', ['contractId', 'idempotencyKey'], { unique: true })
export class TimeEntryEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_time_entries' })
  id!: string;

  @Column({ type: 'uuid', name: 'contract_id' })
  contractId!: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId!: string;

  @Column({ type: 'uuid', name: 'ticket_id' })
  ticketId!: string;

  @Column({ type: 'text' })
  kind!: 'TIME' | 'SERVICE_WORK';

  /** Minutes billed: the actual time (TIME) or the norm (SERVICE_WORK, R-CON-4). */
  @Column({ type: 'integer' })
  minutes!: number;

  @Column({ type: 'integer', name: 'actual_minutes', nullable: true })
  actualMinutes!: number | null;

  @Column({ type: 'integer', name: 'debited_minutes' })
  debitedMinutes!: number;

  @Column({ type: 'text' })
  billing!: WorkBilling;

  @Column({ type: 'text', name: 'service_code', nullable: true })
  serviceCode!: string | null;

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  amount!: string | null;

  @Column({ type: 'boolean', name: 'cap_overridden', default: false })
  capOverridden!: boolean;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'text', name: 'idempotency_key', nullable: true })
  idempotencyKey!: string | null;

  /** YYYY-MM in the contract's zone. */
  @Column({ type: 'text' })
  month!: string;

  @Column({ type: 'text', name: 'logged_by', nullable: true })
  loggedBy!: string | null;

  @Column({ type: 'timestamptz', name: 'logged_at' })
  loggedAt!: Date;
}
