import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ContractPrerequisite, ContractStatus, SlaState, StaffRole } from '@reglament/shared/domain';

/** Read model of contracts, fed by contracts.contract.* events (tickets never reads contracts' tables). */
@Entity({ name: 'known_contracts' })
export class KnownContractEntity {
  @PrimaryColumn({ type: 'uuid', name: 'contract_id', primaryKeyConstraintName: 'PK_known_contracts' })
  contractId!: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId!: string;

  @Column({ type: 'text' })
  number!: string;

  @Column({ type: 'text' })
  preset!: string;

  @Column({ type: 'text' })
  status!: ContractStatus;

  @Column({ type: 'date', name: 'starts_on' })
  startsOn!: string;

  @Column({ type: 'date', name: 'ends_on' })
  endsOn!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  products!: string[];

  @Column({ type: 'text', name: 'time_zone' })
  timeZone!: string;

  @Column({ type: 'jsonb' })
  prerequisites!: ContractPrerequisite[];

  /** The event this row was last written from (UUID v7, time-ordered): a late earlier event never overwrites it. */
  @Column({ type: 'uuid', name: 'source_event_id', nullable: true })
  sourceEventId!: string | null;
}

/** Read model of customer contacts (R-ACC-1), fed by contracts.contact.* events. */
@Entity({ name: 'known_contacts' })
@Index('known_contacts_organization_idx', ['organizationId'])
export class KnownContactEntity {
  @PrimaryColumn({ type: 'uuid', name: 'contact_id', primaryKeyConstraintName: 'PK_known_contacts' })
  contactId!: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId!: string;

  @Column({ type: 'text', name: 'full_name' })
  fullName!: string;

  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ type: 'boolean' })
  active!: boolean;

  /** The event this row was last written from (UUID v7, time-ordered): a late earlier event never overwrites it. */
  @Column({ type: 'uuid', name: 'source_event_id', nullable: true })
  sourceEventId!: string | null;
}

/** Read model of provider staff (assignees), fed by contracts.staff.* events. */
@Entity({ name: 'known_staff' })
export class KnownStaffEntity {
  @PrimaryColumn({ type: 'uuid', name: 'staff_id', primaryKeyConstraintName: 'PK_known_staff' })
  staffId!: string;

  @Column({ type: 'text', name: 'full_name' })
  fullName!: string;

  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text' })
  role!: StaffRole;

  @Column({ type: 'boolean' })
  active!: boolean;

  /** The event this row was last written from (UUID v7, time-ordered): a late earlier event never overwrites it. */
  @Column({ type: 'uuid', name: 'source_event_id', nullable: true })
  sourceEventId!: string | null;
}

/**
 * A ticket's SLA standing as the SLA service last told it (sla.ticket.* events): ordering by
 * nearest deadline, the `breached` filter, R-SLA-11 (failure report) and R-TKT-9 (clarification).
 */
@Entity({ name: 'ticket_sla_states' })
@Index('ticket_sla_states_deadline_idx', ['nextDeadline', 'ticketId'])
export class TicketSlaStateEntity {
  @PrimaryColumn({ type: 'uuid', name: 'ticket_id', primaryKeyConstraintName: 'PK_ticket_sla_states' })
  ticketId!: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId!: string;

  @Column({ type: 'text', nullable: true })
  state!: SlaState | null;

  @Column({ type: 'timestamptz', name: 'next_deadline', nullable: true })
  nextDeadline!: Date | null;

  @Column({ type: 'boolean', default: false })
  breached!: boolean;

  @Column({ type: 'boolean', name: 'failure_report_pending', default: false })
  failureReportPending!: boolean;

  /** The due instant of the last expired clarification deadline (R-TKT-9). */
  @Column({ type: 'timestamptz', name: 'clarification_expired_at', nullable: true })
  clarificationExpiredAt!: Date | null;

  /** When the SLA service's event happened (older events never overwrite newer state). */
  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
