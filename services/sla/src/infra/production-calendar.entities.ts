import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A national production calendar (R-SLA-2) the business calendars bind by id ("ru", "kz"). */
@Entity({ name: 'sla_production_calendars' })
export class ProductionCalendarEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_sla_production_calendars' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  /** ISO 3166 alpha-2, e.g. RU. */
  @Column({ type: 'text' })
  country!: string;

  /** The zone whose dates count the days left of the data (Europe/Moscow for ru). */
  @Column({ type: 'text', name: 'time_zone' })
  timeZone!: string;

  /** Bumped by every change of a year: each replica compares it to know when to reload. */
  @Column({ type: 'integer', default: 0 })
  revision!: number;

  /** The last "coverage low" alarm (at most one a week) and the last year it was about. */
  @Column({ type: 'timestamptz', name: 'coverage_alarm_at', nullable: true })
  coverageAlarmAt!: Date | null;

  @Column({ type: 'integer', name: 'coverage_alarm_year', nullable: true })
  coverageAlarmYear!: number | null;
}

/** The days of one year of a production calendar, as imported; the engine's year blocks come from these. */
@Entity({ name: 'sla_production_calendar_years' })
export class ProductionCalendarYearEntity {
  @PrimaryColumn({ type: 'text', name: 'calendar_id', primaryKeyConstraintName: 'PK_sla_production_calendar_years' })
  calendarId!: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'PK_sla_production_calendar_years' })
  year!: number;

  /** Local dates "YYYY-MM-DD", sorted. */
  @Column({ type: 'jsonb' })
  days!: { holidays: string[]; workingWeekends: string[]; shortDays: string[] };

  @Column({ type: 'integer', name: 'working_days' })
  workingDays!: number;

  @Column({ type: 'integer', name: 'working_hours' })
  workingHours!: number;

  @Column({ type: 'integer', name: 'shortened_days' })
  shortenedDays!: number;

  @Column({ type: 'text' })
  source!: string;

  /** SHIPPED (the data files, at first start) or the import format. */
  @Column({ type: 'text' })
  format!: string;

  @Column({ type: 'timestamptz', name: 'loaded_at' })
  loadedAt!: Date;

  @Column({ type: 'uuid', name: 'loaded_by', nullable: true })
  loadedBy!: string | null;
}

/**
 * Open tickets to recompute after a production calendar changed, in bounded batches: the cursor
 * is the last ticket done, so a replica that dies mid-way leaves the rest to the next one. At most
 * one pending job per calendar: a newer import restarts it from the first ticket.
 */
@Entity({ name: 'sla_calendar_recomputes' })
@Index('sla_calendar_recomputes_pending_idx', ['calendarId'], { unique: true, where: '(done_at IS NULL)' })
export class CalendarRecomputeEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_sla_calendar_recomputes' })
  id!: string;

  @Column({ type: 'text', name: 'calendar_id' })
  calendarId!: string;

  /** The import event the deadline changes follow from (their causation). */
  @Column({ type: 'uuid', name: 'cause_event_id', nullable: true })
  causeEventId!: string | null;

  @Column({ type: 'timestamptz', name: 'requested_at' })
  requestedAt!: Date;

  @Column({ type: 'uuid', name: 'after_ticket_id', nullable: true })
  afterTicketId!: string | null;

  @Column({ type: 'integer', default: 0 })
  recomputed!: number;

  @Column({ type: 'timestamptz', name: 'done_at', nullable: true })
  doneAt!: Date | null;
}
