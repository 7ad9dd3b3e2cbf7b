import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The contract snapshot event last applied to `sla_contracts`: an older one arriving later is ignored. */
export class ContractEventOrder1795400000000 implements MigrationInterface {
  name = 'ContractEventOrder1795400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "sla_contracts" ADD "snapshot_event_id" uuid');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "sla_contracts" DROP COLUMN "snapshot_event_id"');
  }
}
