import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An in-app notification in a user's inbox (R-NTF-1): recorded once per recipient, kind and cause (R-NTF-3). */
@Entity({ name: 'notifications' })
@Index('notifications_recipient_idx', ['recipientId', 'id'])
@Index('notifications_once_key', ['onceKey', 'recipientId', 'kind'], { unique: true })
@Index('notifications_ticket_idx', ['ticketId'])
export class NotificationEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_notifications' })
  id!: string;

  @Column({ type: 'uuid', name: 'recipient_id' })
  recipientId!: string;

  /** CUSTOMER (a contact) or PROVIDER (staff). */
  @Column({ type: 'text', name: 'recipient_side', default: 'CUSTOMER' })
  recipientSide!: string;

  @Column({ type: 'uuid', name: 'organization_id', nullable: true })
  organizationId!: string | null;

  @Column({ type: 'uuid', name: 'ticket_id', nullable: true })
  ticketId!: string | null;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  /** The event that caused it. */
  @Column({ type: 'uuid', name: 'source_event_id' })
  sourceEventId!: string;

  /** What makes it the same notification: the event id, or e.g. `warning:<timer>` (once per clock, R-SLA-9). */
  @Column({ type: 'text', name: 'once_key' })
  onceKey!: string;

  /** The facts its text was made from (the e-mail is rendered from them too). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  facts!: Record<string, unknown>;

  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'read_at', nullable: true })
  readAt!: Date | null;
}

/** Read model of tickets, fed by tickets.* events (each carries the whole ticket). */
@Entity({ name: 'known_tickets' })
export class KnownTicketEntity {
  @PrimaryColumn({ type: 'uuid', name: 'ticket_id', primaryKeyConstraintName: 'PK_known_tickets' })
  ticketId!: string;

  @Column({ type: 'text' })
  number!: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId!: string;

  @Column({ type: 'uuid', name: 'contract_id' })
  contractId!: string;

  @Column({ type: 'uuid', name: 'requester_id', nullable: true })
  requesterId!: string | null;

  @Column({ type: 'uuid', name: 'assignee_id', nullable: true })
  assigneeId!: string | null;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'uuid', name: 'source_event_id', nullable: true })
  sourceEventId!: string | null;
}

/** Read model of contacts and staff, fed by contracts.contact.* / contracts.staff.* events. */
@Entity({ name: 'known_people' })
@Index('known_people_organization_idx', ['organizationId'])
@Index('known_people_role_idx', ['role'])
export class KnownPersonEntity {
  @PrimaryColumn({ type: 'uuid', name: 'person_id', primaryKeyConstraintName: 'PK_known_people' })
  personId!: string;

  /** CONTACT or STAFF. */
  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'uuid', name: 'organization_id', nullable: true })
  organizationId!: string | null;

  /** CUSTOMER for contacts; DISPATCHER, ENGINEER or ADMIN for staff. */
  @Column({ type: 'text' })
  role!: string;

  @Column({ type: 'text', name: 'full_name' })
  fullName!: string;

  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text', default: 'RU' })
  language!: string;

  @Column({ type: 'boolean' })
  active!: boolean;

  @Column({ type: 'text', array: true, name: 'email_off', default: () => "'{}'" })
  emailOff!: string[];

  @Column({ type: 'uuid', name: 'source_event_id', nullable: true })
  sourceEventId!: string | null;
}

/** Read model of contracts: the zone dates are written in (contracts.contract.* events). */
@Entity({ name: 'known_contracts' })
export class KnownContractEntity {
  @PrimaryColumn({ type: 'uuid', name: 'contract_id', primaryKeyConstraintName: 'PK_known_contracts' })
  contractId!: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId!: string;

  @Column({ type: 'text' })
  number!: string;

  @Column({ type: 'text', name: 'time_zone' })
  timeZone!: string;

  @Column({ type: 'uuid', name: 'source_event_id', nullable: true })
  sourceEventId!: string | null;
}

/** Read model of SLA clocks (deadlines told in clarification and solution notices). */
@Entity({ name: 'known_timers' })
@Index('known_timers_ticket_idx', ['ticketId'])
export class KnownTimerEntity {
  @PrimaryColumn({ type: 'uuid', name: 'timer_id', primaryKeyConstraintName: 'PK_known_timers' })
  timerId!: string;

  @Column({ type: 'uuid', name: 'ticket_id' })
  ticketId!: string;

  @Column({ type: 'text' })
  metric!: string;

  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'timestamptz', nullable: true })
  deadline!: Date | null;

  @Column({ type: 'uuid', name: 'source_event_id', nullable: true })
  sourceEventId!: string | null;
}
