import type { EventBus, Stoppable } from '../bus/event-bus';
import type { Logger } from '../logger';
import type { TestClock } from './clock';

/**
 * Moves the test clock of every part together. The setting travels through the bus's
 * key-value store (a NATS KV bucket when distributed; in-process in embedded mode), and every
 * part adopts it, including parts that start later.
 */
export class ClockControl {
  private constructor(
    private readonly clock: TestClock,
    private readonly store: Awaited<ReturnType<EventBus['keyValue']>>,
    private readonly watcher: Stoppable,
  ) {}

  static async start(bus: EventBus, clock: TestClock, log: Logger): Promise<ClockControl> {
    const store = await bus.keyValue('clock');
    const current = await store.get('now');
    if (current) clock.set(new Date(current));
    const watcher = await store.watch('now', (value) => {
      const at = new Date(value);
      if (at.getTime() !== clock.nowMs()) {
        log.info({ now: value }, 'test clock moved');
        clock.set(at);
      }
    });
    return new ClockControl(clock, store, watcher);
  }

  now(): Date {
    return this.clock.now();
  }

  async set(at: Date): Promise<Date> {
    const now = this.clock.set(at);
    await this.store.put('now', now.toISOString());
    return now;
  }

  async advance(minutes: number): Promise<Date> {
    return this.set(new Date(this.clock.nowMs() + minutes * 60_000));
  }

  async stop(): Promise<void> {
    await this.watcher.stop();
  }
}
