import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1763700000400 implements MigrationInterface {
  name = 'Notifications1763700000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "notifications" (
      "id" uuid NOT NULL,
      "recipient_id" uuid NOT NULL,
      "organization_id" uuid,
      "ticket_id" uuid,
      "kind" text NOT NULL,
      "title" text NOT NULL,
      "body" text NOT NULL,
      "source_event_id" uuid NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "read_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "PK_notifications" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "notifications_recipient_idx" ON "notifications" ("recipient_id", "id")`);
    await q.query(
      `CREATE UNIQUE INDEX "notifications_source_event_key" ON "notifications" ("source_event_id", "recipient_id")`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "notifications"`);
  }
}
