import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Registration numbers come from one sequence per year instead of a counter row locked until
 * the commit (docs/adr/0019): each year's counter becomes its sequence, continuing after the
 * last number given.
 */
export class NumberSequences1796700000000 implements MigrationInterface {
  name = 'NumberSequences1796700000000';

  async up(q: QueryRunner): Promise<void> {
    const counters = (await q.query('SELECT year, last_value FROM "ticket_number_counters"')) as {
      year: number;
      last_value: number;
    }[];
    for (const { year, last_value } of counters) {
      await q.query(
        `CREATE SEQUENCE IF NOT EXISTS ticket_number_${Number(year)} AS integer MINVALUE 1 NO CYCLE START WITH ${Number(last_value) + 1}`,
      );
    }
    await q.query('DROP TABLE "ticket_number_counters"');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "ticket_number_counters" (
      "year" integer NOT NULL,
      "last_value" integer NOT NULL,
      CONSTRAINT "PK_ticket_number_counters" PRIMARY KEY ("year"))`);
    const sequences = (await q.query(
      `SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = current_schema() AND sequencename LIKE 'ticket\\_number\\_%'`,
    )) as { sequencename: string; last_value: number | null }[];
    for (const { sequencename, last_value } of sequences) {
      const year = Number(sequencename.slice('ticket_number_'.length));
      if (last_value !== null) {
        await q.query('INSERT INTO "ticket_number_counters" (year, last_value) VALUES ($1, $2)', [year, last_value]);
      }
      await q.query(`DROP SEQUENCE ${sequencename}`);
    }
  }
}
