import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TermAgreement1796674276323 implements MigrationInterface {
  name = 'TermAgreement1796674276323';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "tickets" ADD "proposed_resolution_at" TIMESTAMP WITH TIME ZONE');
    await q.query('ALTER TABLE "tickets" ADD "planned_date_agreed_at" TIMESTAMP WITH TIME ZONE');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "tickets" DROP COLUMN "planned_date_agreed_at"');
    await q.query('ALTER TABLE "tickets" DROP COLUMN "proposed_resolution_at"');
  }
}
