import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The outbox and inbox tables every service has (packages/shared owns their shape). */
export class PlatformOutboxInbox1763700000000 implements MigrationInterface {
  name = 'PlatformOutboxInbox1763700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "outbox" (
      "seq" BIGSERIAL NOT NULL,
      "event_id" uuid NOT NULL,
      "type" text NOT NULL,
      "payload" jsonb NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "published_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "UQ_outbox_event_id" UNIQUE ("event_id"),
      CONSTRAINT "PK_outbox" PRIMARY KEY ("seq"))`);
    await q.query(`CREATE INDEX "outbox_unpublished_idx" ON "outbox" ("seq") WHERE (published_at IS NULL)`);
    await q.query(`CREATE TABLE "inbox" (
      "consumer" text NOT NULL,
      "event_id" uuid NOT NULL,
      "type" text NOT NULL,
      "processed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_inbox" PRIMARY KEY ("consumer", "event_id"))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "inbox"`);
    await q.query(`DROP TABLE "outbox"`);
  }
}
