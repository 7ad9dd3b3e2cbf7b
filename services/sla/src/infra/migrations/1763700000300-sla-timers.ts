import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SlaTimers1763700000300 implements MigrationInterface {
  name = 'SlaTimers1763700000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "sla_timers" (
      "id" uuid NOT NULL,
      "ticket_id" uuid NOT NULL,
      "organization_id" uuid NOT NULL,
      "metric" text NOT NULL,
      "party" text NOT NULL,
      "status" text NOT NULL,
      "started_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "deadline" TIMESTAMP WITH TIME ZONE,
      "warn_at" TIMESTAMP WITH TIME ZONE,
      "stopped_at" TIMESTAMP WITH TIME ZONE,
      "breached_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "PK_sla_timers" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "sla_timers_ticket_idx" ON "sla_timers" ("ticket_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "sla_timers"`);
  }
}
