import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The contracts service in full: contract terms and status, contacts, staff, credentials,
 * login throttling, hour packages, the prepaid ledger, payments, time entries, releases and
 * the read model of tickets. Existing contracts get their preset's zone and coverage.
 */
export class PeoplePrepaidReleases1763700000110 implements MigrationInterface {
  name = 'PeoplePrepaidReleases1763700000110';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "contracts"
      ADD "status" text NOT NULL DEFAULT 'DRAFT',
      ADD "suspended" boolean NOT NULL DEFAULT false,
      ADD "suspension_reason" text,
      ADD "coverage" text NOT NULL DEFAULT '9x5',
      ADD "time_zone" text NOT NULL DEFAULT 'Europe/Moscow',
      ADD "prerequisites" jsonb NOT NULL DEFAULT '[]',
      ADD "warranty" boolean NOT NULL DEFAULT false,
      ADD "customization_hourly_rate" numeric(14,2),
      ADD "customization_cap_percent" numeric(5,2) NOT NULL DEFAULT '15',
      ADD "holidays" text array NOT NULL DEFAULT '{}',
      ADD "updated_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`UPDATE "contracts" SET "updated_at" = "created_at",
      "time_zone" = CASE "preset" WHEN 'kz-supplier' THEN 'Asia/Almaty' ELSE 'Europe/Moscow' END,
      "coverage" = CASE "preset" WHEN 'asmo' THEN '8.25x5x2' WHEN 'altec-8x5x4' THEN '8x5x4'
        WHEN 'kz-supplier' THEN '9x5x2' WHEN 'infocraft-365' THEN '10x5x4' ELSE '9x5' END`);
    await q.query(`ALTER TABLE "contracts" ALTER COLUMN "updated_at" SET NOT NULL,
      ALTER COLUMN "coverage" DROP DEFAULT, ALTER COLUMN "time_zone" DROP DEFAULT`);
    await q.query(
      `CREATE UNIQUE INDEX "contracts_organization_number_uq" ON "contracts" ("organization_id", "number")`,
    );

    await q.query(`CREATE TABLE "contacts" (
      "id" uuid NOT NULL,
      "organization_id" uuid NOT NULL,
      "full_name" text NOT NULL,
      "email" text NOT NULL,
      "phone" text,
      "active" boolean NOT NULL DEFAULT true,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_contacts" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "contacts_organization_idx" ON "contacts" ("organization_id")`);

    await q.query(`CREATE TABLE "staff" (
      "id" uuid NOT NULL,
      "full_name" text NOT NULL,
      "email" text NOT NULL,
      "role" text NOT NULL,
      "active" boolean NOT NULL DEFAULT true,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_staff" PRIMARY KEY ("id"))`);

    await q.query(`CREATE TABLE "credentials" (
      "user_id" uuid NOT NULL,
      "email" text NOT NULL,
      "kind" text NOT NULL,
      "password_hash" text,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_credentials" PRIMARY KEY ("user_id"))`);
    await q.query(`CREATE UNIQUE INDEX "credentials_email_uq" ON "credentials" ("email")`);

    await q.query(`CREATE TABLE "login_throttle" (
      "email_key" text NOT NULL,
      "failures" integer NOT NULL,
      "last_failure_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "locked_until" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "PK_login_throttle" PRIMARY KEY ("email_key"))`);
    await q.query(`CREATE INDEX "login_throttle_last_failure_idx" ON "login_throttle" ("last_failure_at")`);

    await q.query(`CREATE TABLE "hour_packages" (
      "id" uuid NOT NULL,
      "contract_id" uuid NOT NULL,
      "organization_id" uuid NOT NULL,
      "kind" text NOT NULL,
      "minutes_per_month" integer NOT NULL,
      "starts_on" date NOT NULL,
      "ends_on" date,
      "allow_overdraft" boolean NOT NULL DEFAULT false,
      "reaction_working_minutes" integer,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_hour_packages" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "hour_packages_contract_idx" ON "hour_packages" ("contract_id")`);

    await q.query(`CREATE TABLE "prepaid_accounts" (
      "contract_id" uuid NOT NULL,
      "organization_id" uuid NOT NULL,
      "opened_through" text,
      "state" text NOT NULL DEFAULT 'NONE',
      "cap_nearing_reported" boolean NOT NULL DEFAULT false,
      CONSTRAINT "PK_prepaid_accounts" PRIMARY KEY ("contract_id"))`);
    await q.query(`INSERT INTO "prepaid_accounts" ("contract_id", "organization_id")
      SELECT "id", "organization_id" FROM "contracts"`);

    await q.query(`CREATE TABLE "prepaid_ledger" (
      "id" uuid NOT NULL,
      "contract_id" uuid NOT NULL,
      "organization_id" uuid NOT NULL,
      "month" text NOT NULL,
      "kind" text NOT NULL,
      "minutes" integer NOT NULL,
      "package_id" uuid,
      "time_entry_id" uuid,
      "note" text,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "created_by" text,
      CONSTRAINT "PK_prepaid_ledger" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "prepaid_ledger_contract_month_idx" ON "prepaid_ledger" ("contract_id", "month")`);

    await q.query(`CREATE TABLE "payments" (
      "contract_id" uuid NOT NULL,
      "month" text NOT NULL,
      "paid_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "on_time" boolean NOT NULL,
      "recorded_by" text,
      CONSTRAINT "PK_payments" PRIMARY KEY ("contract_id", "month"))`);

    await q.query(`CREATE TABLE "time_entries" (
      "id" uuid NOT NULL,
      "contract_id" uuid NOT NULL,
      "organization_id" uuid NOT NULL,
      "ticket_id" uuid NOT NULL,
      "kind" text NOT NULL,
      "minutes" integer NOT NULL,
      "actual_minutes" integer,
      "debited_minutes" integer NOT NULL,
      "billing" text NOT NULL,
      "service_code" text,
      "amount" numeric(14,2),
      "cap_overridden" boolean NOT NULL DEFAULT false,
      "note" text,
      "idempotency_key" text,
      "month" text NOT NULL,
      "logged_by" text,
      "logged_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_time_entries" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "time_entries_ticket_idx" ON "time_entries" ("ticket_id")`);
    await q.query(`CREATE INDEX "time_entries_contract_idx" ON "time_entries" ("contract_id", "logged_at")`);
    await q.query(
      `CREATE UNIQUE INDEX "time_entries_idempotency_uq" ON "time_entries" ("contract_id", "idempotency_key")`,
    );

    await q.query(`CREATE TABLE "releases" (
      "id" uuid NOT NULL,
      "product" text NOT NULL,
      "kind" text NOT NULL,
      "planned_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "version" text,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_releases" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "releases_product_planned_idx" ON "releases" ("product", "planned_at")`);

    await q.query(`CREATE TABLE "known_tickets" (
      "ticket_id" uuid NOT NULL,
      "organization_id" uuid NOT NULL,
      "contract_id" uuid NOT NULL,
      "number" text NOT NULL,
      "category" text,
      "service_code" text,
      "status" text NOT NULL,
      "version" integer NOT NULL,
      CONSTRAINT "PK_known_tickets" PRIMARY KEY ("ticket_id"))`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'known_tickets',
      'releases',
      'time_entries',
      'payments',
      'prepaid_ledger',
      'prepaid_accounts',
      'hour_packages',
      'login_throttle',
      'credentials',
      'staff',
      'contacts',
    ]) {
      await q.query(`DROP TABLE "${table}"`);
    }
    await q.query(`DROP INDEX "contracts_organization_number_uq"`);
    await q.query(`ALTER TABLE "contracts" DROP COLUMN "status", DROP COLUMN "suspended",
      DROP COLUMN "suspension_reason", DROP COLUMN "coverage", DROP COLUMN "time_zone",
      DROP COLUMN "prerequisites", DROP COLUMN "warranty", DROP COLUMN "customization_hourly_rate",
      DROP COLUMN "customization_cap_percent", DROP COLUMN "holidays", DROP COLUMN "updated_at"`);
  }
}
