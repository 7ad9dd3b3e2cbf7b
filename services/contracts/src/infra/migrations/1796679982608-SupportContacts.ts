import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SupportContacts1796679982608 implements MigrationInterface {
  name = 'SupportContacts1796679982608';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "contracts" ADD "support_contacts" jsonb');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "contracts" DROP COLUMN "support_contacts"');
  }
}
