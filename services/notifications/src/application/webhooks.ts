import { randomBytes } from 'node:crypto';
import {
  type AnyEventEnvelope,
  AppError,
  badInput,
  type Caller,
  ErrorCode,
  forbidden,
  isUuid,
  newId,
  notFound,
  requireUuid,
  unauthenticated,
} from '@reglament/shared/domain';
import {
  type Clock,
  type Connection,
  decodeCursor,
  encodeCursor,
  pageSize,
  toConnection,
  type Tx,
} from '@reglament/shared/platform';
import type { DataSource, EntityManager } from 'typeorm';
import {
  parseDescription,
  parseSecret,
  parseWebhookEvents,
  parseWebhookUrl,
  PING_TYPE,
  PREVIOUS_SECRET_GRACE_MS,
  WEBHOOK_LIMITS,
  webhookBody,
  webhookMayCarry,
} from '../domain/webhooks';
import { WebhookDeliveryEntity, WebhookEntity } from '../infra/entities';
import { requirePublicUrl, type Resolver, systemResolver } from './webhook-http';

export interface WebhookInput {
  url: string;
  events: string[];
  secret: string;
  organizationId?: string | null;
  description?: string | null;
  internal?: boolean | null;
}

export interface WebhookChanges {
  url?: string | null;
  events?: string[] | null;
  description?: string | null;
  internal?: boolean | null;
  enabled?: boolean | null;
}

export interface WebhookSettings {
  /** Webhooks one organization may have. */
  maxPerOrganization: number;
}

/** Who may manage which webhooks: an admin any, a partner key bound to an organization its own. */
type Scope = { admin: true; by: string } | { admin: false; organizationId: string; by: string };

/** What the sender does with a ping now (testWebhook): attempt it once. */
export type PingSender = (deliveryId: string) => Promise<void>;

/**
 * Partner webhooks (issue 17): registration and management (ADMIN, or a partner key bound to an
 * organization for its own), and the fan-out of events to the webhooks of their organization,
 * in the inbox transaction of the event (the delivery rows are this service's outbox).
 */
