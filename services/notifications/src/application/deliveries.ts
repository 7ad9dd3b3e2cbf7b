import { badInput, type Caller, isUuid, newId, requireRole, requireUuid } from '@reglament/shared/domain';
import {
  type Clock,
  type Connection,
  decodeCursor,
  encodeCursor,
  type Logger,
  pageSize,
  toConnection,
  type Tx,
} from '@reglament/shared/platform';
import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import { LEGALLY_REQUIRED_KINDS } from '../domain/kinds';
import { DeliveryEntity } from '../infra/entities';
import type { MailComposer, MailTransport } from './mail';
import type { RecordedNotification } from './recorder';

export const DELIVERY_STATUSES = ['PENDING', 'SENT', 'FAILED', 'DEAD'] as const;
export const DELIVERY_CHANNELS = ['IN_APP', 'EMAIL', 'WEBHOOK'] as const;

/** A claimed e-mail is this sender's for this long; a sender that died lets it come back after it. */
const LEASE_MS = 5 * 60_000;
const BATCH = 20;

/** Backoff after the n-th failed attempt: 1, 2, 4 ... minutes, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 3600_000);
}

/**
 * The delivery log and the e-mail sender. Each recorded notification gets an IN_APP row (SENT
 * at once) and, unless its recipient turned that kind off (never for legally required kinds),
 * an EMAIL row in the same transaction. The sender claims due e-mails (FOR UPDATE SKIP LOCKED,
 * so replicas never send one twice at once), sends, and records each attempt: SENT, or FAILED
 * with a backoff, DEAD after `maxAttempts`. Nothing is lost while the SMTP server is down.
 */
export class Deliveries {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly composer: MailComposer,
    private readonly transport: MailTransport,
    private readonly maxAttempts: number,
    private readonly log: Logger,
  ) {}

  /** RecordedHook: the rows of a new notification, in its transaction. */
  readonly queue = async (tx: Tx, n: RecordedNotification): Promise<void> => {
    const now = n.createdAt;
    const base = {
      notificationId: n.id,
      recipientId: n.person.id,
      ticketId: n.ticket?.ticketId ?? null,
      organizationId: n.organizationId,
      kind: n.kind,
      createdAt: now,
      lastError: null,
    };
    const rows: Partial<DeliveryEntity>[] = [
      {
        ...base,
        id: newId(),
        channel: 'IN_APP',
        recipient: n.person.id,
        status: 'SENT',
        attempts: 1,
        attemptLog: [{ at: now.toISOString(), status: 'SENT', error: null }],
        lastAttemptAt: now,
        sentAt: now,
        nextAttemptAt: null,
        message: null,
      },
    ];
    const wantsEmail = LEGALLY_REQUIRED_KINDS.includes(n.kind) || !n.person.emailOff.includes(n.kind);
    if (wantsEmail && n.person.email) {
      rows.push({
        ...base,
        id: newId(),
        channel: 'EMAIL',
        recipient: n.person.email,
        status: 'PENDING',
        attempts: 0,
        attemptLog: [],
        lastAttemptAt: null,
        sentAt: null,
        nextAttemptAt: this.clock.now(),
        message: this.composer.compose(n),
      });
    }
    await tx.manager.createQueryBuilder().insert().into(DeliveryEntity).values(rows).orIgnore().execute();
  };

  start(intervalMs = 500): void {
    this.timer = setInterval(() => this.wake(), intervalMs);
    this.timer.unref();
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
          while ((await this.sendDue()) === BATCH && !this.stopped);
        } while (this.again && !this.stopped);
      } catch (error) {
        this.log.error({ err: error }, 'e-mail sender run failed; the next run retries');
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
    this.transport.close();
  }

  /** One batch: claim due e-mails, send each, record the attempt. Returns how many were claimed. */
  async sendDue(): Promise<number> {
    const now = this.clock.now();
    const claimed = await this.dataSource.transaction(async (manager) => {
      const due = (await manager.query(
        `SELECT id FROM deliveries WHERE channel = 'EMAIL' AND status IN ('PENDING', 'FAILED') AND next_attempt_at <= $1
         ORDER BY next_attempt_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        [now],
      )) as { id: string }[];
      if (due.length === 0) return [];
      const ids = due.map((d) => d.id);
      await manager.update(DeliveryEntity, { id: In(ids) }, { nextAttemptAt: new Date(now.getTime() + LEASE_MS) });
      return manager.findBy(DeliveryEntity, { id: In(ids) });
    });
    for (const delivery of claimed) await this.attempt(delivery);
    return claimed.length;
  }

  private async attempt(delivery: DeliveryEntity): Promise<void> {
    const attempts = delivery.attempts + 1;
    const at = this.clock.now();
    const repo = this.dataSource.getRepository(DeliveryEntity);
    try {
      await this.transport.send(delivery.message!, delivery.id);
      await repo.update(
        { id: delivery.id },
        {
          status: 'SENT',
          attempts,
          attemptLog: [...(delivery.attemptLog ?? []), { at: at.toISOString(), status: 'SENT', error: null }],
          lastAttemptAt: at,
          sentAt: at,
          nextAttemptAt: null,
          lastError: null,
        },
      );
    } catch (error) {
      const dead = attempts >= this.maxAttempts;
      const message = error instanceof Error ? error.message : String(error);
      this.log.warn({ deliveryId: delivery.id, attempts, dead, err: message }, 'e-mail not delivered');
      await repo.update(
        { id: delivery.id },
        {
          status: dead ? 'DEAD' : 'FAILED',
          attempts,
          attemptLog: [
            ...(delivery.attemptLog ?? []),
            { at: at.toISOString(), status: dead ? 'DEAD' : 'FAILED', error: message.slice(0, 1000) },
          ],
          lastAttemptAt: at,
          lastError: message.slice(0, 1000),
          nextAttemptAt: dead ? null : new Date(at.getTime() + retryDelayMs(attempts)),
        },
      );
    }
  }

  /** The delivery log (ADMIN): newest first, filtered. */
  async list(
    caller: Caller,
    filter: { ticketId?: string | null; channel?: string | null; status?: string | null; recipient?: string | null },
    options: { first?: number | null; after?: string | null },
  ): Promise<Connection<DeliveryEntity>> {
    requireRole(caller, ['ADMIN'], 'read the delivery log');
    if (filter.ticketId) requireUuid(filter.ticketId, 'filter.ticketId');
    if (filter.recipient && filter.recipient.length > 320) {
      throw badInput('filter.recipient must be an e-mail address or a user id (at most 320 characters)', {
        field: 'filter.recipient',
      });
    }
    const limit = pageSize(options.first);
    const after = decodeCursor(options.after, (k): k is { id: string } => isUuid((k as { id?: string })?.id ?? ''));
    const query = this.dataSource.getRepository(DeliveryEntity).createQueryBuilder('d');
    if (filter.ticketId) query.andWhere('d.ticket_id = :ticketId', { ticketId: filter.ticketId });
    if (filter.channel) query.andWhere('d.channel = :channel', { channel: filter.channel });
    if (filter.status) query.andWhere('d.status = :status', { status: filter.status });
    if (filter.recipient) {
      query.andWhere('(lower(d.recipient) = lower(:recipient) OR d.recipient_id::text = lower(:recipient))', {
        recipient: filter.recipient,
      });
    }
    const totalCount = await query.getCount();
    if (after) query.andWhere('d.id < :after', { after: after.id });
    const rows = await query
      .orderBy('d.id', 'DESC')
      .take(limit + 1)
      .getMany();
    return toConnection(rows, limit, totalCount, (row) => encodeCursor({ id: row.id }), Boolean(after));
  }
}
