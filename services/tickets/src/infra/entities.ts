import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Category, Channel, Priority, TicketStatus } from '@reglament/shared';

@Entity({ name: 'tickets' })
@Index('tickets_organization_registered_idx', ['organizationId', 'registeredAt'])
@Index('tickets_number_key', ['number'], { unique: true })
export class TicketEntity {
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

  @Column({ type: 'uuid', name: 'assignee_id', nullable: true })
  assigneeId!: string | null;

  @Column({ type: 'text', nullable: true })
  product!: string | null;

  @Column({ type: 'text', name: 'service_code', nullable: true })
  serviceCode!: string | null;

  @Column({ type: 'timestamptz', name: 'planned_resolution_at', nullable: true })
  plannedResolutionAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'registered_at' })
  registeredAt!: Date;

  /** Optimistic concurrency: every change bumps it; a stale change gets CONFLICT. */
  @Column({ type: 'integer', default: 1 })
  version!: number;
}

/** Registration numbers: one counter per year, incremented under a row lock (unique across replicas). */
@Entity({ name: 'ticket_number_counters' })
export class TicketNumberCounterEntity {
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'PK_ticket_number_counters' })
  year!: number;

  @Column({ type: 'integer', name: 'last_value' })
  lastValue!: number;
}

/** Read model of contracts, fed by contracts.* events (tickets never reads contracts' tables). */
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

  @Column({ type: 'date', name: 'starts_on' })
  startsOn!: string;

  @Column({ type: 'date', name: 'ends_on' })
  endsOn!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  products!: string[];
}
