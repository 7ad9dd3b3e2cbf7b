import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ListFilterIndexes1795307559326 implements MigrationInterface {
  name = 'ListFilterIndexes1795307559326';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX "tickets_requester_idx" ON "tickets" ("requester_id")');
    await q.query('CREATE INDEX "tickets_contract_idx" ON "tickets" ("contract_id")');
    await q.query(
      'CREATE INDEX "tickets_open_status_idx" ON "tickets" ("status", "organization_id") WHERE (status <> \'CLOSED\')',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "tickets_open_status_idx"');
    await q.query('DROP INDEX "tickets_contract_idx"');
    await q.query('DROP INDEX "tickets_requester_idx"');
  }
}
