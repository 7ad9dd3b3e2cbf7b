import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The assignee in the tickets read model, for the workload of engineers (issue 19). */
export class KnownTicketAssignee1796700000000 implements MigrationInterface {
  name = 'KnownTicketAssignee1796700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "known_tickets" ADD "assignee_id" uuid');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "known_tickets" DROP COLUMN "assignee_id"');
  }
}
