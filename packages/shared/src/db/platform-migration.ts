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

/** Parked events: the dead-letter store of every consumer (packages/shared/src/outbox/parking.ts). */
export class PlatformParkedEvents1765100000000 implements MigrationInterface {
  name = 'PlatformParkedEvents1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "parked_events" (
      "id" uuid NOT NULL,
      "consumer" text NOT NULL,
      "event_id" uuid NOT NULL,
      "event_type" text NOT NULL,
      "ordering_key" text,
      "stream_seq" bigint NOT NULL,
      "envelope" jsonb NOT NULL,
      "state" text NOT NULL,
      "error" text NOT NULL,
      "attempts" integer NOT NULL,
      "parked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "UQ_parked_events_event" UNIQUE ("consumer", "event_id"),
      CONSTRAINT "PK_parked_events" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "parked_events_key_idx" ON "parked_events" ("consumer", "ordering_key", "stream_seq")`);
    // Inbox rows are pruned by age (docs/operations.md "How long rows are kept").
    await q.query(`CREATE INDEX "inbox_processed_at_idx" ON "inbox" ("processed_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "inbox_processed_at_idx"`);
    await q.query(`DROP TABLE "parked_events"`);
  }
}

/** The platform's tables, in order: every service runs these before its own migrations. */
export const PLATFORM_MIGRATIONS = [PlatformOutboxInbox1763700000000, PlatformParkedEvents1765100000000];
