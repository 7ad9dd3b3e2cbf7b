import {
  AckPolicy,
  connect,
  DeliverPolicy,
  ErrorCode,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
  JSONCodec,
  KvWatchInclude,
  nanos,
  type NatsConnection,
  RetentionPolicy,
  StorageType,
} from 'nats';
import type { Logger } from '../logger';
import type { AnyEventEnvelope } from '../events/envelope';
import { DOMAINS, type Domain, domainFilter, domainOf, streamName, subjectFor } from '../events/subjects';
import { isEventType } from '../events/catalog';
import {
  type ConsumeOptions,
  type DeliveredEvent,
  type EventBus,
  type KeyValueOptions,
  type KeyValueStore,
  retryDelay,
  type Stoppable,
  type TailOptions,
} from './event-bus';

const codec = JSONCodec<AnyEventEnvelope>();
/** The streams' de-duplication window (Nats-Msg-Id); inbox rows are kept longer than this. */
export const DUPLICATE_WINDOW_MS = 10 * 60_000;
/** A publish gives up after this long (the relay then retries): a dead connection must not hold it. */
const PUBLISH_TIMEOUT_MS = 2_000;
/**
 * An event handed to a consumer that died is handed out again after this long; a live handler
 * that takes longer says it is still working (every ACK_WAIT_MS / 3).
 */
export const ACK_WAIT_MS = 5_000;

export interface NatsBusOptions {
  url: string;
  prefix: string;
  name: string;
  log: Logger;
  /** How long streams keep events (resume window of subscriptions). */
  retentionMs?: number;
}

export class NatsEventBus implements EventBus {
  readonly kind = 'nats' as const;
  private readonly consumers = new Set<Stoppable>();
  private connected = true;
  /** Consumer, tail and watch loops that ended with an error (never expected). */
  private readonly endedLoops = new Set<string>();

  private constructor(
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly options: NatsBusOptions,
  ) {}

  static async connect(options: NatsBusOptions): Promise<NatsEventBus> {
    const nc = await connect({
      servers: options.url,
      name: options.name,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
      waitOnFirstConnect: false,
    });
    // JetStream API calls wait up to 15 s (default 5 s): a busy server must slow us, not fail us.
    const jsm = await nc.jetstreamManager({ timeout: 15_000 });
    const bus = new NatsEventBus(nc, nc.jetstream({ timeout: 15_000 }), jsm, options);
    for (const domain of DOMAINS) await bus.ensureStream(domain);
    void bus.watchStatus();
    return bus;
  }

  /** Streams are created idempotently: every part may start first. */
  private async ensureStream(domain: Domain): Promise<void> {
    const name = streamName(this.options.prefix, domain);
    const config = {
      name,
      subjects: [domainFilter(this.options.prefix, domain)],
      storage: StorageType.File,
      retention: RetentionPolicy.Limits,
      duplicate_window: nanos(DUPLICATE_WINDOW_MS),
      max_age: nanos(this.options.retentionMs ?? 30 * 24 * 3600_000),
    };
    try {
      await this.jsm.streams.info(name);
    } catch {
      try {
        await this.jsm.streams.add(config);
      } catch (error) {
        // Another part created it in between (NATS 2.9 may then answer "already in use" or even
        // "subjects overlap"): fine if it exists now.
        const exists = await this.jsm.streams.info(name).then(
          () => true,
          () => false,
        );
        if (!exists) throw error;
      }
    }
  }

  private async watchStatus(): Promise<void> {
    for await (const status of this.nc.status()) {
      this.options.log.info({ nats: status.type, data: String(status.data) }, 'NATS connection status');
      // Not ready while reconnecting: /readyz must say so (a publish would wait, a tail is stale).
      if (status.type === 'disconnect') this.connected = false;
      if (status.type === 'reconnect') this.connected = true;
    }
  }

  async publish(event: AnyEventEnvelope): Promise<void> {
    domainOf(event.type);
    const subject = subjectFor(this.options.prefix, event.type, event.organizationId);
    // Not connected: fail at once (the relay retries) rather than wait for the reconnect.
    if (!this.connected) throw new Error('NATS is not connected; the event stays in the outbox and is retried');
    await this.js.publish(subject, codec.encode(event), { msgID: event.id, timeout: PUBLISH_TIMEOUT_MS });
  }

