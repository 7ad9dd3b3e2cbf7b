import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Category, Channel, CloseReason, Priority, TicketKind, TicketStatus } from '@reglament/shared/domain';
import type { SolutionDelivery, TicketDuty, TicketState } from '../domain/ticket';

@Entity({ name: 'tickets' })
@Index('tickets_organization_registered_idx', ['organizationId', 'registeredAt'])
@Index('tickets_registered_idx', ['registeredAt', 'id'])
@Index('tickets_number_key', ['number'], { unique: true })
@Index('tickets_assignee_idx', ['assigneeId'])
@Index('tickets_linked_idx', ['linkedTicketId'])
// The list's filters: open work by status (a small part of all tickets), by contract, by requester.
@Index('tickets_open_status_idx', ['status', 'organizationId'], { where: "(status <> 'CLOSED')" })
@Index('tickets_contract_idx', ['contractId'])
@Index('tickets_requester_idx', ['requesterId'])
export class TicketEntity implements TicketState {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_tickets' })
  id!: string;

  @Column({ type: 'text' })
  number!: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId!: string;

  @Column({ type: 'uuid', name: 'contract_id' })
  contractId!: string;

  @Column({ type: 'text' })
  preset!: string;

  @Column({ type: 'text', default: 'REQUEST' })
  kind!: TicketKind;

  @Column({ type: 'uuid', name: 'requester_id', nullable: true })
  requesterId!: string | null;

  @Column({ type: 'text' })
  channel!: Channel;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'text', nullable: true })
  category!: Category | null;

  @Column({ type: 'text', nullable: true })
  priority!: Priority | null;

  @Column({ type: 'text' })
  status!: TicketStatus;

  @Column({ type: 'text', name: 'close_reason', nullable: true })
  closeReason!: CloseReason | null;

  @Column({ type: 'uuid', name: 'assignee_id', nullable: true })
  assigneeId!: string | null;

  @Column({ type: 'text', nullable: true })
  product!: string | null;

  @Column({ type: 'text', name: 'service_code', nullable: true })
  serviceCode!: string | null;

  @Column({ type: 'timestamptz', name: 'planned_resolution_at', nullable: true })
  plannedResolutionAt!: Date | null;

  @Column({ type: 'jsonb', name: 'custom_fields', default: () => "'{}'" })
  customFields!: Record<string, string>;

  /** DUTY tickets: the contract duty's occurrence (issue 18). */
  @Column({ type: 'jsonb', nullable: true })
  duty!: TicketDuty | null;

  @Column({ type: 'timestamptz', name: 'expected_resolution_at', nullable: true })
  expectedResolutionAt!: Date | null;

  @Column({ type: 'text', name: 'solution_delivered_via', nullable: true })
  solutionDeliveredVia!: SolutionDelivery | null;

  @Column({ type: 'timestamptz', name: 'marked_as_failure_at', nullable: true })
  markedAsFailureAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'proposed_resolution_at', nullable: true })
  proposedResolutionAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'planned_date_agreed_at', nullable: true })
  plannedDateAgreedAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'registered_at' })
  registeredAt!: Date;

  @Column({ type: 'timestamptz', name: 'acknowledged_at', nullable: true })
  acknowledgedAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'resolved_at', nullable: true })
  resolvedAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'closed_at', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'boolean', name: 'answered_on_call', nullable: true })
  answeredOnCall!: boolean | null;

  @Column({ type: 'uuid', name: 'linked_ticket_id', nullable: true })
  linkedTicketId!: string | null;

  @Column({ type: 'text', name: 'clarification_return_status', nullable: true })
  clarificationReturnStatus!: TicketStatus | null;

  @Column({ type: 'timestamptz', name: 'clarification_requested_at', nullable: true })
  clarificationRequestedAt!: Date | null;

  @Column({ type: 'integer', name: 'rework_count', default: 0 })
  reworkCount!: number;

  @Column({ type: 'timestamptz', name: 'on_site_requested_at', nullable: true })
  onSiteRequestedAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'on_site_arrived_at', nullable: true })
  onSiteArrivedAt!: Date | null;

  /** Optimistic concurrency: every change bumps it; a stale change gets CONFLICT. */
  @Column({ type: 'integer', default: 1 })
  version!: number;
}
