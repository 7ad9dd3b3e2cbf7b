import type { Party, SlaMetric, SlaState, TimerStatus } from '@reglament/shared/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { HistoryEntry } from '../domain/ticket-history';
import type { PrepaidToggle } from '../domain/prepaid-spans';

/** One SLA clock of a ticket: the stored projection of the computation (rebuilt from history at will). */
@Entity({ name: 'sla_timers' })
@Index('sla_timers_ticket_idx', ['ticketId'])
@Index('sla_timers_next_due_idx', ['nextDueAt'], { where: '(next_due_at IS NOT NULL)' })
@Index('sla_timers_contract_deadline_idx', ['contractId', 'deadline'])
export class SlaTimerEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_sla_timers' })
  id!: string;

  @Column({ type: 'uuid', name: 'ticket_id' })
  ticketId!: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId!: string;

  @Column({ type: 'uuid', name: 'contract_id', nullable: true })
  contractId!: string | null;

  @Column({ type: 'text', name: 'policy_id', default: '' })
  policyId!: string;

  @Column({ type: 'text' })
  metric!: SlaMetric;

  @Column({ type: 'text' })
  party!: Party;

  @Column({ type: 'integer', default: 1 })
  cycle!: number;

  @Column({ type: 'text' })
  status!: TimerStatus;

  @Column({ type: 'text', default: '' })
  category!: string;

  @Column({ type: 'text', default: '' })
  priority!: string;

  @Column({ type: 'timestamptz', name: 'started_at' })
  startedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  deadline!: Date | null;

  @Column({ type: 'timestamptz', name: 'warn_at', nullable: true })
  warnAt!: Date | null;

  @Column({ type: 'boolean', default: false })
  warned!: boolean;

  @Column({ type: 'boolean', default: false })
  expired!: boolean;

  @Column({ type: 'timestamptz', name: 'stopped_at', nullable: true })
  stoppedAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'breached_at', nullable: true })
  breachedAt!: Date | null;

  @Column({ type: 'double precision', name: 'elapsed_minutes', default: 0 })
  elapsedMinutes!: number;

  @Column({ type: 'double precision', name: 'remaining_minutes', nullable: true })
  remainingMinutes!: number | null;

  /** When the scheduler must look at this timer again (warning or deadline); null: never. */
  @Column({ type: 'timestamptz', name: 'next_due_at', nullable: true })
  nextDueAt!: Date | null;

  @Column({ type: 'uuid', name: 'failure_report_id', nullable: true })
  failureReportId!: string | null;

  /** The clock runs into a year without production calendar data: counted from the weekly hours. */
  @Column({ type: 'boolean', default: false })
  provisional!: boolean;
}

/** A ticket as the SLA service knows it, and its computed standing. */
@Entity({ name: 'sla_tickets' })
@Index('sla_tickets_contract_idx', ['contractId'])
@Index('sla_tickets_product_idx', ['product'])
export class SlaTicketEntity {
  @PrimaryColumn({ type: 'uuid', name: 'ticket_id', primaryKeyConstraintName: 'PK_sla_tickets' })
  ticketId!: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId!: string;

  @Column({ type: 'uuid', name: 'contract_id' })
  contractId!: string;

  @Column({ type: 'text' })
  preset!: string;

  @Column({ type: 'text', nullable: true })
  product!: string | null;

  @Column({ type: 'boolean', default: false })
  closed!: boolean;

  @Column({ type: 'text', default: 'MET' })
  state!: SlaState;

  @Column({ type: 'timestamptz', name: 'next_deadline', nullable: true })
  nextDeadline!: Date | null;

  @Column({ type: 'boolean', default: false })
  breached!: boolean;

  @Column({ type: 'boolean', name: 'failure_report_pending', default: false })
  failureReportPending!: boolean;

  /** 003 §7: when the ticket was marked as a product failure (its report is then owed). */
  @Column({ type: 'timestamptz', name: 'failure_marked_at', nullable: true })
  failureMarkedAt!: Date | null;

  /** The failure report that covers the marked failure. */
  @Column({ type: 'uuid', name: 'failure_report_id', nullable: true })
  failureReportId!: string | null;

  @Column({ type: 'integer', name: 'history_length', default: 0 })
  historyLength!: number;

  /** The instant of the last evaluation: the next never goes back before it. */
  @Column({ type: 'timestamptz', name: 'evaluated_at', nullable: true })
  evaluatedAt!: Date | null;

