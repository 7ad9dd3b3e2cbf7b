import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Rules table (issue 14): once-keys, facts, the read models of tickets, people, contracts and clocks. */
export class NotificationRules1763700000410 implements MigrationInterface {
  name = 'NotificationRules1763700000410';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "notifications" ADD "recipient_side" text NOT NULL DEFAULT 'CUSTOMER'`);
    await q.query(`ALTER TABLE "notifications" ADD "once_key" text`);
    await q.query(`UPDATE "notifications" SET "once_key" = "source_event_id"::text`);
    await q.query(`ALTER TABLE "notifications" ALTER COLUMN "once_key" SET NOT NULL`);
    await q.query(`ALTER TABLE "notifications" ADD "facts" jsonb NOT NULL DEFAULT '{}'`);
    await q.query(`DROP INDEX "notifications_source_event_key"`);
    await q.query(
      `CREATE UNIQUE INDEX "notifications_once_key" ON "notifications" ("once_key", "recipient_id", "kind")`,
    );
    await q.query(`CREATE INDEX "notifications_ticket_idx" ON "notifications" ("ticket_id")`);
    await q.query(`CREATE TABLE "known_tickets" (
      "ticket_id" uuid NOT NULL,
      "number" text NOT NULL,
      "organization_id" uuid NOT NULL,
      "contract_id" uuid NOT NULL,
      "requester_id" uuid,
      "assignee_id" uuid,
      "title" text NOT NULL,
      "status" text NOT NULL,
      "source_event_id" uuid,
      CONSTRAINT "PK_known_tickets" PRIMARY KEY ("ticket_id"))`);
    await q.query(`CREATE TABLE "known_people" (
      "person_id" uuid NOT NULL,
      "kind" text NOT NULL,
      "organization_id" uuid,
      "role" text NOT NULL,
      "full_name" text NOT NULL,
      "email" text NOT NULL,
      "language" text NOT NULL DEFAULT 'RU',
      "active" boolean NOT NULL,
      "email_off" text array NOT NULL DEFAULT '{}',
      "source_event_id" uuid,
      CONSTRAINT "PK_known_people" PRIMARY KEY ("person_id"))`);
    await q.query(`CREATE INDEX "known_people_organization_idx" ON "known_people" ("organization_id")`);
    await q.query(`CREATE INDEX "known_people_role_idx" ON "known_people" ("role")`);
    await q.query(`CREATE TABLE "known_contracts" (
      "contract_id" uuid NOT NULL,
      "organization_id" uuid NOT NULL,
      "number" text NOT NULL,
      "time_zone" text NOT NULL,
      "source_event_id" uuid,
      CONSTRAINT "PK_known_contracts" PRIMARY KEY ("contract_id"))`);
    await q.query(`CREATE TABLE "known_timers" (
      "timer_id" uuid NOT NULL,
      "ticket_id" uuid NOT NULL,
      "metric" text NOT NULL,
      "status" text NOT NULL,
      "deadline" TIMESTAMP WITH TIME ZONE,
      "source_event_id" uuid,
      CONSTRAINT "PK_known_timers" PRIMARY KEY ("timer_id"))`);
    await q.query(`CREATE INDEX "known_timers_ticket_idx" ON "known_timers" ("ticket_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "known_timers"`);
    await q.query(`DROP TABLE "known_contracts"`);
    await q.query(`DROP TABLE "known_people"`);
    await q.query(`DROP TABLE "known_tickets"`);
    await q.query(`DROP INDEX "notifications_ticket_idx"`);
    await q.query(`DROP INDEX "notifications_once_key"`);
    await q.query(`DELETE FROM "notifications" a USING "notifications" b
      WHERE a.source_event_id = b.source_event_id AND a.recipient_id = b.recipient_id AND a.id > b.id`);
    await q.query(
      `CREATE UNIQUE INDEX "notifications_source_event_key" ON "notifications" ("source_event_id", "recipient_id")`,
    );
    await q.query(`ALTER TABLE "notifications" DROP COLUMN "facts"`);
    await q.query(`ALTER TABLE "notifications" DROP COLUMN "once_key"`);
    await q.query(`ALTER TABLE "notifications" DROP COLUMN "recipient_side"`);
  }
}
