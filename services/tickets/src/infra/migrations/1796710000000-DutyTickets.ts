import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DutyTickets1796710000000 implements MigrationInterface {
  name = 'DutyTickets1796710000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "tickets" ADD "duty" jsonb');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "tickets" DROP COLUMN "duty"');
  }
}
