import { connectionType } from '@reglament/shared/platform';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { WebhookDeliveryEntity, WebhookEntity } from '../../infra/entities';
import { DeliveryStatusEnum } from './delivery.types';

@ObjectType('Webhook', {
  description:
    "A partner system's endpoint for one organization's events, signed by the Standard Webhooks convention (the secret is never shown).",
})
export class Webhook {
  @Field(() => ID, { description: "The webhook's id." })
  id!: string;

  @Field(() => ID, { description: 'The organization whose events it gets (and only those).' })
  organizationId!: string;

  @Field(() => String, { description: 'Where deliveries are POSTed.' })
  url!: string;

  @Field(() => [String], { description: 'The catalog event types it gets, e.g. tickets.ticket.status_changed.' })
  events!: string[];

  @Field(() => String, { description: 'What it is for.', nullable: true })
  description!: string | null;

  @Field(() => Boolean, {
    description: 'An admin allowed a private or loopback address and http (never a partner).',
  })
  internal!: boolean;

  @Field(() => Boolean, {
    description: 'Whether events are delivered (false: disabled by hand, or after failing for days).',
  })
  enabled!: boolean;

  @Field(() => String, { description: 'Why it is disabled, when it is.', nullable: true })
  disabledReason!: string | null;

  @Field(() => Date, {
    description: 'Since when every delivery has failed (null when the last one succeeded).',
    nullable: true,
  })
  failingSince!: Date | null;

  @Field(() => Date, {
    description: 'Until when the secret rotated out last still signs beside the current one.',
    nullable: true,
  })
  previousSecretValidUntil!: Date | null;

