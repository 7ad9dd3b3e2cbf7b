import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Followers (issue 14): contacts of the ticket's organization told what its requester is told. */
export class TicketFollowers1796674152439 implements MigrationInterface {
  name = 'TicketFollowers1796674152439';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "ticket_followers" ("ticket_id" uuid NOT NULL, "contact_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_ticket_followers" PRIMARY KEY ("ticket_id", "contact_id"))',
    );
    await q.query('CREATE INDEX "ticket_followers_contact_idx" ON "ticket_followers" ("contact_id")');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "ticket_followers_contact_idx"');
    await q.query('DROP TABLE "ticket_followers"');
  }
}
