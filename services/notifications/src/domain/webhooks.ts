import { createHmac } from 'node:crypto';
import { type AnyEventEnvelope, badInput, type EventType } from '@reglament/shared/domain';
import ipaddr from 'ipaddr.js';

/**
 * Partner webhooks (issue 17), the pure part: which events a webhook may subscribe to, what a
 * registration may say (limits), which addresses a delivery may reach (SSRF), the Standard
 * Webhooks signature, and when a failed delivery is tried again, given up (DEAD) or its
 * webhook disabled. docs/adr/0020-webhooks-in-notifications.md says why.
 */

/**
 * The catalog's events a webhook may subscribe to: what a customer organization may know about
 * its own tickets, clocks and contracts. People, credentials, time logs and e-mail internals are
 * not offered; internal messages and files are never sent (see `webhookMayCarry`).
 */
export const WEBHOOK_EVENTS: readonly EventType[] = [
  'tickets.ticket.registered',
  'tickets.ticket.status_changed',
  'tickets.ticket.closed',
  'tickets.ticket.classified',
  'tickets.ticket.priority_changed',
  'tickets.ticket.assigned',
  'tickets.ticket.planned_date_changed',
  'tickets.ticket.planned_date_proposed',
  'tickets.ticket.planned_date_agreed',
  'tickets.ticket.planned_date_objected',
  'tickets.ticket.category_changed',
  'tickets.ticket.marked_as_failure',
  'tickets.ticket.message_added',
  'tickets.ticket.on_site_requested',
  'tickets.ticket.on_site_arrived',
  'tickets.ticket.attachment_added',
  'sla.timer.started',
  'sla.timer.paused',
  'sla.timer.resumed',
  'sla.timer.deadline_changed',
  'sla.timer.warning',
  'sla.timer.breached',
  'sla.timer.met',
  'sla.timer.cancelled',
  'sla.failure_report.submitted',
  'contracts.contract.created',
  'contracts.contract.updated',
  'contracts.contract.status_changed',
  'contracts.hour_package.added',
  'contracts.prepaid.exhausted',
  'contracts.prepaid.replenished',
  'contracts.customization.cap_nearing',
];

/** The type of the ping `testWebhook` sends (not a catalog event; nobody subscribes to it). */
export const PING_TYPE = 'webhook.ping';

export const WEBHOOK_LIMITS = {
  urlMaxLength: 2048,
  descriptionMaxLength: 500,
  eventsMax: WEBHOOK_EVENTS.length,
  /** Standard Webhooks: a secret of 24 to 64 random bytes, base64, `whsec_` in front. */
  secretMinBytes: 24,
  secretMaxBytes: 64,
  /** testWebhook and redeliverWebhook together, per webhook and minute. */
  manualSendsPerMinute: 10,
  /** The receiver's answer kept in the delivery log: this many characters at most. */
  responseExcerptChars: 256,
  /** A receiver's answer read at most this far (the rest is not downloaded). */
  responseReadBytes: 4096,
} as const;

/** Retries stop after this long: the delivery is DEAD (redeliverWebhook sends it again). */
export const RETRY_WINDOW_MS = 24 * 3600_000;
/** The longest wait between two attempts. */
export const MAX_RETRY_DELAY_MS = 2 * 3600_000;
/** A rotated-out secret still signs (beside the new one) this long, so receivers can switch. */
export const PREVIOUS_SECRET_GRACE_MS = 24 * 3600_000;

/** Whether a webhook may subscribe to this event type. */
export function isWebhookEvent(type: string): type is EventType {
  return (WEBHOOK_EVENTS as readonly string[]).includes(type);
}

/**
 * Whether an event goes to webhooks of its organization at all: catalog events of a webhook's
 * list with an organization, and never an internal message or file (provider staff only).
 */
export function webhookMayCarry(event: AnyEventEnvelope): boolean {
  if (!isWebhookEvent(event.type) || !event.organizationId) return false;
  const data = event.data as { internal?: unknown };
  return data.internal !== true;
}

/** The events of a registration: 1 or more distinct names of WEBHOOK_EVENTS. */
export function parseWebhookEvents(events: readonly string[]): EventType[] {
  const unique = [...new Set(events.map((e) => e.trim()))];
  if (unique.length === 0) {
    throw badInput('events must name at least one event, e.g. "tickets.ticket.status_changed"', {
      field: 'events',
      allowed: WEBHOOK_EVENTS,
    });
  }
  if (unique.length > WEBHOOK_LIMITS.eventsMax) {
    throw badInput(`events may name at most ${WEBHOOK_LIMITS.eventsMax} events`, { field: 'events' });
  }
  const unknown = unique.filter((e) => !isWebhookEvent(e));
  if (unknown.length > 0) {
    throw badInput(
      `events ${unknown
        .slice(0, 5)
        .map((e) => `"${e.slice(0, 80)}"`)
        .join(', ')} cannot be subscribed to; allowed: ${WEBHOOK_EVENTS.join(', ')}`,
      { field: 'events', allowed: WEBHOOK_EVENTS },
    );
  }
  return unique as EventType[];
}

/** A webhook's optional description: at most 500 characters. */
export function parseDescription(description: string | null | undefined): string | null {
  const text = description?.trim() ?? '';
  if (text.length > WEBHOOK_LIMITS.descriptionMaxLength) {
    throw badInput(`description must be at most ${WEBHOOK_LIMITS.descriptionMaxLength} characters`, {
      field: 'description',
    });
  }
  return text || null;
}

