import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ContractCalendars1795300715004 implements MigrationInterface {
  name = 'ContractCalendars1795300715004';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "sla_contracts" ADD "coverage" text');
    await q.query('ALTER TABLE "sla_contracts" ADD "holidays" text array NOT NULL DEFAULT \'{}\'');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "sla_contracts" DROP COLUMN "holidays"');
    await q.query('ALTER TABLE "sla_contracts" DROP COLUMN "coverage"');
  }
}
