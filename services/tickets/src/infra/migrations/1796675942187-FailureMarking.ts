import type { MigrationInterface, QueryRunner } from 'typeorm';

export class FailureMarking1796675942187 implements MigrationInterface {
  name = 'FailureMarking1796675942187';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "tickets" ADD "marked_as_failure_at" TIMESTAMP WITH TIME ZONE');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "tickets" DROP COLUMN "marked_as_failure_at"');
  }
}
