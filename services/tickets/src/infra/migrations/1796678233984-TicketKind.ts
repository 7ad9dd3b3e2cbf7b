import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TicketKind1796678233984 implements MigrationInterface {
  name = 'TicketKind1796678233984';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "tickets" ADD "kind" text NOT NULL DEFAULT \'REQUEST\'');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "tickets" DROP COLUMN "kind"');
  }
}
