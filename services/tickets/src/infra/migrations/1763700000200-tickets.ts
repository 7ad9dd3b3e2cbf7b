import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Tickets1763700000200 implements MigrationInterface {
  name = 'Tickets1763700000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "tickets" (
      "id" uuid NOT NULL,
      "number" text NOT NULL,
      "organization_id" uuid NOT NULL,
      "contract_id" uuid NOT NULL,
      "preset" text NOT NULL,
      "requester_id" uuid,
      "channel" text NOT NULL,
      "title" text NOT NULL,
      "description" text NOT NULL,
      "category" text,
      "priority" text,
      "status" text NOT NULL,
      "assignee_id" uuid,
      "product" text,
      "service_code" text,
      "planned_resolution_at" TIMESTAMP WITH TIME ZONE,
      "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "version" integer NOT NULL DEFAULT 1,
      CONSTRAINT "PK_tickets" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "tickets_number_key" ON "tickets" ("number")`);
    await q.query(
      `CREATE INDEX "tickets_organization_registered_idx" ON "tickets" ("organization_id", "registered_at")`,
    );
    await q.query(`CREATE TABLE "ticket_number_counters" (
      "year" integer NOT NULL,
      "last_value" integer NOT NULL,
      CONSTRAINT "PK_ticket_number_counters" PRIMARY KEY ("year"))`);
    await q.query(`CREATE TABLE "known_contracts" (
      "contract_id" uuid NOT NULL,
      "organization_id" uuid NOT NULL,
      "number" text NOT NULL,
      "preset" text NOT NULL,
      "starts_on" date NOT NULL,
      "ends_on" date NOT NULL,
      "products" text array NOT NULL DEFAULT '{}',
      CONSTRAINT "PK_known_contracts" PRIMARY KEY ("contract_id"))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "known_contracts"`);
    await q.query(`DROP TABLE "ticket_number_counters"`);
    await q.query(`DROP TABLE "tickets"`);
  }
}
