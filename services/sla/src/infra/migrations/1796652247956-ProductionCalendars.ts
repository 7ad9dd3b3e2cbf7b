import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Production calendars as data (R-SLA-2): calendars, their years, the recompute jobs an import
 * leaves; timers say when they are provisional; a contract may name its own zone (R-CON-8).
 */
export class ProductionCalendars1796652247956 implements MigrationInterface {
  name = 'ProductionCalendars1796652247956';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "sla_production_calendars" ("id" text NOT NULL, "name" text NOT NULL, "country" text NOT NULL, "time_zone" text NOT NULL, "revision" integer NOT NULL DEFAULT \'0\', "coverage_alarm_at" TIMESTAMP WITH TIME ZONE, "coverage_alarm_year" integer, CONSTRAINT "PK_sla_production_calendars" PRIMARY KEY ("id"))',
    );
    await q.query(
      'CREATE TABLE "sla_production_calendar_years" ("calendar_id" text NOT NULL, "year" integer NOT NULL, "days" jsonb NOT NULL, "working_days" integer NOT NULL, "working_hours" integer NOT NULL, "shortened_days" integer NOT NULL, "source" text NOT NULL, "format" text NOT NULL, "loaded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "loaded_by" uuid, CONSTRAINT "PK_sla_production_calendar_years" PRIMARY KEY ("calendar_id", "year"))',
    );
    await q.query(
      'CREATE TABLE "sla_calendar_recomputes" ("id" uuid NOT NULL, "calendar_id" text NOT NULL, "cause_event_id" uuid, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL, "after_ticket_id" uuid, "recomputed" integer NOT NULL DEFAULT \'0\', "done_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_sla_calendar_recomputes" PRIMARY KEY ("id"))',
    );
    await q.query(
      'CREATE UNIQUE INDEX "sla_calendar_recomputes_pending_idx" ON "sla_calendar_recomputes" ("calendar_id") WHERE (done_at IS NULL)',
    );
    await q.query('ALTER TABLE "sla_timers" ADD "provisional" boolean NOT NULL DEFAULT false');
    await q.query('ALTER TABLE "sla_contracts" ADD "time_zone" text');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "sla_contracts" DROP COLUMN "time_zone"');
    await q.query('ALTER TABLE "sla_timers" DROP COLUMN "provisional"');
    await q.query('DROP INDEX "sla_calendar_recomputes_pending_idx"');
    await q.query('DROP TABLE "sla_calendar_recomputes"');
    await q.query('DROP TABLE "sla_production_calendar_years"');
    await q.query('DROP TABLE "sla_production_calendars"');
  }
}