  /** The engineer assigned now (reports by ENGINEER); kept from the newest ticket version seen. */
  @Column({ type: 'uuid', name: 'assignee_id', nullable: true })
  assigneeId!: string | null;

  /** The ticket version assigneeId comes from: an older event never overwrites it. */
  @Column({ type: 'integer', name: 'assignee_version', nullable: true })
  assigneeVersion!: number | null;
}

/** The ticket events that drive its clocks, in order: the source the timers are rebuilt from. */
@Entity({ name: 'sla_history' })
@Index('sla_history_ticket_idx', ['ticketId', 'seq'])
export class SlaHistoryEntity {
  @PrimaryColumn({ type: 'uuid', name: 'event_id', primaryKeyConstraintName: 'PK_sla_history' })
  eventId!: string;

  @Column({ type: 'uuid', name: 'ticket_id' })
  ticketId!: string;

  @Column({ type: 'integer' })
  seq!: number;

  @Column({ type: 'jsonb' })
  entry!: HistoryEntry;
}

/** Release schedules of products (R-SLA-7), from contracts' events. */
@Entity({ name: 'sla_releases' })
@Index('sla_releases_product_idx', ['product'])
export class SlaReleaseEntity {
  @PrimaryColumn({ type: 'uuid', name: 'release_id', primaryKeyConstraintName: 'PK_sla_releases' })
  releaseId!: string;

  @Column({ type: 'text' })
  product!: string;

  @Column({ type: 'text' })
  kind!: 'PLANNED' | 'UNPLANNED';

  @Column({ type: 'timestamptz', name: 'planned_at' })
  plannedAt!: Date;

  /** The event this row was last written from: a late earlier move never overwrites a later one. */
  @Column({ type: 'uuid', name: 'source_event_id', nullable: true })
  sourceEventId!: string | null;
}

/** What the clocks need of a contract: prepaid exhaustion spans and the package's reaction target (R-CON-6). */
@Entity({ name: 'sla_contracts' })
export class SlaContractEntity {
  @PrimaryColumn({ type: 'uuid', name: 'contract_id', primaryKeyConstraintName: 'PK_sla_contracts' })
  contractId!: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId!: string;

  @Column({ type: 'integer', name: 'reaction_minutes', nullable: true })
  reactionMinutes!: number | null;

  /** Used up / refilled, at which instant (R-CON-6); spans are derived in order of time. */
  @Column({ type: 'jsonb', name: 'prepaid_toggles', default: () => "'[]'" })
  prepaidToggles!: PrepaidToggle[];

  /** R-CON-8: hours a day x days a week [x hours to answer priority 1]; it shapes the calendar. */
  @Column({ type: 'text', nullable: true })
  coverage!: string | null;

  /** The contract's own IANA zone (null: the preset's). */
  @Column({ type: 'text', name: 'time_zone', nullable: true })
  timeZone!: string | null;

  /** Days off the contract adds to its preset's calendar (YYYY-MM-DD). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  holidays!: string[];

  /** The contract event (created/updated/status_changed, UUID v7) coverage and holidays come from. */
  @Column({ type: 'uuid', name: 'snapshot_event_id', nullable: true })
  snapshotEventId!: string | null;
}

/** R-SLA-11: causes and measures of a provider's breach. */
@Index('sla_failure_reports_submitted_idx', ['submittedAt', 'id'])
@Entity({ name: 'sla_failure_reports' })
@Index('sla_failure_reports_ticket_idx', ['ticketId'])
export class SlaFailureReportEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_sla_failure_reports' })
  id!: string;

  @Column({ type: 'uuid', name: 'ticket_id' })
  ticketId!: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId!: string;

  @Column({ type: 'text' })
  causes!: string;

  @Column({ type: 'text' })
  measures!: string;

  @Column({ type: 'uuid', name: 'submitted_by', nullable: true })
  submittedBy!: string | null;

  @Column({ type: 'timestamptz', name: 'submitted_at' })
  submittedAt!: Date;

  /** It covers a product failure the ticket was marked as (003 §7), not only breached deadlines. */
  @Column({ type: 'boolean', name: 'for_failure', default: false })
  forFailure!: boolean;

  /** The metrics of the breached provider clocks it covers, e.g. ['ON_SITE']. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  metrics!: string[];
}
