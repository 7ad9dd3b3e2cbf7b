import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AdvisoryFixClocks1796684643000 implements MigrationInterface {
  name = 'AdvisoryFixClocks1796684643000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "sla_advisory_clocks" ("advisory_id" uuid NOT NULL, "product" text NOT NULL, "title" text NOT NULL, "organization_ids" uuid array NOT NULL DEFAULT \'{}\', "status" text NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "deadline" TIMESTAMP WITH TIME ZONE NOT NULL, "warn_at" TIMESTAMP WITH TIME ZONE NOT NULL, "warned_at" TIMESTAMP WITH TIME ZONE, "breached_at" TIMESTAMP WITH TIME ZONE, "stopped_at" TIMESTAMP WITH TIME ZONE, "release_id" uuid, "next_due_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_sla_advisory_clocks" PRIMARY KEY ("advisory_id"))',
    );
    await q.query(
      'CREATE INDEX "sla_advisory_clocks_next_due_idx" ON "sla_advisory_clocks" ("next_due_at") WHERE (next_due_at IS NOT NULL)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "sla_advisory_clocks_next_due_idx"');
    await q.query('DROP TABLE "sla_advisory_clocks"');
  }
}
