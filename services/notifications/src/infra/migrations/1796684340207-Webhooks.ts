import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Partner webhooks (issue 17): the webhooks and their delivery log (one row per webhook and event). */
export class Webhooks1796684340207 implements MigrationInterface {
  name = 'Webhooks1796684340207';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "webhooks" ("id" uuid NOT NULL, "organization_id" uuid NOT NULL, "url" text NOT NULL, "events" text array NOT NULL, "description" text, "secret" text NOT NULL, "previous_secret" text, "previous_secret_until" TIMESTAMP WITH TIME ZONE, "internal" boolean NOT NULL DEFAULT false, "enabled" boolean NOT NULL DEFAULT true, "disabled_reason" text, "failing_since" TIMESTAMP WITH TIME ZONE, "last_sequence" integer NOT NULL DEFAULT \'0\', "manual_sends" integer NOT NULL DEFAULT \'0\', "manual_window_start" TIMESTAMP WITH TIME ZONE, "created_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_webhooks" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "webhooks_organization_idx" ON "webhooks" ("organization_id")');
    await q.query(
      'CREATE TABLE "webhook_deliveries" ("id" uuid NOT NULL, "webhook_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "event_id" uuid NOT NULL, "event_type" text NOT NULL, "sequence" integer NOT NULL, "payload" text NOT NULL, "status" text NOT NULL, "attempts" integer NOT NULL DEFAULT \'0\', "attempt_log" jsonb NOT NULL DEFAULT \'[]\', "last_error" text, "response_status" integer, "next_attempt_at" TIMESTAMP WITH TIME ZONE, "window_started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_attempt_at" TIMESTAMP WITH TIME ZONE, "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_webhook_deliveries" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "webhook_deliveries_webhook_idx" ON "webhook_deliveries" ("webhook_id", "id")');
    await q.query('CREATE INDEX "webhook_deliveries_due_idx" ON "webhook_deliveries" ("status", "next_attempt_at")');
    await q.query(
      'CREATE UNIQUE INDEX "webhook_deliveries_event_key" ON "webhook_deliveries" ("webhook_id", "event_id")',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "webhook_deliveries_event_key"');
    await q.query('DROP INDEX "webhook_deliveries_due_idx"');
    await q.query('DROP INDEX "webhook_deliveries_webhook_idx"');
    await q.query('DROP TABLE "webhook_deliveries"');
    await q.query('DROP INDEX "webhooks_organization_idx"');
    await q.query('DROP TABLE "webhooks"');
  }
}
