import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Category } from '@reglament/shared/domain';

/**
 * What contracts knows of a ticket, from tickets.* events only (never by calling tickets):
 * enough to bill logged work to the right contract (category, service), and the workload of
 * engineers (status, assignee).
 */
@Entity({ name: 'known_tickets' })
export class KnownTicketEntity {
  @PrimaryColumn({ type: 'uuid', name: 'ticket_id', primaryKeyConstraintName: 'PK_known_tickets' })
  ticketId!: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId!: string;

  @Column({ type: 'uuid', name: 'contract_id' })
  contractId!: string;

  @Column({ type: 'text' })
  number!: string;

  @Column({ type: 'text', nullable: true })
  category!: Category | null;

  @Column({ type: 'text', name: 'service_code', nullable: true })
  serviceCode!: string | null;

  @Column({ type: 'text' })
  status!: string;

  /** The engineer assigned (workload); null: nobody, or known only from before this column. */
  @Column({ type: 'uuid', name: 'assignee_id', nullable: true })
  assigneeId!: string | null;

  /** TicketAfterChange.version: an older event never overwrites a newer one. */
  @Column({ type: 'integer' })
  version!: number;
}
