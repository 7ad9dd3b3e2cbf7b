import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OrganizationsContracts1763700000100 implements MigrationInterface {
  name = 'OrganizationsContracts1763700000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "organizations" (
      "id" uuid NOT NULL,
      "name" text NOT NULL,
      "email" text NOT NULL,
      "email_domains" text array NOT NULL DEFAULT '{}',
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_organizations" PRIMARY KEY ("id"))`);
    await q.query(`CREATE TABLE "contracts" (
      "id" uuid NOT NULL,
      "organization_id" uuid NOT NULL,
      "number" text NOT NULL,
      "preset" text NOT NULL,
      "starts_on" date NOT NULL,
      "ends_on" date NOT NULL,
      "total_value" numeric,
      "products" text array NOT NULL DEFAULT '{}',
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_contracts" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "contracts_organization_idx" ON "contracts" ("organization_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "contracts"`);
    await q.query(`DROP TABLE "organizations"`);
  }
}
