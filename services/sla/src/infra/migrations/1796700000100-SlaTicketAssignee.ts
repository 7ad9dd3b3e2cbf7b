import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The ticket's assignee, for SLA reports grouped or filtered by engineer (issue 19). */
export class SlaTicketAssignee1796700000100 implements MigrationInterface {
  name = 'SlaTicketAssignee1796700000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "sla_tickets" ADD "assignee_id" uuid');
    await q.query('ALTER TABLE "sla_tickets" ADD "assignee_version" integer');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "sla_tickets" DROP COLUMN "assignee_version"');
    await q.query('ALTER TABLE "sla_tickets" DROP COLUMN "assignee_id"');
  }
}
