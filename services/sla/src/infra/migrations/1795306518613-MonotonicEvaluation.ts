import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MonotonicEvaluation1795306518613 implements MigrationInterface {
  name = 'MonotonicEvaluation1795306518613';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "sla_contracts" RENAME COLUMN "exhausted_spans" TO "prepaid_toggles"');
    // Spans {from, to} become the changes they were made of: {at, exhausted}.
    await q.query(`UPDATE "sla_contracts" SET "prepaid_toggles" = (
      SELECT coalesce(jsonb_agg(t.x), '[]'::jsonb) FROM (
        SELECT jsonb_build_object('at', (s->>'from')::bigint, 'exhausted', true) AS x FROM jsonb_array_elements("prepaid_toggles") s
        UNION ALL
        SELECT jsonb_build_object('at', (s->>'to')::bigint, 'exhausted', false) FROM jsonb_array_elements("prepaid_toggles") s
        WHERE s->>'to' IS NOT NULL) t)`);
    await q.query('ALTER TABLE "sla_tickets" ADD "evaluated_at" TIMESTAMP WITH TIME ZONE');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "sla_tickets" DROP COLUMN "evaluated_at"');
    await q.query('ALTER TABLE "sla_contracts" RENAME COLUMN "prepaid_toggles" TO "exhausted_spans"');
  }
}
