import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The whole lifecycle: moves, thread, history, attachments, and the read models fed by events. */
export class TicketsLifecycle1763700000210 implements MigrationInterface {
  name = 'TicketsLifecycle1763700000210';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "tickets"
      ADD "close_reason" text,
      ADD "acknowledged_at" TIMESTAMP WITH TIME ZONE,
      ADD "resolved_at" TIMESTAMP WITH TIME ZONE,
      ADD "closed_at" TIMESTAMP WITH TIME ZONE,
      ADD "answered_on_call" boolean,
      ADD "linked_ticket_id" uuid,
      ADD "clarification_return_status" text,
      ADD "clarification_requested_at" TIMESTAMP WITH TIME ZONE,
      ADD "rework_count" integer NOT NULL DEFAULT '0',
      ADD "on_site_requested_at" TIMESTAMP WITH TIME ZONE,
      ADD "on_site_arrived_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`CREATE INDEX "tickets_registered_idx" ON "tickets" ("registered_at", "id")`);
    await q.query(`CREATE INDEX "tickets_assignee_idx" ON "tickets" ("assignee_id")`);
    await q.query(`CREATE INDEX "tickets_linked_idx" ON "tickets" ("linked_ticket_id")`);

    await q.query(`CREATE TABLE "ticket_messages" (
      "id" uuid NOT NULL,
      "ticket_id" uuid NOT NULL,
      "organization_id" uuid NOT NULL,
      "body" text NOT NULL,
      "internal" boolean NOT NULL,
      "from_provider" boolean NOT NULL,
      "author_id" uuid,
      "author_role" text NOT NULL,
      "author_name" text,
      "transition" text,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_ticket_messages" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ticket_messages_ticket_idx" ON "ticket_messages" ("ticket_id", "created_at")`);

    await q.query(`CREATE TABLE "ticket_history" (
      "id" uuid NOT NULL,
      "ticket_id" uuid NOT NULL,
      "organization_id" uuid NOT NULL,
      "version" integer NOT NULL,
      "position" integer NOT NULL,
      "at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "actor_id" uuid,
      "actor_role" text NOT NULL,
      "actor_name" text,
      "type" text NOT NULL,
      "transition" text,
      "from_value" text,
      "to_value" text,
      "note" text,
      "reason" text,
      "internal" boolean NOT NULL,
      "event_id" uuid NOT NULL,
      CONSTRAINT "PK_ticket_history" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ticket_history_ticket_idx" ON "ticket_history" ("ticket_id", "version", "position")`);

    await q.query(`CREATE TABLE "ticket_attachments" (
      "id" uuid NOT NULL,
      "ticket_id" uuid NOT NULL,
      "organization_id" uuid NOT NULL,
      "name" text NOT NULL,
      "content_type" text NOT NULL,
      "size" integer NOT NULL,
      "sha256" text NOT NULL,
      "internal" boolean NOT NULL,
      "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "uploaded_by_id" uuid,
      "uploaded_by_role" text NOT NULL,
      "uploaded_by_name" text,
      CONSTRAINT "PK_ticket_attachments" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ticket_attachments_ticket_idx" ON "ticket_attachments" ("ticket_id", "uploaded_at")`);
    await q.query(`CREATE TABLE "ticket_attachment_contents" (
      "attachment_id" uuid NOT NULL,
      "content" bytea NOT NULL,
      CONSTRAINT "PK_ticket_attachment_contents" PRIMARY KEY ("attachment_id"))`);

    // Contracts known before this migration were all created ACTIVE in Moscow without prerequisites.
    await q.query(`ALTER TABLE "known_contracts"
      ADD "status" text NOT NULL DEFAULT 'ACTIVE',
      ADD "time_zone" text NOT NULL DEFAULT 'Europe/Moscow',
      ADD "prerequisites" jsonb NOT NULL DEFAULT '[]'`);
    await q.query(`ALTER TABLE "known_contracts"
      ALTER COLUMN "status" DROP DEFAULT,
      ALTER COLUMN "time_zone" DROP DEFAULT,
      ALTER COLUMN "prerequisites" DROP DEFAULT`);

    await q.query(`CREATE TABLE "known_contacts" (
      "contact_id" uuid NOT NULL,
      "organization_id" uuid NOT NULL,
      "full_name" text NOT NULL,
      "email" text NOT NULL,
      "phone" text,
      "active" boolean NOT NULL,
      CONSTRAINT "PK_known_contacts" PRIMARY KEY ("contact_id"))`);
    await q.query(`CREATE INDEX "known_contacts_organization_idx" ON "known_contacts" ("organization_id")`);
    await q.query(`CREATE TABLE "known_staff" (
      "staff_id" uuid NOT NULL,
      "full_name" text NOT NULL,
      "email" text NOT NULL,
      "role" text NOT NULL,
      "active" boolean NOT NULL,
      CONSTRAINT "PK_known_staff" PRIMARY KEY ("staff_id"))`);
    await q.query(`CREATE TABLE "ticket_sla_states" (
      "ticket_id" uuid NOT NULL,
      "organization_id" uuid NOT NULL,
      "state" text,
      "next_deadline" TIMESTAMP WITH TIME ZONE,
      "breached" boolean NOT NULL DEFAULT false,
      "failure_report_pending" boolean NOT NULL DEFAULT false,
      "clarification_expired_at" TIMESTAMP WITH TIME ZONE,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_ticket_sla_states" PRIMARY KEY ("ticket_id"))`);
    await q.query(
      `CREATE INDEX "ticket_sla_states_deadline_idx" ON "ticket_sla_states" ("next_deadline", "ticket_id")`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "ticket_sla_states"`);
    await q.query(`DROP TABLE "known_staff"`);
    await q.query(`DROP TABLE "known_contacts"`);
    await q.query(
      `ALTER TABLE "known_contracts" DROP COLUMN "status", DROP COLUMN "time_zone", DROP COLUMN "prerequisites"`,
    );
    await q.query(`DROP TABLE "ticket_attachment_contents"`);
    await q.query(`DROP TABLE "ticket_attachments"`);
    await q.query(`DROP TABLE "ticket_history"`);
    await q.query(`DROP TABLE "ticket_messages"`);
    await q.query(`DROP INDEX "tickets_linked_idx"`);
    await q.query(`DROP INDEX "tickets_assignee_idx"`);
    await q.query(`DROP INDEX "tickets_registered_idx"`);
    await q.query(`ALTER TABLE "tickets"
      DROP COLUMN "close_reason",
      DROP COLUMN "acknowledged_at",
      DROP COLUMN "resolved_at",
      DROP COLUMN "closed_at",
      DROP COLUMN "answered_on_call",
      DROP COLUMN "linked_ticket_id",
      DROP COLUMN "clarification_return_status",
      DROP COLUMN "clarification_requested_at",
      DROP COLUMN "rework_count",
      DROP COLUMN "on_site_requested_at",
      DROP COLUMN "on_site_arrived_at"`);
  }
}
