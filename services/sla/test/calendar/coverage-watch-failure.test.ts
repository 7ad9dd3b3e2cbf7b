import { createLogger, TestClock, type Transactions } from '@reglament/shared/platform';
import { CoverageWatch } from '../../src/application/calendar-coverage';
import type { CalendarCatalog } from '../../src/application/calendar-catalog';

/**
 * The production-calendar coverage watch (issue 13) looks once an hour and whenever the clock
 * moves. A look that fails (here: the catalog cannot be read, as at a start racing the calendar
 * import) is logged and the next look tries again; it never stops the process. It did: the
 * failure escaped as an unhandled rejection and the SLA service exited 1 at start.
 */
describe('the calendar coverage watch survives a failed look', () => {
  it('logs the failure, raises no unhandled rejection, and looks again when the clock moves', async () => {
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listener);
    let looks = 0;
    const catalog = {
      refresh: async () => {
        looks++;
        throw new Error('no production calendar "kz" is loaded (known: ru)');
      },
      productionCalendars: () => [],
    } as unknown as CalendarCatalog;
    const transactions = { dataSource: { manager: {} } } as unknown as Transactions;
    const clock = new TestClock(new Date('2026-12-07T10:00:00Z'));
    const watch = new CoverageWatch({ transactions, catalog, clock, log: createLogger('test', 'silent') });
    try {
      watch.start();
      await new Promise((resolve) => setTimeout(resolve, 50));
      clock.advance(60_000);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(looks).toBe(2); // at start, and again when the clock moved
      expect(unhandled).toEqual([]);
    } finally {
      await watch.stop();
      process.off('unhandledRejection', listener);
    }
  });
});
