import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The inbound e-mail channel (issue 15): intakes (one per Message-ID) and the organizations' domains. */
export class EmailIntake1796674194550 implements MigrationInterface {
  name = 'EmailIntake1796674194550';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "email_intakes" ("id" uuid NOT NULL, "message_id" text NOT NULL, "sender" text NOT NULL, "subject" text NOT NULL, "status" text NOT NULL, "reason" text NOT NULL, "ticket_id" uuid, "organization_id" uuid, "contact_id" uuid, "forwarded_to" text, "size" integer NOT NULL, "raw" text, "via" text NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_email_intakes" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "email_intakes_status_idx" ON "email_intakes" ("status", "id")');
    await q.query('CREATE INDEX "email_intakes_sender_idx" ON "email_intakes" ("sender", "received_at")');
    await q.query('CREATE UNIQUE INDEX "email_intakes_message_id_key" ON "email_intakes" ("message_id")');
    await q.query(
      'CREATE TABLE "known_organizations" ("organization_id" uuid NOT NULL, "name" text NOT NULL, "email" text NOT NULL, "email_domains" text array NOT NULL DEFAULT \'{}\', "source_event_id" uuid, CONSTRAINT "PK_known_organizations" PRIMARY KEY ("organization_id"))',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "known_organizations"');
    await q.query('DROP INDEX "email_intakes_message_id_key"');
    await q.query('DROP INDEX "email_intakes_sender_idx"');
    await q.query('DROP INDEX "email_intakes_status_idx"');
    await q.query('DROP TABLE "email_intakes"');
  }
}
