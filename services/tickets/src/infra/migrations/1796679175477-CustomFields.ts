import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CustomFields1796679175477 implements MigrationInterface {
  name = 'CustomFields1796679175477';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "tickets" ADD "custom_fields" jsonb NOT NULL DEFAULT \'{}\'');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "tickets" DROP COLUMN "custom_fields"');
  }
}
