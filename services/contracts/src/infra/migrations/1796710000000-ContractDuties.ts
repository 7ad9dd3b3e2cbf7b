import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ContractDuties1796710000000 implements MigrationInterface {
  name = 'ContractDuties1796710000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "contract_duties" ("id" uuid NOT NULL, "contract_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "title" text NOT NULL, "description" text NOT NULL DEFAULT '', "party" text NOT NULL, "schedule" jsonb NOT NULL, "due_working_days" integer NOT NULL, "added_on" date NOT NULL, "ends_on" date, "seed_clause" text, "opened_through" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_contract_duties" PRIMARY KEY ("id"))`,
    );
    await q.query('CREATE INDEX "contract_duties_contract_idx" ON "contract_duties" ("contract_id") ');
    await q.query(
      'CREATE TABLE "duty_occurrences" ("id" uuid NOT NULL, "duty_id" uuid NOT NULL, "contract_id" uuid NOT NULL, "period_start" TIMESTAMP WITH TIME ZONE NOT NULL, "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_duty_occurrences" PRIMARY KEY ("id"))',
    );
    await q.query(
      'CREATE UNIQUE INDEX "duty_occurrences_duty_period_uq" ON "duty_occurrences" ("duty_id", "period_start") ',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "duty_occurrences_duty_period_uq"');
    await q.query('DROP TABLE "duty_occurrences"');
    await q.query('DROP INDEX "contract_duties_contract_idx"');
    await q.query('DROP TABLE "contract_duties"');
  }
}
