import { type Caller, makeEvent, newId, signCaller } from '@reglament/shared/domain';
import { closePlatform, createPlatform } from '@reglament/shared/platform';
import { eventually, TEST_SECRET } from '@reglament/shared/testing';
import { startSla } from '../../src/app';
import { KZ_2027_SAMPLE_JSON } from './calendar-samples';
import { SlaHarness } from './harness';
import { TicketEvents } from './ticket-events';

const ORG = newId();
const admin: Caller = { kind: 'user', id: newId(), role: 'ADMIN', organizationId: null, name: 'Admin' };
const customer: Caller = { kind: 'user', id: newId(), role: 'CUSTOMER', organizationId: ORG, name: 'Customer' };
const until = (check: () => Promise<void> | void) =>
  eventually(async () => {
    await check();
    return true;
  });

const COVERAGE = `{ calendarCoverage { calendarId lastYear coveredUntil daysLeft low } }`;
const TIMERS = `query($id: ID!) { _entities(representations: [{ __typename: "Ticket", id: $id }]) {
  ... on Ticket { sla { timers { metric deadline provisional } } } } }`;
type Timers = { _entities: { sla: { timers: { metric: string; deadline: string | null; provisional: boolean }[] } }[] };

/** R-SLA-2 "never silent", the KZ calendar on kz-supplier clocks and R-CON-8, on real PostgreSQL and NATS. */
describe('R-SLA-2 production calendar coverage, KZ clocks and contract coverage', () => {
  let h: SlaHarness;
  beforeAll(async () => {
    h = await SlaHarness.start();
  });
  afterAll(async () => {
    await h?.stop();
  });

  const kzCoverage = async (caller = admin) => {
    const result = await h.gql<{ calendarCoverage: { calendarId: string; daysLeft: number; low: boolean }[] }>(
      COVERAGE,
      {},
      caller,
    );
    return result.data?.calendarCoverage.find((c) => c.calendarId === 'kz') ?? result.errors?.[0];
  };
  const metric = async () => {
    const text = await (await fetch(`http://127.0.0.1:${h.sla.port}/metrics`)).text();
    return Number(/reglament_sla_production_calendar_days_left\{calendar="kz"\} (\d+)/.exec(text)?.[1]);
  };
  const alarms = () =>
    h.out.flatMap((d) =>
      d.event.type === 'sla.calendar.coverage_low' && d.event.data.calendarId === 'kz' ? [d.event] : [],
    );
  const timerOf = async (ticketId: string, metricName: string) =>
    (await h.gql<Timers>(TIMERS, { id: ticketId }, admin)).data?._entities[0]?.sla.timers.find(
      (t) => t.metric === metricName,
    );

  it('counts the days left down on the test clock, warns weekly from 60 days before the end, and stays ready', async () => {
    await h.at('2026-11-01T12:00:00Z'); // 17:00 in Almaty, Sunday 1 November 2026
    await h.sla.app.coverage.check();
    // (The alarm raised at start, on the real date, may still be on its way: alarms are told apart
    // by the instant they were raised at.)
    const raisedAt = (iso: string) => alarms().filter((e) => e.occurredAt === iso);
    // KZ data ends 2026-12-31: 1 Nov .. 31 Dec = 30 + 31 = 61 days, today included.
    expect(await kzCoverage()).toEqual({
      calendarId: 'kz',
      lastYear: 2026,
      coveredUntil: '2026-12-31',
      daysLeft: 61,
      low: false,
    });
    expect(await metric()).toBe(61);

    await h.at('2026-11-02T12:00:00Z'); // 60 days left: the first alarm
    const first = await eventually(() => raisedAt('2026-11-02T12:00:00.000Z')[0]);
    expect(first.organizationId).toBeNull();
    expect(first.data).toEqual({
      calendarId: 'kz',
      calendarName: 'Production calendar of the Republic of Kazakhstan',
      country: 'KZ',
      lastYear: 2026,
      coveredUntil: '2026-12-31',
      daysLeft: 60,
      thresholdDays: 60,
    });
    expect(await kzCoverage()).toMatchObject({ daysLeft: 60, low: true });
    expect(await metric()).toBe(60);
    const ready = await fetch(`http://127.0.0.1:${h.sla.port}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ready',
      degraded: { 'productionCalendar:kz': 'data ends 2026-12-31 (60 days left): import 2027' },
    });

    // Four days later: within the week, no second alarm (the check itself says it raised none).
    await h.at('2026-11-06T12:00:00Z');
    expect(await h.sla.app.coverage.check()).toBe(0);
    expect(await metric()).toBe(56);
    // A week after the first: the second, with 53 days left.
    await h.at('2026-11-09T12:00:00Z');
    const second = await eventually(() => raisedAt('2026-11-09T12:00:00.000Z')[0]);
    expect(second.data).toMatchObject({ daysLeft: 53 });
    expect(alarms().filter((e) => e.occurredAt.startsWith('2026-11'))).toHaveLength(2);
    // A customer does not read operational coverage.
    expect(await kzCoverage(customer)).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
  });

  it('R-SLA-1 the KZ moved days shape a kz-supplier deadline; the contract its own days off add to them', async () => {
    // Sat 4 January 2025, 17:00 Almaty (UTC+5): an error report. Term agreement, 2 working hours.
    await h.at('2025-01-04T12:00:00Z');
    const plain = new TicketEvents({
      organizationId: ORG,
      contractId: newId(),
      preset: 'kz-supplier',
      category: 'ERROR',
    });
    await h.publish(plain.registered('2025-01-04T12:00:00Z'));
    // Sunday 5 January 2025 was a working day (its day off moved to Friday 3 January): 09:00-11:00
    // Almaty = 06:00Z on Sunday, not Monday.
    await until(async () =>
      expect(await timerOf(plain.ticketId, 'TERM_AGREEMENT')).toEqual({
        metric: 'TERM_AGREEMENT',
        deadline: '2025-01-05T06:00:00.000Z',
        provisional: false,
      }),
    );
    // A contract listing 5 January as its own day off: Mon 6 January 09:00-11:00 Almaty = 06:00Z.
    const contractId = newId();
    await h.publish(
      makeEvent(
        'contracts.contract.created',
        ORG,
        {
          contractId,
          organizationId: ORG,
          number: 'KZ-1',
          preset: 'kz-supplier',
          status: 'ACTIVE',
          startsOn: '2025-01-01',
          endsOn: '2025-12-31',
          products: [],
          coverage: '9x5x2',
          timeZone: 'Asia/Almaty',
          prerequisites: [],
          holidays: ['2025-01-05'],
        },
        { source: 'contracts', occurredAt: new Date('2025-01-01T00:00:00Z') },
      ),
    );
    await until(async () => {
      const rows = (await h.sla.runtime.dataSource.query('SELECT 1 FROM sla_contracts WHERE contract_id = $1', [
        contractId,
      ])) as unknown[];
      expect(rows).toHaveLength(1);
    });
    const own = new TicketEvents({ organizationId: ORG, contractId, preset: 'kz-supplier', category: 'ERROR' });
    await h.publish(own.registered('2025-01-04T12:00:00Z'));
    await until(async () =>
      expect((await timerOf(own.ticketId, 'TERM_AGREEMENT'))?.deadline).toBe('2025-01-06T06:00:00.000Z'),
    );
    // Across Almaty's move to UTC+5: Thu 29 Feb 2024 17:00 (UTC+6, 11:00Z) + 2 h = 1 h on Thursday,
    // 1 h on Fri 1 March 09:00-10:00 at UTC+5 = 05:00Z.
    await h.at('2024-02-29T11:00:00Z');
    const leap = new TicketEvents({
      organizationId: ORG,
      contractId: newId(),
      preset: 'kz-supplier',
      category: 'ERROR',
    });
    await h.publish(leap.registered('2024-02-29T11:00:00Z'));
    await until(async () =>
      expect((await timerOf(leap.ticketId, 'TERM_AGREEMENT'))?.deadline).toBe('2024-03-01T05:00:00.000Z'),
    );
  });

  it('R-CON-8 the coverage sets the hours and the priority-1 answer time; a contract may name its own zone', async () => {
    await h.at('2025-03-03T06:00:00Z'); // Mon 3 March 2025, 09:00 Moscow, 11:00 Almaty, 10:00 Samara
    const contract = (coverage: string, timeZone: string) => {
      const contractId = newId();
      return {
        contractId,
        event: makeEvent(
          'contracts.contract.created',
          ORG,
          {
            contractId,
            organizationId: ORG,
            number: contractId.slice(0, 8),
            preset: 'imc-typical',
            status: 'ACTIVE',
            startsOn: '2025-01-01',
            endsOn: '2025-12-31',
            products: [],
            coverage,
            timeZone,
            prerequisites: [],
            holidays: [],
          },
          { source: 'contracts', occurredAt: new Date('2025-01-01T00:00:00Z') },
        ),
      };
    };
    // imc-typical's own coverage is 9x5 (09:00-18:00 Moscow). 12x5x2 in Samara (UTC+4): 09:00-21:00
    // Samara, and Urgent tickets get 2 working hours of primary analysis instead of 1 working day.
    const extended = contract('12x5x2', 'Europe/Samara');
    await h.publish(extended.event);
    await until(async () => {
      const rows = (await h.sla.runtime.dataSource.query('SELECT 1 FROM sla_contracts WHERE contract_id = $1', [
        extended.contractId,
      ])) as unknown[];
      expect(rows).toHaveLength(1);
    });
    // Registered Mon 19:30 Samara (15:30Z): Urgent, 2 working hours = 19:30-21:00 (1.5 h) + 30 min from
    // Tue 09:00 Samara = Tue 09:30 Samara = 05:30Z.
    await h.at('2025-03-03T15:30:00Z');
    const urgent = new TicketEvents({
      organizationId: ORG,
      contractId: extended.contractId,
      preset: 'imc-typical',
      priority: 'URGENT',
    });
    await h.publish(urgent.registered('2025-03-03T15:30:00Z'));
    await until(async () =>
      expect((await timerOf(urgent.ticketId, 'ANALYSIS'))?.deadline).toBe('2025-03-04T05:30:00.000Z'),
    );
    // A Normal ticket keeps 1 working day: Tue 19:30 Samara = 15:30Z.
    const normal = new TicketEvents({
      organizationId: ORG,
      contractId: extended.contractId,
      preset: 'imc-typical',
      priority: 'NORMAL',
    });
    await h.publish(normal.registered('2025-03-03T15:30:00Z'));
    await until(async () =>
      expect((await timerOf(normal.ticketId, 'ANALYSIS'))?.deadline).toBe('2025-03-04T15:30:00.000Z'),
    );
  });

  it('a second replica learns of an import at once, without a restart (revision check)', async () => {
    const platform = await createPlatform({
      name: 'sla-2',
      natsUrl: h.nats.url,
      eventPrefix: h.nats.prefix,
      internalSecret: TEST_SECRET,
      testClock: true,
      logLevel: 'silent',
    });
    const replica = await startSla(platform, {
      port: 0,
      databaseUrl: h.db.url,
      dataDir: '.data/unused',
      scheduler: false,
    });
    try {
      const addOnReplica = async () => {
        const response = await fetch(replica.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...signCaller(admin, TEST_SECRET) },
          body: JSON.stringify({
            query: `{ businessCalendars { id addWorkingTime(from: "2027-03-12T12:00:00Z", minutes: 120) } }`,
          }),
        });
        const body = (await response.json()) as {
          data: { businessCalendars: { id: string; addWorkingTime: string }[] };
        };
        return body.data.businessCalendars.find((c) => c.id === 'almaty-0900-1800')!.addWorkingTime;
      };
      // Fri 12 March 2027 17:00 Almaty + 2 h. Without KZ 2027: 1 h Friday, 1 h Mon 15 March 09:00-10:00.
      expect(await addOnReplica()).toBe('2027-03-15T05:00:00.000Z');
      const imported = await h.gql<{ importProductionCalendar: { change: string }[] }>(
        `mutation($data: String!) { importProductionCalendar(id: "kz", format: REGLAMENT_JSON, data: $data) { change } }`,
        { data: KZ_2027_SAMPLE_JSON },
        admin,
      );
      expect(imported.data?.importProductionCalendar).toEqual([{ change: 'ADDED' }]);
      // The sample makes Mon 15 March (Constitution Day) a holiday: the second hour is Tue 16 March.
      expect(await addOnReplica()).toBe('2027-03-16T05:00:00.000Z');
    } finally {
      await replica.stop();
      await closePlatform(platform);
    }
  });
});