export class Webhooks {
  /** Set by the composition root: the sender's immediate attempt of a ping. */
  sendPing: PingSender = async () => undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly settings: WebhookSettings,
    private readonly resolve: Resolver = systemResolver,
  ) {}

  /**
   * An event's deliveries, in its inbox transaction: one row per enabled webhook of the event's
   * organization subscribed to its type, with the webhook's next sequence number. A redelivered
   * event adds nothing (the inbox, and the unique (webhook, event) key).
   */
  readonly fanOut = async (event: AnyEventEnvelope, tx: Tx): Promise<void> => {
    if (!webhookMayCarry(event)) return;
    // Rows locked in id order (consumers of two domains never deadlock on them); a CTE, so the
    // driver answers rows (a bare UPDATE ... RETURNING comes back as [rows, count]).
    const rows = (await tx.manager.query(
      `WITH locked AS (SELECT id FROM webhooks WHERE organization_id = $1 AND enabled AND $2 = ANY(events)
         ORDER BY id FOR UPDATE),
       taken AS (UPDATE webhooks w SET last_sequence = w.last_sequence + 1 FROM locked
         WHERE w.id = locked.id RETURNING w.id, w.last_sequence)
       SELECT id, last_sequence FROM taken`,
      [event.organizationId, event.type],
    )) as { id: string; last_sequence: number }[];
    if (rows.length === 0) return;
    const now = this.clock.now();
    await tx.manager
      .createQueryBuilder()
      .insert()
      .into(WebhookDeliveryEntity)
      .values(
        rows.map((hook) => ({
          id: newId(),
          webhookId: hook.id,
          organizationId: event.organizationId!,
          eventId: event.id,
          eventType: event.type,
          sequence: hook.last_sequence,
          payload: webhookBody({ ...event, sequence: hook.last_sequence }),
          status: 'PENDING',
          attempts: 0,
          attemptLog: [],
          lastError: null,
          responseStatus: null,
          nextAttemptAt: now,
          windowStartedAt: now,
          createdAt: now,
          lastAttemptAt: null,
          sentAt: null,
        })),
      )
      .orIgnore()
      .execute();
  };

  async register(caller: Caller, input: WebhookInput): Promise<WebhookEntity> {
    const scope = scopeOf(caller, 'register a webhook');
    const organizationId = this.organizationFor(scope, input.organizationId);
    const internal = input.internal ?? false;
    if (internal && !scope.admin) throw forbidden('Only an ADMIN may mark a webhook internal');
    const url = parseWebhookUrl(input.url, scope.admin);
    const events = parseWebhookEvents(input.events);
    parseSecret(input.secret);
    const description = parseDescription(input.description);
    if (!internal) await requirePublicUrl(url, this.resolve);
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      // One registration at a time per organization: the count below holds.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('webhooks:' || $1))`, [organizationId]);
      const count = await manager.countBy(WebhookEntity, { organizationId });
      if (count >= this.settings.maxPerOrganization) {
        throw badInput(
          `An organization may have at most ${this.settings.maxPerOrganization} webhooks: delete one (deleteWebhook) first`,
          { field: 'organizationId', max: this.settings.maxPerOrganization },
        );
      }
      const webhook = manager.create(WebhookEntity, {
        id: newId(),
        organizationId,
        url: url.toString(),
        events,
        description,
        secret: input.secret,
        previousSecret: null,
        previousSecretUntil: null,
        internal,
        enabled: true,
        disabledReason: null,
        failingSince: null,
        lastSequence: 0,
        manualSends: 0,
        manualWindowStart: null,
        createdBy: scope.by,
        createdAt: now,
        updatedAt: now,
      });
      await manager.insert(WebhookEntity, webhook);
      return webhook;
    });
  }

  async update(caller: Caller, id: string, changes: WebhookChanges): Promise<WebhookEntity> {
    const scope = scopeOf(caller, 'change a webhook');
    const webhook = await this.find(scope, id);
    if (changes.internal !== undefined && changes.internal !== null && changes.internal !== webhook.internal) {
      if (!scope.admin) throw forbidden('Only an ADMIN may mark a webhook internal or not');
      webhook.internal = changes.internal;
    }
    if (changes.url !== undefined && changes.url !== null) {
      // An internal webhook skips the address rules: only an admin may point it elsewhere.
      if (webhook.internal && !scope.admin) throw forbidden('Only an ADMIN may change the URL of an internal webhook');
      webhook.url = parseWebhookUrl(changes.url, scope.admin).toString();
    }
    const url = new URL(webhook.url);
    if (url.protocol === 'http:' && !webhook.internal && !scope.admin) {
      throw badInput('url must be an https:// URL (http only for an internal webhook an admin registers)', {
        field: 'url',
      });
    }
    if (!webhook.internal) await requirePublicUrl(url, this.resolve);
    if (changes.events !== undefined && changes.events !== null) webhook.events = parseWebhookEvents(changes.events);
    if (changes.description !== undefined) webhook.description = parseDescription(changes.description);
    if (changes.enabled === true && !webhook.enabled) {
      webhook.enabled = true;
      webhook.disabledReason = null;
      webhook.failingSince = null;
    } else if (changes.enabled === false && webhook.enabled) {
      webhook.enabled = false;
      webhook.disabledReason = 'disabled by hand';
    }
    webhook.updatedAt = this.clock.now();
    await this.dataSource.getRepository(WebhookEntity).save(webhook);
    return webhook;
  }

  /** Deletes a webhook and its delivery log. */
  async delete(caller: Caller, id: string): Promise<boolean> {
    const scope = scopeOf(caller, 'delete a webhook');
    const webhook = await this.find(scope, id);
    await this.dataSource.transaction(async (manager) => {
      await manager.delete(WebhookDeliveryEntity, { webhookId: webhook.id });
      await manager.delete(WebhookEntity, { id: webhook.id });
    });
    return true;
  }

  /** The webhooks the caller may see: a partner its organization's; an admin any organization's (or all). */
  async list(caller: Caller, organizationId: string | null | undefined): Promise<WebhookEntity[]> {
    const scope = scopeOf(caller, 'list webhooks');
    const query = this.dataSource.getRepository(WebhookEntity).createQueryBuilder('w');
    if (!scope.admin) {
      if (organizationId && organizationId.toLowerCase() !== scope.organizationId) return [];
      query.where('w.organization_id = :org', { org: scope.organizationId });
    } else if (organizationId) {
      query.where('w.organization_id = :org', { org: requireUuid(organizationId, 'organizationId') });
    }
    return query.orderBy('w.id', 'ASC').take(500).getMany();
  }

  /**
   * A new secret (given, or made: 32 random bytes) signs from now on; the old one signs beside
   * it for 24 hours, so the receiver can switch without losing a delivery. The new secret is
   * returned once.
   */
  async rotateSecret(
    caller: Caller,
    id: string,
    secret: string | null | undefined,
  ): Promise<{ webhook: WebhookEntity; secret: string }> {
    const scope = scopeOf(caller, 'rotate a webhook secret');
    const webhook = await this.find(scope, id);
    const next = secret ?? `whsec_${randomBytes(32).toString('base64')}`;
    parseSecret(next);
    if (next === webhook.secret) throw badInput('secret must differ from the current one', { field: 'secret' });
    const now = this.clock.now();
    webhook.previousSecret = webhook.secret;
    webhook.previousSecretUntil = new Date(now.getTime() + PREVIOUS_SECRET_GRACE_MS);
    webhook.secret = next;
    webhook.updatedAt = now;
    await this.dataSource.getRepository(WebhookEntity).save(webhook);
    return { webhook, secret: next };
  }

  /** Sends a ping now (once: a ping is not retried) and returns its delivery with the outcome. */
  async test(caller: Caller, id: string): Promise<WebhookDeliveryEntity> {
    const scope = scopeOf(caller, 'test a webhook');
    const webhook = await this.find(scope, id);
    if (!webhook.enabled) throw badInput('The webhook is disabled: enable it first (updateWebhook)', { field: 'id' });
    const now = this.clock.now();
    const pingId = newId();
    const delivery = await this.dataSource.transaction(async (manager) => {
      await this.countManualSend(manager, webhook.id, now);
      const row = manager.create(WebhookDeliveryEntity, {
        id: newId(),
        webhookId: webhook.id,
        organizationId: webhook.organizationId,
        eventId: pingId,
        eventType: PING_TYPE,
        sequence: 0,
        payload: webhookBody({
          id: pingId,
          type: PING_TYPE,
          occurredAt: now.toISOString(),
          organizationId: webhook.organizationId,
          sequence: 0,
          data: { webhookId: webhook.id },
        }),
        status: 'PENDING',
        attempts: 0,
        attemptLog: [],
        lastError: null,
        responseStatus: null,
        // Not claimed by the sender's rounds: sent right below.
        nextAttemptAt: null,
        windowStartedAt: now,
        createdAt: now,
        lastAttemptAt: null,
        sentAt: null,
      });
      await manager.insert(WebhookDeliveryEntity, row);
      return row;
    });
    await this.sendPing(delivery.id);
    return this.dataSource.getRepository(WebhookDeliveryEntity).findOneByOrFail({ id: delivery.id });
  }

  /** A webhook's delivery log, newest first. */
  async deliveries(
    caller: Caller,
    webhookId: string,
    options: { first?: number | null; after?: string | null; status?: string | null },
  ): Promise<Connection<WebhookDeliveryEntity>> {
    const scope = scopeOf(caller, 'read webhook deliveries');
    const webhook = await this.find(scope, webhookId);
    const limit = pageSize(options.first);
    const after = decodeCursor(options.after, (k): k is { id: string } => isUuid((k as { id?: string })?.id ?? ''));
    const query = this.dataSource
      .getRepository(WebhookDeliveryEntity)
      .createQueryBuilder('d')
      .where('d.webhook_id = :id', { id: webhook.id });
    if (options.status) query.andWhere('d.status = :status', { status: options.status });
    const totalCount = await query.getCount();
    if (after) query.andWhere('d.id < :after', { after: after.id });
    const rows = await query
      .orderBy('d.id', 'DESC')
      .take(limit + 1)
      .getMany();
    return toConnection(rows, limit, totalCount, (row) => encodeCursor({ id: row.id }), Boolean(after));
  }

  /**
   * Sends a delivery again (any status; a DEAD one gets a new 24 h window): it is PENDING and
   * due now. The webhook must be enabled.
   */
  async redeliver(caller: Caller, deliveryId: string): Promise<WebhookDeliveryEntity> {
    const scope = scopeOf(caller, 'redeliver a webhook event');
    requireUuid(deliveryId, 'deliveryId');
    const repo = this.dataSource.getRepository(WebhookDeliveryEntity);
    const delivery = await repo.findOneBy({ id: deliveryId.toLowerCase() });
    if (!delivery || (!scope.admin && delivery.organizationId !== scope.organizationId)) {
      throw notFound('Webhook delivery', deliveryId);
    }
    const webhook = await this.find(scope, delivery.webhookId);
    if (!webhook.enabled) {
      throw badInput('The webhook is disabled: enable it (updateWebhook enabled: true), then redeliver', {
        field: 'deliveryId',
      });
    }
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      await this.countManualSend(manager, webhook.id, now);
      await manager.update(
        WebhookDeliveryEntity,
        { id: delivery.id },
        { status: 'PENDING', nextAttemptAt: now, windowStartedAt: now },
      );
    });
    return repo.findOneByOrFail({ id: delivery.id });
  }

  /** testWebhook and redeliverWebhook together: at most 10 per webhook and minute (RATE_LIMITED). */
  private async countManualSend(manager: EntityManager, webhookId: string, now: Date): Promise<void> {
    const rows = (await manager.query(
      `WITH counted AS (UPDATE webhooks SET
         manual_sends = CASE WHEN manual_window_start > $2 THEN manual_sends + 1 ELSE 1 END,
         manual_window_start = CASE WHEN manual_window_start > $2 THEN manual_window_start ELSE $3 END
       WHERE id = $1 RETURNING manual_sends)
       SELECT manual_sends FROM counted`,
      [webhookId, new Date(now.getTime() - 60_000), now],
    )) as { manual_sends: number }[];
    if ((rows[0]?.manual_sends ?? 0) > WEBHOOK_LIMITS.manualSendsPerMinute) {
      throw new AppError(
        ErrorCode.RATE_LIMITED,
        `At most ${WEBHOOK_LIMITS.manualSendsPerMinute} test pings and redeliveries per webhook and minute: try again in a minute`,
        { limit: WEBHOOK_LIMITS.manualSendsPerMinute },
      );
    }
  }

  private organizationFor(scope: Scope, given: string | null | undefined): string {
    if (scope.admin) {
      if (!given) {
        throw badInput('organizationId is required: a webhook gets the events of one organization', {
          field: 'organizationId',
        });
      }
      return requireUuid(given, 'organizationId');
    }
    if (given && requireUuid(given, 'organizationId') !== scope.organizationId) {
      throw forbidden('A partner key registers webhooks for its own organization only (leave organizationId out)');
    }
    return scope.organizationId;
  }

  /** A webhook in the caller's scope; another organization's is "not found", as everywhere. */
  private async find(scope: Scope, id: string): Promise<WebhookEntity> {
    requireUuid(id, 'id');
    const webhook = await this.dataSource.getRepository(WebhookEntity).findOneBy({ id: id.toLowerCase() });
    if (!webhook || (!scope.admin && webhook.organizationId !== scope.organizationId)) {
      throw notFound('Webhook', id);
    }
    return webhook;
  }
}

function scopeOf(caller: Caller, action: string): Scope {
  if (caller.kind === 'anonymous') throw unauthenticated(`Authentication required to ${action}: send a valid token`);
  if (caller.kind === 'system') return { admin: true, by: `SYSTEM:${caller.name}` };
  if (caller.role === 'ADMIN') return { admin: true, by: `ADMIN:${caller.id}` };
  if (caller.role === 'PARTNER') {
    if (!caller.organizationId) {
      throw forbidden(`A global partner key may not ${action}: use a key bound to the organization`);
    }
    return { admin: false, organizationId: caller.organizationId.toLowerCase(), by: `PARTNER:${caller.id}` };
  }
  throw forbidden(`A ${caller.role} may not ${action}; allowed: ADMIN, or a partner key bound to the organization`);
}
