import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Notification language and e-mail preferences of contacts and staff (issue 14), published in their events. */
export class NotificationPreferences1796653894100 implements MigrationInterface {
  name = 'NotificationPreferences1796653894100';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['contacts', 'staff']) {
      await q.query(`ALTER TABLE "${table}" ADD "language" text NOT NULL DEFAULT 'RU'`);
      await q.query(`ALTER TABLE "${table}" ADD "email_off" text array NOT NULL DEFAULT '{}'`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['contacts', 'staff']) {
      await q.query(`ALTER TABLE "${table}" DROP COLUMN "email_off"`);
      await q.query(`ALTER TABLE "${table}" DROP COLUMN "language"`);
    }
  }
}
