import { closeServer, createHttpServer, listen } from '@reglament/shared/platform';
import type { CalendarCoverageRow } from '../../src/application/calendar-coverage';
import { SlaMetrics } from '../../src/infra/metrics';

const row = (calendarId: string, daysLeft: number): CalendarCoverageRow => ({
  calendarId,
  name: calendarId,
  country: calendarId.toUpperCase(),
  timeZone: 'UTC',
  lastYear: 2026,
  coveredUntil: '2026-12-31',
  daysLeft,
  low: daysLeft <= 60,
});

/** The SLA part's GET /metrics: the days-left gauge per production calendar, behind METRICS_TOKEN when set. */
describe('SLA /metrics', () => {
  it('exposes the days left per production calendar, and refuses a scraper without the token', async () => {
    let coverage = [row('ru', 25), row('kz', 61)];
    const metrics = new SlaMetrics(() => Promise.resolve(coverage));
    const token = 'scraper-token-0123456789';
    const server = createHttpServer([metrics.route(token)], () => undefined);
    const port = await listen(server, 0, '127.0.0.1');
    try {
      const scrape = (auth?: string) =>
        fetch(`http://127.0.0.1:${port}/metrics`, auth ? { headers: { authorization: auth } } : {});
      expect((await scrape()).status).toBe(401);
      expect((await scrape('Bearer wrong-token-0123456789')).status).toBe(401);
      const text = await (await scrape(`Bearer ${token}`)).text();
      expect(text).toContain('reglament_sla_production_calendar_days_left{calendar="ru"} 25');
      expect(text).toContain('reglament_sla_production_calendar_days_left{calendar="kz"} 61');
      // Each scrape asks again: a calendar gone from the answer leaves no stale series.
      coverage = [row('ru', 24)];
      const next = await (await scrape(`Bearer ${token}`)).text();
      expect(next).toContain('reglament_sla_production_calendar_days_left{calendar="ru"} 24');
      expect(next).not.toContain('calendar="kz"');
    } finally {
      await closeServer(server);
    }
  });
});