/**
 * A webhook URL: https (http only when `allowHttp`: an admin's), at most 2,048 characters, no
 * user name or password in it, no fragment. Where it points is checked apart (addresses).
 */
export function parseWebhookUrl(raw: string, allowHttp: boolean): URL {
  if (raw.length > WEBHOOK_LIMITS.urlMaxLength) {
    throw badInput(`url must be at most ${WEBHOOK_LIMITS.urlMaxLength} characters`, { field: 'url' });
  }
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw badInput('url must be an absolute URL, e.g. https://hooks.partner.example/reglament', { field: 'url' });
  }
  if (url.protocol !== 'https:' && !(allowHttp && url.protocol === 'http:')) {
    throw badInput(
      allowHttp
        ? 'url must be an https:// or http:// URL'
        : 'url must be an https:// URL (http only for an internal webhook an admin registers)',
      { field: 'url' },
    );
  }
  if (url.username || url.password) {
    throw badInput('url must not carry a user name or password: the signature authenticates each delivery', {
      field: 'url',
    });
  }
  if (url.hash) throw badInput('url must not have a #fragment', { field: 'url' });
  if (!url.hostname) throw badInput('url must name a host', { field: 'url' });
  return url;
}

/** The URL's host when it is an IP address literal (brackets of IPv6 removed), else null. */
export function ipLiteralOf(url: URL): string | null {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return ipaddr.isValid(host) ? host : null;
}

/**
 * Whether a delivery may reach this address without `internal`: only public unicast addresses.
 * Loopback, private, link-local (with the 169.254.169.254 metadata service), unique-local,
 * carrier-grade NAT (100.100.100.200 metadata), reserved, multicast and IPv4 inside IPv6
 * (mapped, 6to4, Teredo, NAT64) are refused.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'unicast';
}

/** Why an address is refused, for the message (e.g. "loopback", "private"). */
export function addressRange(address: string): string {
  return ipaddr.isValid(address) ? ipaddr.process(address).range() : 'not an IP address';
}

/**
 * A Standard Webhooks secret, `whsec_<base64>` of 24 to 64 bytes: its key bytes.
 * (standardwebhooks.com: the receiver verifies with the same string.)
 */
export function parseSecret(secret: string): Buffer {
  const fail = () =>
    badInput(
      `secret must be "whsec_" followed by the base64 of ${WEBHOOK_LIMITS.secretMinBytes} to ${WEBHOOK_LIMITS.secretMaxBytes} random bytes (Standard Webhooks), e.g. whsec_ + 32 random bytes in base64`,
      { field: 'secret' },
    );
  if (secret.length > 200 || !secret.startsWith('whsec_')) throw fail();
  const encoded = secret.slice('whsec_'.length);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded) || encoded.length % 4 !== 0) throw fail();
  const key = Buffer.from(encoded, 'base64');
  if (key.length < WEBHOOK_LIMITS.secretMinBytes || key.length > WEBHOOK_LIMITS.secretMaxBytes) throw fail();
  return key;
}

/**
 * The `webhook-signature` header: `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` for each
 * secret, space-separated (the new one first while a rotated-out one is still honoured).
 */
export function signatureOf(secrets: readonly string[], id: string, timestampSeconds: number, body: string): string {
  return secrets
    .map((secret) => {
      const mac = createHmac('sha256', parseSecret(secret))
        .update(`${id}.${timestampSeconds}.${body}`)
        .digest('base64');
      return `v1,${mac}`;
    })
    .join(' ');
}

/**
 * The JSON body of a delivery: the event id (de-duplication: it is also `webhook-id`), its type,
 * when it happened, the webhook's own `sequence` (strictly increasing per webhook in the order
 * the events were taken: the order to apply them in) and the event's data.
 */
export function webhookBody(event: {
  id: string;
  type: string;
  occurredAt: string;
  organizationId: string | null;
  data: unknown;
  sequence: number;
}): string {
  return JSON.stringify({
    id: event.id,
    type: event.type,
    timestamp: event.occurredAt,
    organizationId: event.organizationId,
    sequence: event.sequence,
    data: event.data,
  });
}

/**
 * The wait after the n-th failed attempt: exponential (base, 2 base, 4 base ...) up to two
 * hours, with "equal jitter" (half fixed, half random) so receivers coming back are not hit
 * by every sender at once. `random` is in [0, 1).
 */
export function retryDelayMs(attempts: number, baseMs: number, random: number): number {
  const exponential = Math.min(baseMs * 2 ** Math.max(0, Math.min(attempts - 1, 40)), MAX_RETRY_DELAY_MS);
  return Math.round(exponential / 2 + (exponential / 2) * random);
}

/** After a failed attempt at `at`: tried again at `nextAt`, or DEAD when that is past the 24 h window. */
export function afterFailure(options: {
  attempts: number;
  at: Date;
  windowStartedAt: Date;
  baseMs: number;
  random: number;
}): { dead: true } | { dead: false; nextAt: Date } {
  const nextAt = new Date(options.at.getTime() + retryDelayMs(options.attempts, options.baseMs, options.random));
  if (nextAt.getTime() > options.windowStartedAt.getTime() + RETRY_WINDOW_MS) return { dead: true };
  return { dead: false, nextAt };
}

/** A webhook every attempt of which has failed since `failingSince` is disabled after `disableAfterMs`. */
export function shouldDisable(failingSince: Date | null, at: Date, disableAfterMs: number): boolean {
  return failingSince !== null && at.getTime() - failingSince.getTime() >= disableAfterMs;
}
