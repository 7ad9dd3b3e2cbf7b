import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ExpectedDateAndDelivery1796675406328 implements MigrationInterface {
  name = 'ExpectedDateAndDelivery1796675406328';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "tickets" ADD "expected_resolution_at" TIMESTAMP WITH TIME ZONE');
    await q.query('ALTER TABLE "tickets" ADD "solution_delivered_via" text');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "tickets" DROP COLUMN "solution_delivered_via"');
    await q.query('ALTER TABLE "tickets" DROP COLUMN "expected_resolution_at"');
  }
}
