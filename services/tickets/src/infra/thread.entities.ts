import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Actor, TicketTransition } from '@reglament/shared/domain';
import type { TicketChangeKind } from '../domain/changes';

/** The ticket's conversation: public messages and provider-only (internal) notes. */
@Entity({ name: 'ticket_messages' })
@Index('ticket_messages_ticket_idx', ['ticketId', 'createdAt'])
export class TicketMessageEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_ticket_messages' })
  id!: string;

  @Column({ type: 'uuid', name: 'ticket_id' })
  ticketId!: string;

  /** Copied from the ticket so every read can be scoped to the caller's organization. */
  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'boolean' })
  internal!: boolean;

  @Column({ type: 'boolean', name: 'from_provider' })
  fromProvider!: boolean;

  @Column({ type: 'uuid', name: 'author_id', nullable: true })
  authorId!: string | null;

  @Column({ type: 'text', name: 'author_role' })
  authorRole!: Actor['role'];

  @Column({ type: 'text', name: 'author_name', nullable: true })
  authorName!: string | null;

  /** The move the message came with (question, answer, solution, remarks); null for a plain message. */
  @Column({ type: 'text', nullable: true })
  transition!: TicketTransition | null;

  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}

/** R-TKT-13: one entry per recorded fact, with who, when, before/after; each has exactly one event. */
@Entity({ name: 'ticket_history' })
@Index('ticket_history_ticket_idx', ['ticketId', 'version', 'position'])
export class TicketHistoryEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_ticket_history' })
  id!: string;

  @Column({ type: 'uuid', name: 'ticket_id' })
  ticketId!: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId!: string;

  /** The ticket's version the change produced, and the entry's place within the change. */
  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'uuid', name: 'actor_id', nullable: true })
  actorId!: string | null;

  @Column({ type: 'text', name: 'actor_role' })
  actorRole!: Actor['role'];

  @Column({ type: 'text', name: 'actor_name', nullable: true })
  actorName!: string | null;

  @Column({ type: 'text' })
  type!: TicketChangeKind;

  @Column({ type: 'text', nullable: true })
  transition!: TicketTransition | null;

  @Column({ type: 'text', name: 'from_value', nullable: true })
  fromValue!: string | null;

  @Column({ type: 'text', name: 'to_value', nullable: true })
  toValue!: string | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** Entries about internal messages and files are shown to provider staff only. */
  @Column({ type: 'boolean' })
  internal!: boolean;

  /** The event that announced this change (outbox). */
  @Column({ type: 'uuid', name: 'event_id' })
  eventId!: string;
}
