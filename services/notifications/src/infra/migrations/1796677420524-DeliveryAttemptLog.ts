import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The delivery log keeps every attempt (issue 14): when, its outcome, its error. */
export class DeliveryAttemptLog1796677420524 implements MigrationInterface {
  name = 'DeliveryAttemptLog1796677420524';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "deliveries" ADD "attempt_log" jsonb NOT NULL DEFAULT \'[]\'');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "deliveries" DROP COLUMN "attempt_log"');
  }
}
