import type { MigrationInterface, QueryRunner } from 'typeorm';

export class FailureMarking1796675953091 implements MigrationInterface {
  name = 'FailureMarking1796675953091';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "sla_tickets" ADD "failure_marked_at" TIMESTAMP WITH TIME ZONE');
    await q.query('ALTER TABLE "sla_tickets" ADD "failure_report_id" uuid');
    await q.query('ALTER TABLE "sla_failure_reports" ADD "for_failure" boolean NOT NULL DEFAULT false');
    await q.query('ALTER TABLE "sla_failure_reports" ADD "metrics" text array NOT NULL DEFAULT \'{}\'');
    await q.query('CREATE INDEX "sla_failure_reports_submitted_idx" ON "sla_failure_reports" ("submitted_at", "id")');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "sla_failure_reports_submitted_idx"');
    await q.query('ALTER TABLE "sla_failure_reports" DROP COLUMN "metrics"');
    await q.query('ALTER TABLE "sla_failure_reports" DROP COLUMN "for_failure"');
    await q.query('ALTER TABLE "sla_tickets" DROP COLUMN "failure_report_id"');
    await q.query('ALTER TABLE "sla_tickets" DROP COLUMN "failure_marked_at"');
  }
}
