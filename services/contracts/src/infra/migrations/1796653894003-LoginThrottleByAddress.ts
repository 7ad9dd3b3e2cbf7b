import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Login throttling per (e-mail, client address) and per address instead of per e-mail. The
 * old per-e-mail counts are transient (minutes) and have no address: they are dropped.
 */
export class LoginThrottleByAddress1796653894003 implements MigrationInterface {
  name = 'LoginThrottleByAddress1796653894003';

  async up(q: QueryRunner): Promise<void> {
    await q.query('DELETE FROM "login_throttle"');
    await q.query('ALTER TABLE "login_throttle" DROP CONSTRAINT "PK_login_throttle"');
    await q.query('ALTER TABLE "login_throttle" DROP COLUMN "email_key"');
    await q.query('ALTER TABLE "login_throttle" ADD "throttle_key" text NOT NULL');
    await q.query('ALTER TABLE "login_throttle" ADD CONSTRAINT "PK_login_throttle" PRIMARY KEY ("throttle_key")');
    await q.query('ALTER TABLE "login_throttle" ADD "scope" text NOT NULL');
    await q.query('ALTER TABLE "login_throttle" ADD "email_hash" text');
    await q.query('ALTER TABLE "login_throttle" ADD "address" text NOT NULL');
    await q.query('CREATE INDEX "login_throttle_address_idx" ON "login_throttle" ("address")');
    await q.query('CREATE INDEX "login_throttle_email_idx" ON "login_throttle" ("email_hash")');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DELETE FROM "login_throttle"');
    await q.query('DROP INDEX "login_throttle_email_idx"');
    await q.query('DROP INDEX "login_throttle_address_idx"');
    await q.query('ALTER TABLE "login_throttle" DROP COLUMN "address"');
    await q.query('ALTER TABLE "login_throttle" DROP COLUMN "email_hash"');
    await q.query('ALTER TABLE "login_throttle" DROP COLUMN "scope"');
    await q.query('ALTER TABLE "login_throttle" DROP CONSTRAINT "PK_login_throttle"');
    await q.query('ALTER TABLE "login_throttle" DROP COLUMN "throttle_key"');
    await q.query('ALTER TABLE "login_throttle" ADD "email_key" text NOT NULL');
    await q.query('ALTER TABLE "login_throttle" ADD CONSTRAINT "PK_login_throttle" PRIMARY KEY ("email_key")');
  }
}
