import type { ExecutionResult } from 'graphql';
import type { SubscriberQueue } from './subscriber-queue';

interface Buffered {
  seq: number;
  key: string | null;
  result: ExecutionResult;
}

/**
 * One subscription: its outbox, and where it stands in the stream. A subscription that
 * resumes (`after`) first catches up from a replay of the stream, while the live group it
 * joined keeps its new results aside; as soon as the replay reaches the first of those, the
 * replay stops and the held results follow, each event delivered once and in order.
 */
export class Subscriber {
  lastSeq = 0;
  private catchUp: { buffer: Buffered[]; firstLiveSeq: number | null } | null = null;

  constructor(
    readonly queue: SubscriberQueue,
    private readonly bufferLimit: number,
    private readonly onCaughtUp: () => void = () => undefined,
  ) {}

  /**
   * Marks the subscriber as resuming from `fromSeq`: nothing before it is delivered (the client
   * has it), and live results are held until the replay catches up.
   */
  startCatchUp(fromSeq: number): void {
    this.lastSeq = Math.max(this.lastSeq, fromSeq - 1);
    this.catchUp = { buffer: [], firstLiveSeq: null };
  }

  get catchingUp(): boolean {
    return this.catchUp !== null;
  }

  /** A result of the live group. */
  live(seq: number, key: string | null, result: ExecutionResult): void {
    const catchUp = this.catchUp;
    if (!catchUp) {
      if (seq > this.lastSeq) this.deliver(seq, key, result);
      return;
    }
    if (seq <= this.lastSeq) {
      // The replay already passed this event: from here on the live group is complete.
      this.finishCatchUp();
      return;
    }
    catchUp.firstLiveSeq ??= seq;
    catchUp.buffer.push({ seq, key, result });
    if (catchUp.buffer.length > this.bufferLimit) {
      // The held results overflow: the oldest goes, and the replay covers it instead (it runs on
      // to the first result still held), so nothing is lost.
      catchUp.buffer.shift();
      catchUp.firstLiveSeq = catchUp.buffer[0]!.seq;
    }
  }

  /** A result of the replay; false once the replay is no longer needed. */
  replayed(seq: number, key: string | null, result: ExecutionResult): boolean {
    const catchUp = this.catchUp;
    if (!catchUp) return false;
    if (catchUp.firstLiveSeq !== null && seq >= catchUp.firstLiveSeq) {
      this.finishCatchUp();
      return false;
    }
    if (seq > this.lastSeq) this.deliver(seq, key, result);
    return true;
  }

  private finishCatchUp(): void {
    const buffered = this.catchUp?.buffer ?? [];
    this.catchUp = null;
    for (const item of buffered) if (item.seq > this.lastSeq) this.deliver(item.seq, item.key, item.result);
    this.onCaughtUp();
  }

  private deliver(seq: number, key: string | null, result: ExecutionResult): void {
    this.lastSeq = seq;
    this.queue.push({ key, result });
  }
}
