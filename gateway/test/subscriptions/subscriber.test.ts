import type { ExecutionResult } from 'graphql';
import { Subscriber } from '../../src/subscriptions/subscriber';
import { SubscriberQueue } from '../../src/subscriptions/subscriber-queue';

const result = (n: number): ExecutionResult => ({ data: { n } });

async function drain(queue: SubscriberQueue): Promise<ExecutionResult[]> {
  const out: ExecutionResult[] = [];
  while (queue.length > 0) out.push((await queue.next()).value as ExecutionResult);
  return out;
}

describe('a subscriber outbox is bounded and never slows the others', () => {
  it('replaces an unsent older state of the same ticket with the newest and tells the client how many it lost', async () => {
    let dropped = 0;
    const queue = new SubscriberQueue(
      2,
      () => undefined,
      () => dropped++,
    );
    queue.push({ key: 'ticket-1', result: result(1) });
    queue.push({ key: 'ticket-2', result: result(2) });
    // Full (2): ticket-1's newer state replaces its unsent older one: queue = [t2:2, t1:3].
    queue.push({ key: 'ticket-1', result: result(3) });
    // Full again, ticket-3 has nothing queued: the oldest (t2:2) goes: queue = [t1:3, t3:4].
    queue.push({ key: 'ticket-3', result: result(4) });
    const out = await drain(queue);
    expect(out).toEqual([{ data: { n: 3 }, extensions: { dropped: 2 } }, { data: { n: 4 } }]);
    expect(dropped).toBe(2);
    expect(queue.droppedTotal).toBe(2);
  });

  it('hands a result straight to a waiting reader', async () => {
    const queue = new SubscriberQueue(1, () => undefined);
    const next = queue.next();
    queue.push({ key: null, result: result(1) });
    expect((await next).value).toEqual({ data: { n: 1 } });
  });

  it('ends the stream and tells the hub when the client leaves', async () => {
    let closed = 0;
    const queue = new SubscriberQueue(5, () => closed++);
    const pending = queue.next();
    await queue.return();
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(closed).toBe(1);
  });
});

describe('a resuming subscriber catches up from the replay, then follows the live group', () => {
  it('holds live results while the replay runs and delivers every event once, in order', async () => {
    const queue = new SubscriberQueue(100, () => undefined);
    let caughtUp = 0;
    const subscriber = new Subscriber(queue, 100, () => caughtUp++);
    subscriber.startCatchUp(5);
    // The replay delivers what the client missed (seq 5, 7) while live events 9 and 11 arrive.
    expect(subscriber.replayed(5, 't', result(5))).toBe(true);
    subscriber.live(9, 't', result(9));
    expect(subscriber.replayed(7, 't', result(7))).toBe(true);
    subscriber.live(11, 't', result(11));
    // The replay reaches 9, the first live one: it stops, and the held 9 and 11 follow.
    expect(subscriber.replayed(9, 't', result(9))).toBe(false);
    subscriber.live(12, 't', result(12));
    expect((await drain(queue)).map((r) => (r.data as { n: number }).n)).toEqual([5, 7, 9, 11, 12]);
    expect(caughtUp).toBe(1);
  });

  it('switches to the live group when the replay was ahead of it', async () => {
    const queue = new SubscriberQueue(100, () => undefined);
    const subscriber = new Subscriber(queue, 100);
    subscriber.startCatchUp(3);
    expect(subscriber.replayed(3, 't', result(3))).toBe(true);
    expect(subscriber.replayed(4, 't', result(4))).toBe(true);
    // The live group resolves 4 after the replay did: already delivered, catch-up ends.
    subscriber.live(4, 't', result(4));
    expect(subscriber.catchingUp).toBe(false);
    subscriber.live(6, 't', result(6));
    expect((await drain(queue)).map((r) => (r.data as { n: number }).n)).toEqual([3, 4, 6]);
  });

  it('a held buffer that overflows loses nothing: the replay covers what was dropped', async () => {
    const queue = new SubscriberQueue(100, () => undefined);
    const subscriber = new Subscriber(queue, 3);
    subscriber.startCatchUp(5);
    // Live 10..14 arrive while the replay is at 5..9; only 3 are held (12, 13, 14).
    for (const seq of [5, 6, 7, 8, 9]) expect(subscriber.replayed(seq, 't', result(seq))).toBe(true);
    for (const seq of [10, 11, 12, 13, 14]) subscriber.live(seq, 't', result(seq));
    // The replay goes on through 10 and 11, then meets the first held one.
    expect(subscriber.replayed(10, 't', result(10))).toBe(true);
    expect(subscriber.replayed(11, 't', result(11))).toBe(true);
    expect(subscriber.replayed(12, 't', result(12))).toBe(false);
    subscriber.live(15, 't', result(15));
    expect((await drain(queue)).map((r) => (r.data as { n: number }).n)).toEqual([
      5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
    ]);
  });

  it('a live group behind the cursor delivers nothing the client already has', async () => {
    const queue = new SubscriberQueue(100, () => undefined);
    const subscriber = new Subscriber(queue, 100);
    subscriber.startCatchUp(8); // the client saw up to 7
    subscriber.live(5, 't', result(5));
    subscriber.live(6, 't', result(6));
    subscriber.live(7, 't', result(7));
    subscriber.live(8, 't', result(8));
    expect((await drain(queue)).map((r) => (r.data as { n: number }).n)).toEqual([8]);
  });
});
