import type { ExecutionResult } from 'graphql';

export interface QueuedResult {
  /** Coalescing key: the ticket; a newer state of it may replace an unsent older one. */
  key: string | null;
  result: ExecutionResult;
}

/**
 * One subscriber's outbox: bounded, so a slow client never slows the others. When full, the
 * newest state of a ticket replaces its unsent older one (wallboards want the latest), or
 * else the oldest entry is dropped; drops are counted and the next result says how many
 * (`extensions.dropped`).
 */
export class SubscriberQueue implements AsyncIterableIterator<ExecutionResult> {
  private readonly items: QueuedResult[] = [];
  private waiting: ((value: IteratorResult<ExecutionResult>) => void) | null = null;
  private droppedSinceLast = 0;
  droppedTotal = 0;
  private done = false;

  constructor(
    private readonly capacity: number,
    private readonly onClose: () => void,
    private readonly onDrop: () => void = () => undefined,
  ) {}

  push(item: QueuedResult): void {
    if (this.done) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value: this.withDropCount(item.result), done: false });
      return;
    }
    if (this.items.length >= this.capacity) {
      const older = item.key === null ? -1 : this.items.findIndex((queued) => queued.key === item.key);
      this.items.splice(older >= 0 ? older : 0, 1);
      this.droppedSinceLast++;
      this.droppedTotal++;
      this.onDrop();
    }
    this.items.push(item);
  }

  get length(): number {
    return this.items.length;
  }

  private withDropCount(result: ExecutionResult): ExecutionResult {
    if (this.droppedSinceLast === 0) return result;
    const dropped = this.droppedSinceLast;
    this.droppedSinceLast = 0;
    return { ...result, extensions: { ...result.extensions, dropped } };
  }

  next(): Promise<IteratorResult<ExecutionResult>> {
    const item = this.items.shift();
    if (item) return Promise.resolve({ value: this.withDropCount(item.result), done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<ExecutionResult>> {
    this.close();
    return Promise.resolve({ value: undefined, done: true });
  }

  close(): void {
    if (this.done) return;
    this.done = true;
    this.items.length = 0;
    this.waiting?.({ value: undefined, done: true });
    this.waiting = null;
    this.onClose();
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<ExecutionResult> {
    return this;
  }
}
