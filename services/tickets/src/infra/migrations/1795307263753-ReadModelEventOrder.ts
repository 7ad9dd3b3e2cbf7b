import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReadModelEventOrder1795307263753 implements MigrationInterface {
  name = 'ReadModelEventOrder1795307263753';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "known_contracts" ADD "source_event_id" uuid');
    await q.query('ALTER TABLE "known_contacts" ADD "source_event_id" uuid');
    await q.query('ALTER TABLE "known_staff" ADD "source_event_id" uuid');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "known_staff" DROP COLUMN "source_event_id"');
    await q.query('ALTER TABLE "known_contacts" DROP COLUMN "source_event_id"');
    await q.query('ALTER TABLE "known_contracts" DROP COLUMN "source_event_id"');
  }
}
