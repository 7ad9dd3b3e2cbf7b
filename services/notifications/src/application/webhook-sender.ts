import { makeEvent } from '@reglament/shared/domain';
import type { Clock, Logger, Transactions } from '@reglament/shared/platform';
import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import { afterFailure, shouldDisable, signatureOf } from '../domain/webhooks';
import { type WebhookAttemptRecord, WebhookDeliveryEntity, WebhookEntity } from '../infra/entities';
import type { NotificationRecorder } from './recorder';
import { postWebhook, type Resolver, systemResolver } from './webhook-http';

export interface WebhookSenderSettings {
  /** The first wait after a failure; it doubles per attempt (WEBHOOK_RETRY_BASE_MS). */
  retryBaseMs: number;
  /** One attempt's limit (10 s). */
  timeoutMs: number;
  /** A webhook every attempt of which has failed this long is disabled (WEBHOOK_DISABLE_AFTER_HOURS). */
  disableAfterMs: number;
}

/** A claimed delivery is this sender's for this long (longer than an attempt); then it comes back. */
const LEASE_MS = 5 * 60_000;
/** Attempts in flight at once in one sender, and to one webhook: a slow receiver holds back only its own. */
const MAX_IN_FLIGHT = 32;
const MAX_IN_FLIGHT_PER_WEBHOOK = 4;

/**
 * Sends webhook deliveries: claims due rows (FOR UPDATE SKIP LOCKED and a lease, so replicas
 * never send one at the same time), POSTs each with its Standard Webhooks signature and
 * records the attempt: SENT, FAILED with the next try (exponential backoff with jitter), or
 * DEAD when the 24 h window is over. A webhook failing for `disableAfterMs` is disabled, its
 * waiting deliveries DEAD, and its organization's contacts and the admins are told
 * (`notifications.webhook.disabled`, WEBHOOK_DISABLED) in the same transaction.
 */
