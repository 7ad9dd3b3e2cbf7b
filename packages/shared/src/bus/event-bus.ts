import type { AnyEventEnvelope } from '../events/envelope';
import type { Domain } from '../events/subjects';

/** An event as a consumer receives it: the envelope, its stream sequence, and whether it came before. */
export interface DeliveredEvent {
  event: AnyEventEnvelope;
  domain: Domain;
  /** Position in the domain's stream; the resume cursor of subscriptions. */
  seq: number;
  redelivered: boolean;
  /** Failed attempts at this event before this one (0 on the first). */
  attempt?: number;
}

export interface ConsumeOptions {
  /** Durable name: one per consuming service and domain. Progress survives restarts. */
  durable: string;
  domain: Domain;
  /** Throwing leaves the event unacknowledged: it is retried (in order) until it succeeds. */
  handle(delivered: DeliveredEvent): Promise<void>;
}

export interface TailOptions {
  domain: Domain;
  /** Only this organization's events (filtered by subject). */
  organizationId?: string;
  /** Deliver from this stream sequence (inclusive), then live; omitted: only new events. */
  fromSeq?: number;
  onEvent(delivered: DeliveredEvent): void;
}

export interface Stoppable {
  stop(): Promise<void>;
}

export interface KeyValueStore {
  get(key: string): Promise<string | null>;
  put(key: string, value: string): Promise<void>;
  /** Calls `onValue` with every new value of `key` (not the current one). */
  watch(key: string, onValue: (value: string) => void): Promise<Stoppable>;
}

/** Limits of a key-value bucket, applied when the bucket is created (NATS); the in-process bus keeps all. */
export interface KeyValueOptions {
  /** Entries older than this are removed. */
  ttlMs?: number;
  /** The bucket's size limit in bytes (oldest entries go first). */
  maxBytes?: number;
}

/**
 * One interface, two implementations: NATS JetStream (distributed) and in-process (embedded).
 * Publishing is idempotent by event id (`Nats-Msg-Id` de-duplication).
 */
export interface EventBus {
  readonly kind: 'nats' | 'memory';
  publish(event: AnyEventEnvelope): Promise<void>;
  consume(options: ConsumeOptions): Promise<Stoppable>;
  tail(options: TailOptions): Promise<Stoppable>;
  keyValue(bucket: string, options?: KeyValueOptions): Promise<KeyValueStore>;
  isHealthy(): boolean;
  /** Events of the domain's stream the durable consumer has not acknowledged yet (null: unknown). */
  consumerLag(durable: string, domain: Domain): Promise<number | null>;
  close(): Promise<void>;
}

/** Backoff for a failing handler: 100 ms doubling to 10 s. */
export function retryDelay(attempt: number): number {
  return Math.min(10_000, 100 * 2 ** Math.min(attempt, 10));
}
