import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A contact of the ticket's organization who follows the ticket: told what the requester is
 * told (the customer side of the rules table).
 */
@Entity({ name: 'ticket_followers' })
@Index('ticket_followers_contact_idx', ['contactId'])
export class TicketFollowerEntity {
  @PrimaryColumn({ type: 'uuid', name: 'ticket_id', primaryKeyConstraintName: 'PK_ticket_followers' })
  ticketId!: string;

  @PrimaryColumn({ type: 'uuid', name: 'contact_id', primaryKeyConstraintName: 'PK_ticket_followers' })
  contactId!: string;

  /** The ticket's (and the contact's) organization when the follow was made. */
  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId!: string;

  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}
