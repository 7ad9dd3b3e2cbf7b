import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A partner system's endpoint for one organization's events (issue 17). The secret is kept (it
 * signs every delivery) and never shown again after it is given; a rotated-out secret keeps
 * signing beside the new one until `previousSecretUntil`.
 */
@Entity({ name: 'webhooks' })
@Index('webhooks_organization_idx', ['organizationId'])
export class WebhookEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_webhooks' })
  id!: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId!: string;

  @Column({ type: 'text' })
  url!: string;

  /** Catalog event types (domain/webhooks.ts WEBHOOK_EVENTS). */
  @Column({ type: 'text', array: true })
  events!: string[];

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  /** `whsec_<base64>` (Standard Webhooks). */
  @Column({ type: 'text' })
  secret!: string;

  @Column({ type: 'text', name: 'previous_secret', nullable: true })
  previousSecret!: string | null;

  @Column({ type: 'timestamptz', name: 'previous_secret_until', nullable: true })
  previousSecretUntil!: Date | null;

  /** An admin allowed a private or loopback address and http (never a partner). */
  @Column({ type: 'boolean', default: false })
  internal!: boolean;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  @Column({ type: 'text', name: 'disabled_reason', nullable: true })
  disabledReason!: string | null;

  /** Since when every attempt has failed (null after a success). */
  @Column({ type: 'timestamptz', name: 'failing_since', nullable: true })
  failingSince!: Date | null;

  /** The sequence number of the last event taken for this webhook. */
  @Column({ type: 'integer', name: 'last_sequence', default: 0 })
  lastSequence!: number;

  /** testWebhook and redeliverWebhook calls in the current minute (a limit). */
  @Column({ type: 'integer', name: 'manual_sends', default: 0 })
  manualSends!: number;

  @Column({ type: 'timestamptz', name: 'manual_window_start', nullable: true })
  manualWindowStart!: Date | null;

  /** Who registered it: `<role>:<id>` (an admin, or a partner key's id). */
  @Column({ type: 'text', name: 'created_by' })
  createdBy!: string;

  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}

/**
 * One event (or ping) to one webhook: the exact body sent on every attempt, and every attempt.
 * PENDING -> SENT, or FAILED (retried with backoff and jitter) -> DEAD after 24 h;
 * redeliverWebhook makes it PENDING again. One row per webhook and event.
 */
@Entity({ name: 'webhook_deliveries' })
@Index('webhook_deliveries_event_key', ['webhookId', 'eventId'], { unique: true })
@Index('webhook_deliveries_due_idx', ['status', 'nextAttemptAt'])
@Index('webhook_deliveries_webhook_idx', ['webhookId', 'id'])
export class WebhookDeliveryEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_webhook_deliveries' })
  id!: string;

  @Column({ type: 'uuid', name: 'webhook_id' })
  webhookId!: string;

  @Column({ type: 'uuid', name: 'organization_id' })
  organizationId!: string;

  /** The event's id (also `webhook-id` and the body's `id`); a ping's own id. */
  @Column({ type: 'uuid', name: 'event_id' })
  eventId!: string;

  @Column({ type: 'text', name: 'event_type' })
  eventType!: string;

  @Column({ type: 'integer' })
  sequence!: number;

  /** The JSON body, as sent on every attempt. */
  @Column({ type: 'text' })
  payload!: string;

  /** PENDING, SENT, FAILED or DEAD. */
  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'jsonb', name: 'attempt_log', default: () => "'[]'" })
  attemptLog!: WebhookAttemptRecord[];

  @Column({ type: 'text', name: 'last_error', nullable: true })
  lastError!: string | null;

  @Column({ type: 'integer', name: 'response_status', nullable: true })
  responseStatus!: number | null;

  /** When the sender may (re)try it; a claim pushes it ahead (a lease). */
  @Column({ type: 'timestamptz', name: 'next_attempt_at', nullable: true })
  nextAttemptAt!: Date | null;

  /** Retries stop 24 h after this (creation, or the last redeliverWebhook). */
  @Column({ type: 'timestamptz', name: 'window_started_at' })
  windowStartedAt!: Date;

  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'last_attempt_at', nullable: true })
  lastAttemptAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'sent_at', nullable: true })
  sentAt!: Date | null;
}

/** One attempt of a webhook delivery. */
export interface WebhookAttemptRecord {
  at: string;
  status: 'SENT' | 'FAILED' | 'DEAD';
  /** The receiver's HTTP status, when it answered. */
  responseStatus: number | null;
  /** The first characters of its answer (never more: docs/adr/0020). */
  responseExcerpt: string | null;
  error: string | null;
}