  @Field(() => Date, { description: 'When it was registered (UTC).' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When it was last changed (UTC).' })
  updatedAt!: Date;
}

export function toWebhook(entity: WebhookEntity): Webhook {
  return {
    id: entity.id,
    organizationId: entity.organizationId,
    url: entity.url,
    events: entity.events,
    description: entity.description,
    internal: entity.internal,
    enabled: entity.enabled,
    disabledReason: entity.disabledReason,
    failingSince: entity.failingSince,
    previousSecretValidUntil: entity.previousSecretUntil,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  };
}

@ObjectType('WebhookAttempt', { description: 'One attempt to deliver an event to a webhook.' })
export class WebhookAttempt {
  @Field(() => Date, { description: 'When it was tried (UTC).' })
  at!: Date;

  @Field(() => DeliveryStatusEnum, { description: 'SENT, FAILED (tried again later) or DEAD (the last try).' })
  status!: string;

  @Field(() => Int, { description: "The receiver's HTTP status, when it answered.", nullable: true })
  responseStatus!: number | null;

  @Field(() => String, {
    description: "The first 256 characters of the receiver's answer (nothing more is kept).",
    nullable: true,
  })
  responseExcerpt!: string | null;

  @Field(() => String, { description: 'Why it failed, if it did.', nullable: true })
  error!: string | null;
}

@ObjectType('WebhookDelivery', {
  description: 'One event (or test ping) to one webhook: the body sent on every attempt, and the attempts.',
})
export class WebhookDelivery {
  @Field(() => ID, { description: "The delivery's id (redeliverWebhook takes it)." })
  id!: string;

  @Field(() => ID, { description: 'The webhook.' })
  webhookId!: string;

  @Field(() => ID, { description: "The event's id: the webhook-id header and the body's id (de-duplication)." })
  eventId!: string;

  @Field(() => String, { description: 'The event type, or webhook.ping for a test.' })
  eventType!: string;

  @Field(() => Int, {
    description: "The webhook's sequence number of the event (strictly increasing per webhook: apply in this order).",
  })
  sequence!: number;

  @Field(() => String, { description: 'The JSON body, as sent.' })
  payload!: string;

  @Field(() => DeliveryStatusEnum, {
    description: 'PENDING, SENT, FAILED (retried) or DEAD (retries over: redeliver).',
  })
  status!: string;

  @Field(() => Int, { description: 'How many times sending was tried.' })
  attempts!: number;

  @Field(() => [WebhookAttempt], { description: 'Every attempt, oldest first.' })
  attemptLog!: WebhookAttempt[];

  @Field(() => String, { description: 'Why the last attempt failed, if it did.', nullable: true })
  lastError!: string | null;

  @Field(() => Int, { description: "The receiver's last HTTP status, when it answered.", nullable: true })
  responseStatus!: number | null;

  @Field(() => Date, { description: 'When it will be tried next (UTC); null when sent or dead.', nullable: true })
  nextAttemptAt!: Date | null;

  @Field(() => Date, { description: 'When the delivery was created (UTC).' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When it was last tried (UTC).', nullable: true })
  lastAttemptAt!: Date | null;

  @Field(() => Date, { description: 'When the receiver accepted it (UTC).', nullable: true })
  sentAt!: Date | null;
}

export function toWebhookDelivery(entity: WebhookDeliveryEntity): WebhookDelivery {
  return {
    id: entity.id,
    webhookId: entity.webhookId,
    eventId: entity.eventId,
    eventType: entity.eventType,
    sequence: entity.sequence,
    payload: entity.payload,
    status: entity.status,
    attempts: entity.attempts,
    attemptLog: (entity.attemptLog ?? []).map((a) => ({ ...a, at: new Date(a.at) })),
    lastError: entity.lastError,
    responseStatus: entity.responseStatus,
    nextAttemptAt: entity.nextAttemptAt,
    createdAt: entity.createdAt,
    lastAttemptAt: entity.lastAttemptAt,
    sentAt: entity.sentAt,
  };
}

export const WebhookDeliveryConnection = connectionType(WebhookDelivery, 'WebhookDelivery');

@ObjectType('WebhookSecret', { description: 'A rotated secret: shown this once, never again.' })
export class WebhookSecret {
  @Field(() => Webhook, { description: 'The webhook.' })
  webhook!: Webhook;

  @Field(() => String, {
    description: 'The new whsec_ secret; the old one keeps signing beside it for 24 hours.',
  })
  secret!: string;
}

@InputType('RegisterWebhookInput', { description: 'A new webhook (ADMIN, or a partner key for its own organization).' })
export class RegisterWebhookInput {
  @Field(() => String, {
    description:
      'https URL, at most 2,048 characters, resolving to public addresses only (http and private addresses only for an internal webhook).',
  })
  url!: string;

  @Field(() => [String], {
    description: 'Catalog event types to get, e.g. tickets.ticket.status_changed, sla.timer.warning.',
  })
  events!: string[];

  @Field(() => String, {
    description: 'Standard Webhooks secret: whsec_ followed by the base64 of 24 to 64 random bytes.',
  })
  secret!: string;

  @Field(() => ID, {
    description: "The organization whose events it gets (an admin must give it; a partner key's own by default).",
    nullable: true,
  })
  organizationId?: string | null;

  @Field(() => String, { description: 'What it is for, at most 500 characters.', nullable: true })
  description?: string | null;

  @Field(() => Boolean, {
    description: 'ADMIN only: allows a loopback, private or link-local address and http (default false).',
    nullable: true,
  })
  internal?: boolean | null;
}

@InputType('UpdateWebhookInput', { description: 'Changes to a webhook; fields left out stay as they are.' })
export class UpdateWebhookInput {
  @Field(() => String, { description: 'A new URL (same rules as registerWebhook).', nullable: true })
  url?: string | null;

  @Field(() => [String], { description: 'The new list of event types.', nullable: true })
  events?: string[] | null;

  @Field(() => String, { description: 'A new description (null clears it).', nullable: true })
  description?: string | null;

  @Field(() => Boolean, { description: 'ADMIN only: internal or not.', nullable: true })
  internal?: boolean | null;

  @Field(() => Boolean, {
    description: 'false disables it; true enables it again (after it was disabled for failing).',
    nullable: true,
  })
  enabled?: boolean | null;
}
