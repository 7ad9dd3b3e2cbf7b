import { ClockControl, createLogger, NatsEventBus, TestClock } from '../src/platform';
import { createTestNats, eventually } from '../src/testing';

const log = createLogger('test', 'silent');

describe('the test clock travels over NATS to every part', () => {
  it('a clock set in one part moves the others, including one that starts later', async () => {
    const nats = createTestNats();
    const buses = await Promise.all(
      ['sla', 'tickets'].map((name) => NatsEventBus.connect({ url: nats.url, prefix: nats.prefix, name, log })),
    );
    const [slaClock, ticketsClock] = [new TestClock(0), new TestClock(0)];
    const sla = await ClockControl.start(buses[0]!, slaClock, log);
    const tickets = await ClockControl.start(buses[1]!, ticketsClock, log);
    try {
      await sla.set(new Date('2025-03-03T07:00:00Z'));
      await eventually(() => ticketsClock.now().toISOString() === '2025-03-03T07:00:00.000Z');
      await sla.advance(90);
      await eventually(() => ticketsClock.now().toISOString() === '2025-03-03T08:30:00.000Z');

      const lateBus = await NatsEventBus.connect({ url: nats.url, prefix: nats.prefix, name: 'late', log });
      const lateClock = new TestClock(0);
      const late = await ClockControl.start(lateBus, lateClock, log);
      expect(lateClock.now().toISOString()).toBe('2025-03-03T08:30:00.000Z');
      await late.stop();
      await lateBus.close();
    } finally {
      await sla.stop();
      await tickets.stop();
      for (const bus of buses) await bus.close();
      await nats.destroy();
    }
  });
});
