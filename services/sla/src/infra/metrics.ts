import { createHash, timingSafeEqual } from 'node:crypto';
import type { Route } from '@reglament/shared/platform';
import { Gauge, Registry } from 'prom-client';
import type { CalendarCoverageRow } from '../application/calendar-coverage';

/**
 * The SLA part's Prometheus metrics (GET /metrics on its own port), built like the gateway's:
 * one registry per part instance, so two in one process (tests) never share series.
 */
export class SlaMetrics {
  readonly registry: Registry;

  /**
   * `registry`: the part's own (ServiceRuntime's, which serves /metrics with the Node defaults);
   * unset: a registry of its own with the defaults. `scheduler`: due backlog and lateness.
   */
  constructor(
    coverage: () => Promise<CalendarCoverageRow[]>,
    registry?: Registry,
    scheduler?: { dueBacklog(): Promise<number>; latenessSeconds(): Promise<number> },
  ) {
    this.registry = registry ?? new Registry();
    const registers = [this.registry];
    new Gauge({
      name: 'reglament_sla_production_calendar_days_left',
      help:
        'Days from today (the calendar zone) through the last date a production calendar has data for, today ' +
        'included; 0 once it ran out. Import the next year before it reaches 0 (alarm from 60).',
      labelNames: ['calendar'],
      registers,
      async collect() {
        this.reset();
        for (const row of await coverage()) this.set({ calendar: row.calendarId }, row.daysLeft);
      },
    });
    if (scheduler) {
      new Gauge({
        name: 'reglament_sla_scheduler_due_backlog',
        help: 'Tickets with a due instant (warning, deadline, auto-close) that has passed and not yet fired (counted up to 10000)',
        registers,
        async collect() {
          this.set(await scheduler.dueBacklog());
        },
      });
      new Gauge({
        name: 'reglament_sla_scheduler_lateness_seconds',
        help: 'How long ago the earliest unfired due instant passed (0 when nothing is overdue)',
        registers,
        async collect() {
          this.set(await scheduler.latenessSeconds());
        },
      });
    }
  }

  /** `GET /metrics`; with a token set, only `Authorization: Bearer <token>` is answered. */
  route(token: string | undefined): Route {
    return async (req, res, url) => {
      if (url.pathname !== '/metrics') return false;
      if (token && !bearerIs(req.headers.authorization, token)) {
        res.writeHead(401, {
          'content-type': 'text/plain; charset=utf-8',
          'www-authenticate': 'Bearer realm="metrics"',
        });
        res.end('401 /metrics needs "Authorization: Bearer <METRICS_TOKEN>"\n');
        return true;
      }
      res.writeHead(200, { 'content-type': this.registry.contentType });
      res.end(await this.registry.metrics());
      return true;
    };
  }
}

/** Compares a bearer token in constant time (the scraper's token is a secret). */
function bearerIs(header: string | undefined, token: string): boolean {
  const given = /^Bearer (.+)$/i.exec(header ?? '')?.[1] ?? '';
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b);
}