  async consume(options: ConsumeOptions): Promise<Stoppable> {
    const stream = streamName(this.options.prefix, options.domain);
    // One event out at a time per durable consumer (max_ack_pending 1): the next event of the
    // stream is handed out only once this one is acknowledged, so an event held by a replica
    // that died comes back (after ACK_WAIT_MS) before any later one: per-ticket order holds
    // across crashes and replicas (docs/adr/0016-consumer-order-across-crashes.md).
    const limits = { ack_wait: nanos(ACK_WAIT_MS), max_ack_pending: 1 };
    const existing = await this.jsm.consumers.info(stream, options.durable).catch(() => null);
    if (!existing) {
      await this.jsm.consumers
        .add(stream, {
          durable_name: options.durable,
          ack_policy: AckPolicy.Explicit,
          deliver_policy: DeliverPolicy.All,
          filter_subject: domainFilter(this.options.prefix, options.domain),
          ...limits,
        })
        .catch(async (error: unknown) => {
          // A replica created it in between.
          if (!(await this.jsm.consumers.info(stream, options.durable).catch(() => null))) throw error;
        });
    } else if (
      existing.config.max_ack_pending !== limits.max_ack_pending ||
      existing.config.ack_wait !== limits.ack_wait
    ) {
      // Made by an older version (1000 pending, 30 s): brought to the ordered settings.
      await this.jsm.consumers.update(stream, options.durable, limits);
    }
    const consumer = await this.js.consumers.get(stream, options.durable);
    const messages = await consumer.consume({ max_messages: 100 });
    let stopping = false;
    // One message at a time, in stream order: a failing event is retried in place (head of
    // line) so a consumer never applies a later event of a ticket before an earlier one.
    const loop = (async () => {
      for await (const message of messages) {
        // Never break out of the iterator: nats.js ends it by a stop queued behind the buffered
        // messages, and `close()` waits for that. Buffered messages are handed back instead.
        if (stopping) {
          message.nak();
          continue;
        }
        await this.handleInOrder(message, options, () => stopping);
      }
    })().catch((error: unknown) => this.loopEnded(`consumer ${options.durable}`, error));
    const handle: Stoppable = {
      stop: async () => {
        stopping = true;
        await messages.close();
        await loop.catch(() => undefined);
        this.consumers.delete(handle);
      },
    };
    this.consumers.add(handle);
    return handle;
  }

  private async handleInOrder(message: JsMsg, options: ConsumeOptions, stopping: () => boolean): Promise<void> {
    const event = this.decode(message, options.durable);
    if (!event) {
      message.term(); // not an event at all: it can never be applied, and must not stop the others
      return;
    }
    if (!isEventType(event.type)) {
      message.ack(); // a type from a newer version of another part: not ours to apply
      return;
    }
    const delivered: DeliveredEvent = {
      event,
      domain: options.domain,
      seq: message.seq,
      redelivered: message.redelivered,
    };
    for (let attempt = 0; ; attempt++) {
      try {
        delivered.attempt = attempt;
        await withHeartbeat(message, () => options.handle(delivered));
        message.ack();
        return;
      } catch (error) {
        this.options.log.error(
          { err: error, eventId: event.id, type: event.type, durable: options.durable, attempt },
          'event handler failed; retrying in order',
        );
        if (stopping()) {
          message.nak();
          return;
        }
        message.working();
        await withHeartbeat(message, () => sleep(retryDelay(attempt)));
        delivered.redelivered = true;
      }
    }
  }

  async tail(options: TailOptions): Promise<Stoppable> {
    const stream = streamName(this.options.prefix, options.domain);
    const consumer = await this.js.consumers.get(stream, {
      filterSubjects: domainFilter(this.options.prefix, options.domain, options.organizationId),
      ...(options.fromSeq
        ? { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: options.fromSeq }
        : { deliver_policy: DeliverPolicy.New }),
    });
    const messages = await consumer.consume();
    const loop = (async () => {
      for await (const message of messages) {
        const event = this.decode(message, `tail of ${options.domain}`);
        if (!event || !isEventType(event.type)) continue;
        options.onEvent({ event, domain: options.domain, seq: message.seq, redelivered: false });
      }
    })().catch((error: unknown) => this.loopEnded(`tail of ${options.domain}`, error));
    return {
      stop: async () => {
        await messages.close();
        await loop.catch(() => undefined);
      },
    };
  }