export class WebhookSender {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private unwatchClock: (() => void) | null = null;
  /** Attempts under way: delivery id -> its webhook. */
  private readonly inFlight = new Map<string, string>();
  private readonly attempts = new Set<Promise<void>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly recorder: NotificationRecorder,
    private readonly settings: WebhookSenderSettings,
    private readonly log: Logger,
    private readonly resolve: Resolver = systemResolver,
    private readonly random: () => number = Math.random,
  ) {}

  start(intervalMs = 500): void {
    this.timer = setInterval(() => void this.wake(), intervalMs);
    this.timer.unref();
    // A test clock that moves makes retries due at once.
    this.unwatchClock = this.clock.onChange(() => void this.wake());
  }

  /** Runs the sender now (or once more right after the run in progress). */
  wake(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          while ((await this.sendDue()) > 0 && !this.stopped);
        } while (this.again && !this.stopped);
      } catch (error) {
        this.log.error({ err: error }, 'webhook sender run failed; the next run retries');
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.unwatchClock?.();
    await this.running;
    await Promise.all([...this.attempts]);
  }

  /**
   * Claims due deliveries of enabled webhooks while there is room (at most MAX_IN_FLIGHT, and
   * MAX_IN_FLIGHT_PER_WEBHOOK per webhook, oldest due first) and starts them; each finished
   * attempt makes room and wakes the sender. Returns how many were claimed.
   */
  async sendDue(): Promise<number> {
    const room = MAX_IN_FLIGHT - this.inFlight.size;
    if (room <= 0) return 0;
    const busy = new Map<string, number>();
    for (const webhookId of this.inFlight.values()) busy.set(webhookId, (busy.get(webhookId) ?? 0) + 1);
    const now = this.clock.now();
    const claimed = await this.dataSource.transaction(async (manager) => {
      // Candidates, at most the room left per webhook (a window function cannot lock rows: then lock them).
      const candidates = (await manager.query(
        `SELECT id FROM (
           SELECT d.id, d.next_attempt_at, row_number() OVER (PARTITION BY d.webhook_id ORDER BY d.next_attempt_at) AS n,
                  COALESCE(f.busy, 0) AS busy
           FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
           LEFT JOIN unnest($2::uuid[], $3::int[]) AS f(webhook_id, busy) ON f.webhook_id = d.webhook_id
           WHERE d.status IN ('PENDING', 'FAILED') AND d.next_attempt_at <= $1 AND w.enabled) c
         WHERE n + busy <= ${MAX_IN_FLIGHT_PER_WEBHOOK}
         ORDER BY next_attempt_at LIMIT ${room}`,
        [now, [...busy.keys()], [...busy.values()]],
      )) as { id: string }[];
      if (candidates.length === 0) return [];
      const due = (await manager.query(
        `SELECT id FROM webhook_deliveries WHERE id = ANY($1::uuid[]) AND status IN ('PENDING', 'FAILED')
           AND next_attempt_at <= $2 FOR UPDATE SKIP LOCKED`,
        [candidates.map((c) => c.id), now],
      )) as { id: string }[];
      if (due.length === 0) return [];
      const ids = due.map((d) => d.id);
      await manager.update(
        WebhookDeliveryEntity,
        { id: In(ids) },
        { nextAttemptAt: new Date(now.getTime() + LEASE_MS) },
      );
      return manager.findBy(WebhookDeliveryEntity, { id: In(ids) });
    });
    for (const delivery of claimed) {
      this.inFlight.set(delivery.id, delivery.webhookId);
      const attempt = this.attempt(delivery)
        .catch((error: unknown) =>
          this.log.error(
            { err: error, deliveryId: delivery.id },
            'webhook attempt failed to record; the lease brings it back',
          ),
        )
        .finally(() => {
          this.inFlight.delete(delivery.id);
          this.attempts.delete(attempt);
          void this.wake();
        });
      this.attempts.add(attempt);
    }
    return claimed.length;
  }

  /** testWebhook: the ping, once, now; a failed ping is DEAD at once (not retried). */
  readonly sendPing = async (deliveryId: string): Promise<void> => {
    const delivery = await this.dataSource.getRepository(WebhookDeliveryEntity).findOneByOrFail({ id: deliveryId });
    await this.attempt(delivery, { once: true });
  };

  private async attempt(delivery: WebhookDeliveryEntity, options: { once?: boolean } = {}): Promise<void> {
    const webhook = await this.dataSource.getRepository(WebhookEntity).findOneBy({ id: delivery.webhookId });
    if (!webhook || !webhook.enabled) return; // deleted or disabled meanwhile: its rows wait (or are gone)
    const at = this.clock.now();
    const secrets = [
      webhook.secret,
      ...(webhook.previousSecret && webhook.previousSecretUntil && webhook.previousSecretUntil > at
        ? [webhook.previousSecret]
        : []),
    ];
    // Standard Webhooks: the timestamp is the receiver's replay guard, so it is real time (not the test clock).
    const timestamp = Math.floor(Date.now() / 1000);
    const outcome = await postWebhook(
      {
        url: webhook.url,
        body: delivery.payload,
        internal: webhook.internal,
        timeoutMs: this.settings.timeoutMs,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Reglament-Webhooks/1',
          'webhook-id': delivery.eventId,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signatureOf(secrets, delivery.eventId, timestamp, delivery.payload),
        },
      },
      this.resolve,
    );
    const attempts = delivery.attempts + 1;
    const log = (status: WebhookAttemptRecord['status']): WebhookAttemptRecord[] => [
      ...(delivery.attemptLog ?? []),
      {
        at: at.toISOString(),
        status,
        responseStatus: outcome.status,
        responseExcerpt: outcome.excerpt,
        error: outcome.ok ? null : outcome.error,
      },
    ];
    if (outcome.ok) {
      await this.dataSource.transaction(async (manager) => {
        await manager.update(
          WebhookDeliveryEntity,
          { id: delivery.id },
          {
            status: 'SENT',
            attempts,
            attemptLog: log('SENT'),
            lastAttemptAt: at,
            sentAt: at,
            nextAttemptAt: null,
            lastError: null,
            responseStatus: outcome.status,
          },
        );
        await manager.update(WebhookEntity, { id: webhook.id }, { failingSince: null });
      });
      return;
    }
    const next = options.once
      ? ({ dead: true } as const)
      : afterFailure({
          attempts,
          at,
          windowStartedAt: delivery.windowStartedAt,
          baseMs: this.settings.retryBaseMs,
          random: this.random(),
        });
    this.log.warn(
      { webhookId: webhook.id, deliveryId: delivery.id, attempts, dead: next.dead, err: outcome.error },
      'webhook delivery failed',
    );
    await this.transactions.run(async (tx) => {
      await tx.manager.update(
        WebhookDeliveryEntity,
        { id: delivery.id },
        {
          status: next.dead ? 'DEAD' : 'FAILED',
          attempts,
          attemptLog: log(next.dead ? 'DEAD' : 'FAILED'),
          lastAttemptAt: at,
          lastError: outcome.error,
          responseStatus: outcome.status,
          nextAttemptAt: next.dead ? null : next.nextAt,
        },
      );
      if (options.once) return; // a ping says nothing about the webhook's health
      // Failing since the first failure after the last success.
      const rows = (await tx.manager.query(
        `WITH marked AS (UPDATE webhooks SET failing_since = COALESCE(failing_since, $2)
           WHERE id = $1 AND enabled RETURNING failing_since)
         SELECT failing_since FROM marked`,
        [webhook.id, at],
      )) as { failing_since: Date }[];
      const failingSince = rows[0]?.failing_since ?? null;
      if (!shouldDisable(failingSince, at, this.settings.disableAfterMs)) return;
      const reason = `every delivery failed since ${failingSince!.toISOString()} (last error: ${outcome.error})`;
      await tx.manager.update(
        WebhookEntity,
        { id: webhook.id },
        { enabled: false, disabledReason: reason, updatedAt: at },
      );
      await tx.manager
        .createQueryBuilder()
        .update(WebhookDeliveryEntity)
        .set({ status: 'DEAD', nextAttemptAt: null, lastError: 'the webhook was disabled' })
        .where("webhook_id = :id AND status IN ('PENDING', 'FAILED')", { id: webhook.id })
        .execute();
      const event = makeEvent(
        'notifications.webhook.disabled',
        webhook.organizationId,
        {
          webhookId: webhook.id,
          organizationId: webhook.organizationId,
          url: webhook.url,
          failingSince: failingSince!.toISOString(),
          lastError: outcome.error,
        },
        { source: 'notifications', occurredAt: at },
      );
      tx.emit(event);
      // Its owner is told: the organization's contacts and the admins (in the portal and by e-mail).
      await this.recorder.record(event, tx);
      this.log.warn({ webhookId: webhook.id, failingSince }, 'webhook disabled after failing for days');
    });
  }
}
