import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReleaseEventOrder1795307927597 implements MigrationInterface {
  name = 'ReleaseEventOrder1795307927597';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "sla_releases" ADD "source_event_id" uuid');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "sla_releases" DROP COLUMN "source_event_id"');
  }
}
