import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Advisories1796684406601 implements MigrationInterface {
  name = 'Advisories1796684406601';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "advisories" ("id" uuid NOT NULL, "product" text NOT NULL, "title" text NOT NULL, "body" text NOT NULL, "severity" text NOT NULL, "discovered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "fix_due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL, "published_by" uuid, "fixed_in_release_id" uuid, "fixed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_advisories" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "advisories_published_idx" ON "advisories" ("published_at")');
    await q.query('CREATE INDEX "advisories_product_published_idx" ON "advisories" ("product", "published_at")');
    await q.query(
      'CREATE TABLE "advisory_recipients" ("advisory_id" uuid NOT NULL, "contact_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "full_name" text NOT NULL, "email" text NOT NULL, CONSTRAINT "PK_advisory_recipients" PRIMARY KEY ("advisory_id", "contact_id"))',
    );
    await q.query(
      'CREATE INDEX "advisory_recipients_org_idx" ON "advisory_recipients" ("advisory_id", "organization_id")',
    );
    await q.query('ALTER TABLE "releases" ADD "published_at" TIMESTAMP WITH TIME ZONE');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "releases" DROP COLUMN "published_at"');
    await q.query('DROP INDEX "advisory_recipients_org_idx"');
    await q.query('DROP TABLE "advisory_recipients"');
    await q.query('DROP INDEX "advisories_product_published_idx"');
    await q.query('DROP INDEX "advisories_published_idx"');
    await q.query('DROP TABLE "advisories"');
  }
}
