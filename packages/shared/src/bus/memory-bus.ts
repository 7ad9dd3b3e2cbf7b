import { appendFileSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../logger';
import { ensurePrivateDir } from '../server/private-dir';
import type { AnyEventEnvelope } from '../events/envelope';
import { DOMAINS, type Domain, domainOf } from '../events/subjects';
import {
  type ConsumeOptions,
  type DeliveredEvent,
  type EventBus,
  type KeyValueStore,
  retryDelay,
  type Stoppable,
  type TailOptions,
} from './event-bus';

interface Stored {
  seq: number;
  event: AnyEventEnvelope;
}

/**
 * The in-process bus of embedded mode: the same contract as the NATS bus (per-domain logs
 * with sequences, de-duplication by event id, durable consumers that get every event in
 * order and retry a failing one in place, tails with resume). With `dir` set, the logs and
 * consumer positions are kept in files, so a restart of the embedded process loses nothing.
 */
export class MemoryEventBus implements EventBus {
  readonly kind = 'memory' as const;
  private readonly logs = new Map<Domain, Stored[]>();
  private readonly seen = new Set<string>();
  private readonly durables = new Map<string, DurableConsumer>();
  private readonly tails = new Set<{ options: TailOptions }>();
  private readonly kv = new Map<string, Map<string, { value: string; listeners: Set<(v: string) => void> }>>();
  private positions: Record<string, number> = {};
  private closed = false;

  constructor(private readonly options: { log: Logger; dir?: string }) {
    for (const domain of DOMAINS) this.logs.set(domain, []);
    if (options.dir) this.load(options.dir);
  }

  private load(dir: string): void {
    ensurePrivateDir(dir);
    for (const domain of DOMAINS) {
      const file = join(dir, `${domain}.jsonl`);
      if (!existsSync(file)) continue;
      const log = this.logs.get(domain)!;
      const lines = readFileSync(file, 'utf8').split('\n');
      for (const [index, line] of lines.entries()) {
        if (!line.trim()) continue;
        let stored: Stored;
        try {
          stored = JSON.parse(line) as Stored;
        } catch (error) {
          // Only the last line can be torn (a crash while appending): its event was never
          // acknowledged to the publisher's outbox, which publishes it again.
          if (index < lines.length - 2) throw error;
          writeFileSync(
            file,
            lines
              .slice(0, index)
              .map((l) => `${l}\n`)
              .join(''),
          ); // cut it off
          break;
        }
        log.push(stored);
        this.seen.add(stored.event.id);
      }
    }
    const positions = join(dir, 'positions.json');
    if (existsSync(positions)) this.positions = JSON.parse(readFileSync(positions, 'utf8')) as Record<string, number>;
    rmSync(`${positions}.tmp`, { force: true });
  }

  async publish(event: AnyEventEnvelope): Promise<void> {
    if (this.closed) throw new Error('The event bus is closed');
    if (this.seen.has(event.id)) return; // de-duplication by event id, like Nats-Msg-Id
    this.seen.add(event.id);
    const domain = domainOf(event.type);
    const log = this.logs.get(domain)!;
    const stored: Stored = { seq: log.length + 1, event: structuredClone(event) };
    // On disk first: an event that failed to be written is not delivered (the publisher's
    // outbox keeps it and publishes it again), so positions never shift.
    if (this.options.dir) {
      try {
        appendFileSync(join(this.options.dir, `${domain}.jsonl`), JSON.stringify(stored) + '\n');
      } catch (error) {
        this.seen.delete(event.id);
        throw error;
      }
    }
    log.push(stored);
    for (const durable of this.durables.values()) if (durable.domain === domain) durable.wake();
    for (const tail of this.tails) {
      const o = tail.options;
      if (o.domain === domain && (!o.organizationId || o.organizationId === event.organizationId)) {
        o.onEvent({ event: structuredClone(stored.event), domain, seq: stored.seq, redelivered: false });
      }
    }
  }

  async consume(options: ConsumeOptions): Promise<Stoppable> {
    if (this.durables.has(options.durable)) throw new Error(`Durable consumer ${options.durable} is already running`);
    const durable = new DurableConsumer(
      options,
      this.logs.get(options.domain)!,
      this.positions[options.durable] ?? 0,
      (position) => this.savePosition(options.durable, position),
      this.options.log,
    );
    this.durables.set(options.durable, durable);
    durable.wake();
    return {
      stop: async () => {
        await durable.stop();
        this.durables.delete(options.durable);
      },
    };
  }

  private savePosition(durable: string, position: number): void {
    this.positions[durable] = position;
    if (!this.options.dir) return;
    // Written aside and renamed over: a crash leaves the old file or the new one, never half of one.
    const file = join(this.options.dir, 'positions.json');
    writeFileSync(`${file}.tmp`, JSON.stringify(this.positions));
    renameSync(`${file}.tmp`, file);
  }

  async tail(options: TailOptions): Promise<Stoppable> {
    const entry = { options };
    if (options.fromSeq) {
      for (const stored of this.logs.get(options.domain)!) {
        if (stored.seq < options.fromSeq) continue;
        if (options.organizationId && stored.event.organizationId !== options.organizationId) continue;
        options.onEvent({
          event: structuredClone(stored.event),
          domain: options.domain,
          seq: stored.seq,
          redelivered: false,
        });
      }
    }
    this.tails.add(entry);
    return { stop: async () => void this.tails.delete(entry) };
  }

  async keyValue(bucket: string): Promise<KeyValueStore> {
    let store = this.kv.get(bucket);
    if (!store) this.kv.set(bucket, (store = new Map()));
    const entry = (key: string) => {
      let e = store.get(key);
      if (!e) store.set(key, (e = { value: '', listeners: new Set() }));
      return e;
    };
    return {
      get: async (key) => store.get(key)?.value || null,
      put: async (key, value) => {
        const e = entry(key);
        e.value = value;
        for (const listener of e.listeners) listener(value);
      },
      watch: async (key, onValue) => {
        const e = entry(key);
        e.listeners.add(onValue);
        return { stop: async () => void e.listeners.delete(onValue) };
      },
    };
  }

  async consumerLag(durable: string, domain: Domain): Promise<number | null> {
    return this.logs.get(domain)!.length - (this.positions[durable] ?? 0);
  }

  isHealthy(): boolean {
    return !this.closed;
  }

  async close(): Promise<void> {
    for (const durable of this.durables.values()) await durable.stop();
    this.durables.clear();
    this.tails.clear();
    this.closed = true;
  }
}

/** Delivers a domain's log to one handler, in order, one at a time, from its saved position. */
class DurableConsumer {
  readonly domain: Domain;
  private running: Promise<void> | null = null;
  private stopped = false;
  private pause: { timer: NodeJS.Timeout; resume: () => void } | null = null;

  constructor(
    private readonly options: ConsumeOptions,
    private readonly log: Stored[],
    private position: number,
    private readonly save: (position: number) => void,
    private readonly logger: Logger,
  ) {
    this.domain = options.domain;
  }

  wake(): void {
    if (this.running || this.stopped) return;
    this.running = this.drain().finally(() => {
      this.running = null;
      // An event published after drain() saw the end of the log and before this line found
      // `running` still set and did not wake us: look again.
      if (!this.stopped && this.position < this.log.length) this.wake();
    });
  }

  private async drain(): Promise<void> {
    let attempt = 0;
    while (!this.stopped && this.position < this.log.length) {
      const stored = this.log[this.position]!;
      const delivered: DeliveredEvent = {
        event: structuredClone(stored.event),
        domain: this.domain,
        seq: stored.seq,
        redelivered: attempt > 0,
        attempt,
      };
      try {
        await this.options.handle(delivered);
        this.position++;
        this.save(this.position);
        attempt = 0;
      } catch (error) {
        this.logger.error(
          { err: error, eventId: stored.event.id, durable: this.options.durable, attempt },
          'event handler failed; retrying in order',
        );
        await new Promise<void>((resume) => {
          this.pause = { timer: setTimeout(resume, retryDelay(attempt++)), resume };
        });
        this.pause = null;
      }
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.pause) {
      clearTimeout(this.pause.timer);
      this.pause.resume();
    }
    await this.running;
  }
}
