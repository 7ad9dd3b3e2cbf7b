import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SlaEngine1795299140908 implements MigrationInterface {
  name = 'SlaEngine1795299140908';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "sla_tickets" ("ticket_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "contract_id" uuid NOT NULL, "preset" text NOT NULL, "product" text, "closed" boolean NOT NULL DEFAULT false, "state" text NOT NULL DEFAULT \'MET\', "next_deadline" TIMESTAMP WITH TIME ZONE, "breached" boolean NOT NULL DEFAULT false, "failure_report_pending" boolean NOT NULL DEFAULT false, "history_length" integer NOT NULL DEFAULT \'0\', CONSTRAINT "PK_sla_tickets" PRIMARY KEY ("ticket_id"))',
    );
    await q.query('CREATE INDEX "sla_tickets_product_idx" ON "sla_tickets" ("product")');
    await q.query('CREATE INDEX "sla_tickets_contract_idx" ON "sla_tickets" ("contract_id")');
    await q.query(
      'CREATE TABLE "sla_history" ("event_id" uuid NOT NULL, "ticket_id" uuid NOT NULL, "seq" integer NOT NULL, "entry" jsonb NOT NULL, CONSTRAINT "PK_sla_history" PRIMARY KEY ("event_id"))',
    );
    await q.query('CREATE INDEX "sla_history_ticket_idx" ON "sla_history" ("ticket_id", "seq")');
    await q.query(
      'CREATE TABLE "sla_releases" ("release_id" uuid NOT NULL, "product" text NOT NULL, "kind" text NOT NULL, "planned_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_sla_releases" PRIMARY KEY ("release_id"))',
    );
    await q.query('CREATE INDEX "sla_releases_product_idx" ON "sla_releases" ("product")');
    await q.query(
      'CREATE TABLE "sla_contracts" ("contract_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "reaction_minutes" integer, "exhausted_spans" jsonb NOT NULL DEFAULT \'[]\', CONSTRAINT "PK_sla_contracts" PRIMARY KEY ("contract_id"))',
    );
    await q.query(
      'CREATE TABLE "sla_failure_reports" ("id" uuid NOT NULL, "ticket_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "causes" text NOT NULL, "measures" text NOT NULL, "submitted_by" uuid, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_sla_failure_reports" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "sla_failure_reports_ticket_idx" ON "sla_failure_reports" ("ticket_id")');
    await q.query('ALTER TABLE "sla_timers" ADD "contract_id" uuid');
    await q.query('ALTER TABLE "sla_timers" ADD "policy_id" text NOT NULL DEFAULT \'\'');
    await q.query('ALTER TABLE "sla_timers" ADD "cycle" integer NOT NULL DEFAULT \'1\'');
    await q.query('ALTER TABLE "sla_timers" ADD "category" text NOT NULL DEFAULT \'\'');
    await q.query('ALTER TABLE "sla_timers" ADD "priority" text NOT NULL DEFAULT \'\'');
    await q.query('ALTER TABLE "sla_timers" ADD "warned" boolean NOT NULL DEFAULT false');
    await q.query('ALTER TABLE "sla_timers" ADD "expired" boolean NOT NULL DEFAULT false');
    await q.query('ALTER TABLE "sla_timers" ADD "elapsed_minutes" double precision NOT NULL DEFAULT \'0\'');
    await q.query('ALTER TABLE "sla_timers" ADD "remaining_minutes" double precision');
    await q.query('ALTER TABLE "sla_timers" ADD "next_due_at" TIMESTAMP WITH TIME ZONE');
    await q.query('ALTER TABLE "sla_timers" ADD "failure_report_id" uuid');
    await q.query('CREATE INDEX "sla_timers_contract_deadline_idx" ON "sla_timers" ("contract_id", "deadline")');
    await q.query(
      'CREATE INDEX "sla_timers_next_due_idx" ON "sla_timers" ("next_due_at") WHERE (next_due_at IS NOT NULL)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "sla_timers_next_due_idx"');
    await q.query('DROP INDEX "sla_timers_contract_deadline_idx"');
    await q.query('ALTER TABLE "sla_timers" DROP COLUMN "failure_report_id"');
    await q.query('ALTER TABLE "sla_timers" DROP COLUMN "next_due_at"');
    await q.query('ALTER TABLE "sla_timers" DROP COLUMN "remaining_minutes"');
    await q.query('ALTER TABLE "sla_timers" DROP COLUMN "elapsed_minutes"');
    await q.query('ALTER TABLE "sla_timers" DROP COLUMN "expired"');
    await q.query('ALTER TABLE "sla_timers" DROP COLUMN "warned"');
    await q.query('ALTER TABLE "sla_timers" DROP COLUMN "priority"');
    await q.query('ALTER TABLE "sla_timers" DROP COLUMN "category"');
    await q.query('ALTER TABLE "sla_timers" DROP COLUMN "cycle"');
    await q.query('ALTER TABLE "sla_timers" DROP COLUMN "policy_id"');
    await q.query('ALTER TABLE "sla_timers" DROP COLUMN "contract_id"');
    await q.query('DROP INDEX "sla_failure_reports_ticket_idx"');
    await q.query('DROP TABLE "sla_failure_reports"');
    await q.query('DROP TABLE "sla_contracts"');
    await q.query('DROP INDEX "sla_releases_product_idx"');
    await q.query('DROP TABLE "sla_releases"');
    await q.query('DROP INDEX "sla_history_ticket_idx"');
    await q.query('DROP TABLE "sla_history"');
    await q.query('DROP INDEX "sla_tickets_contract_idx"');
    await q.query('DROP INDEX "sla_tickets_product_idx"');
    await q.query('DROP TABLE "sla_tickets"');
  }
}
