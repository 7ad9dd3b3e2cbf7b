import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The delivery log (issue 14): every notification on every channel, with its attempts. */
export class Deliveries1763700000420 implements MigrationInterface {
  name = 'Deliveries1763700000420';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "deliveries" (
      "id" uuid NOT NULL,
      "notification_id" uuid NOT NULL,
      "channel" text NOT NULL,
      "recipient_id" uuid NOT NULL,
      "recipient" text NOT NULL,
      "ticket_id" uuid,
      "organization_id" uuid,
      "kind" text NOT NULL,
      "status" text NOT NULL,
      "attempts" integer NOT NULL DEFAULT 0,
      "last_error" text,
      "next_attempt_at" TIMESTAMP WITH TIME ZONE,
      "message" jsonb,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "last_attempt_at" TIMESTAMP WITH TIME ZONE,
      "sent_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "PK_deliveries" PRIMARY KEY ("id"))`);
    await q.query(
      `CREATE UNIQUE INDEX "deliveries_notification_channel_key" ON "deliveries" ("notification_id", "channel")`,
    );
    await q.query(`CREATE INDEX "deliveries_due_idx" ON "deliveries" ("status", "next_attempt_at")`);
    await q.query(`CREATE INDEX "deliveries_ticket_idx" ON "deliveries" ("ticket_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "deliveries"`);
  }
}