  async keyValue(bucket: string, options: KeyValueOptions = {}): Promise<KeyValueStore> {
    const open = () =>
      this.js.views.kv(`${this.options.prefix}_${bucket}`, {
        history: 1,
        ...(options.ttlMs ? { ttl: options.ttlMs } : {}),
        ...(options.maxBytes ? { max_bytes: options.maxBytes } : {}),
      });
    // Parts starting together race to create the bucket; a second attempt finds it.
    const kv = await open().catch(async () => {
      await sleep(100);
      return open();
    });
    return {
      get: async (key) => (await patiently(() => kv.get(key)))?.string() ?? null,
      put: async (key, value) => {
        await kv.put(key, value);
      },
      watch: async (key, onValue) => {
        const watcher = await kv.watch({ key, include: KvWatchInclude.UpdatesOnly });
        const loop = (async () => {
          for await (const entry of watcher) {
            if (entry.operation === 'PUT') onValue(entry.string());
          }
        })().catch((error: unknown) => this.loopEnded(`watch of ${bucket}/${key}`, error));
        return {
          stop: async () => {
            watcher.stop();
            await loop.catch(() => undefined);
          },
        };
      },
    };
  }

  /**
   * A consumer, tail or watch whose iterator failed (e.g. its stream was deleted): logged, never an
   * unhandled rejection that would take the process down.
   */
  /** The event in a message, or null (logged) when the message is not an event envelope. */
  private decode(message: JsMsg, reader: string): AnyEventEnvelope | null {
    try {
      const event = codec.decode(message.data);
      if (typeof event === 'object' && event !== null && typeof event.type === 'string' && typeof event.id === 'string')
        return event;
    } catch {
      // logged below
    }
    this.options.log.error(
      { subject: message.subject, seq: message.seq, reader, bytes: message.data.length },
      'a message on the bus is not an event envelope; passed over',
    );
    return null;
  }

  private loopEnded(what: string, error: unknown): void {
    if (this.nc.isClosed() || this.nc.isDraining()) return;
    this.options.log.error({ err: error }, `${what} ended with an error`);
    // Not ready any more: what it fed is stale; /readyz says so and an orchestrator restarts us.
    this.endedLoops.add(what);
  }

  async consumerLag(durable: string, domain: Domain): Promise<number | null> {
    if (!this.connected) return null;
    const info = await this.jsm.consumers.info(streamName(this.options.prefix, domain), durable);
    return info.num_pending + info.num_ack_pending;
  }

  isHealthy(): boolean {
    return this.connected && this.endedLoops.size === 0 && !this.nc.isClosed() && !this.nc.isDraining();
  }

  async close(): Promise<void> {
    for (const consumer of [...this.consumers]) await consumer.stop();
    if (!this.nc.isClosed()) await this.nc.drain();
  }

  /** Test and tooling support: remove every stream and KV bucket of this prefix. */
  async destroyAll(): Promise<void> {
    for (const domain of DOMAINS) {
      await this.jsm.streams.delete(streamName(this.options.prefix, domain)).catch(() => false);
    }
    for await (const stream of this.jsm.streams.list()) {
      if (stream.config.name.startsWith(`KV_${this.options.prefix}_`)) {
        await this.jsm.streams.delete(stream.config.name).catch(() => false);
      }
    }
  }
}

/** Runs `work`, telling the server every ACK_WAIT_MS / 3 that the message is still being handled. */
async function withHeartbeat<T>(message: JsMsg, work: () => Promise<T>): Promise<T> {
  const timer = setInterval(() => {
    try {
      message.working();
    } catch {
      // the connection is gone: the server hands the event out again after ACK_WAIT_MS
    }
  }, ACK_WAIT_MS / 3);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}

const KV_READ_ATTEMPT_MS = 3_000;
const KV_READ_ATTEMPTS = 4;

/**
 * A read of a bucket another part has just created can go unanswered (the server sets up the
 * bucket's responders a moment after it reports it created; nats-server issue 6421): the request
 * then waits out the whole JetStream timeout and fails. Each attempt gets a few seconds, and an
 * unanswered one is asked again; every other error is passed on at once.
 */
async function patiently<T>(read: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const pending = read();
    const outcome = await Promise.race([
      pending.then(
        (value) => ({ value }),
        (error: unknown) => ({ error }),
      ),
      sleep(KV_READ_ATTEMPT_MS).then(() => ({ unanswered: true as const })),
    ]);
    if ('value' in outcome) return outcome.value;
    const timedOut = 'unanswered' in outcome || isTimeout(outcome.error);
    if (!timedOut || attempt >= KV_READ_ATTEMPTS) {
      if ('error' in outcome) throw outcome.error;
      return pending;
    }
    pending.catch(() => undefined);
  }
}

function isTimeout(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === ErrorCode.Timeout;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
