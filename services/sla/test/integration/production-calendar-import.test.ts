import { type Caller, newId } from '@reglament/shared/domain';
import { eventually } from '@reglament/shared/testing';
import { CalendarRecomputes } from '../../src/application/calendar-recomputes';
import type { TicketClocks } from '../../src/application/ticket-clocks';
import { PRESET_POLICIES } from '../../src/domain/presets';
import { RU_2027_SAMPLE_WITH_DEC_31, RU_2027_SAMPLE_XML } from './calendar-samples';
import { SlaHarness } from './harness';
import { TicketEvents } from './ticket-events';

const ORG = newId();
/** Waits until the assertions in `check` pass. */
const until = (check: () => Promise<void> | void) =>
  eventually(async () => {
    await check();
    return true;
  });
const admin: Caller = { kind: 'user', id: newId(), role: 'ADMIN', organizationId: null, name: 'Admin' };
const dispatcher: Caller = { kind: 'user', id: newId(), role: 'DISPATCHER', organizationId: null, name: 'Disp' };

const IMPORT = `mutation($id: ID!, $format: ProductionCalendarFormat!, $data: String!) {
  importProductionCalendar(id: $id, format: $format, data: $data) {
    year workingDays workingHours shortenedDays source loadedAt change days { date before after } } }`;
const CALENDARS = `{ productionCalendars { id country usedBy years { year workingDays workingHours shortenedDays loadedAt } } }`;
const TIMERS = `query($id: ID!) { _entities(representations: [{ __typename: "Ticket", id: $id }]) {
  ... on Ticket { sla { timers { metric deadline provisional } } } } }`;

interface Year {
  year: number;
  workingDays: number;
  workingHours: number;
  shortenedDays: number;
  loadedAt: string;
  change: string | null;
  days: { date: string; before: string; after: string }[];
}
type Timers = { _entities: { sla: { timers: { metric: string; deadline: string | null; provisional: boolean }[] } }[] };

/** R-SLA-2 on real PostgreSQL and NATS: importing production calendar years through the API. */
describe('R-SLA-2 production calendars imported at run time', () => {
  let h: SlaHarness;
  beforeAll(async () => {
    h = await SlaHarness.start();
  });
  afterAll(async () => {
    await h?.stop();
  });

  const importFile = (data: string, id = 'ru', format = 'XMLCALENDAR_XML', caller = admin) =>
    h.gql<{ importProductionCalendar: Year[] }>(IMPORT, { id, format, data }, caller);
  const calendars = async () =>
    (await h.gql<{ productionCalendars: { id: string; usedBy: string[]; years: Year[] }[] }>(CALENDARS, {}, dispatcher))
      .data!.productionCalendars;
  const analysisOf = async (ticketId: string) =>
    (await h.gql<Timers>(TIMERS, { id: ticketId }, admin)).data!._entities[0]!.sla.timers.find(
      (t) => t.metric === 'ANALYSIS',
    );
  const imported = () =>
    h.out.flatMap((d) => (d.event.type === 'sla.production_calendar.imported' ? [{ event: d.event }] : []));

  it('loads the shipped RU and KZ years on first start, with their figures', async () => {
    const list = await calendars();
    const figures = (id: string) =>
      list.find((c) => c.id === id)!.years.map((y) => [y.year, y.workingDays, y.workingHours, y.shortenedDays]);
    // RU: 248 / 247 / 247 days; 40-h norms 1979 = 248 x 8 - 5 shortened days, 1972 = 247 x 8 - 4.
    expect(figures('ru')).toEqual([
      [2024, 248, 1979, 5],
      [2025, 247, 1972, 4],
      [2026, 247, 1972, 4],
    ]);
    // KZ (no shortened days): 2024 366 - 117 days off = 249; 2025 365 - 119 = 246; 2026 247 (31 August
    // worked since 30 August stopped being a holiday). Hours = 8 x days.
    expect(figures('kz')).toEqual([
      [2024, 249, 1992, 0],
      [2025, 246, 1968, 0],
      [2026, 247, 1976, 0],
    ]);
    expect(list.find((c) => c.id === 'kz')!.usedBy).toEqual(['almaty-0900-1800']);
    expect(list.find((c) => c.id === 'ru')!.usedBy.sort()).toEqual(['msk-0800-1800', 'msk-0845-1700', 'msk-0900-1800']);
  });

  it('refuses a malformed or implausible file with the reason, and changes nothing', async () => {
    const before = await calendars();
    const eventsBefore = imported().length;
    const day = (d: string, t: string) =>
      RU_2027_SAMPLE_XML.replace('  </days>', `    <day d="${d}" t="${t}"/>\n  </days>`);
    // Every weekday of June and July 2027 off but the two already listed (11 and 14 June): 22 + 22
    // weekdays, 42 new days off: 249 - 42 = 207 working days.
    const summer = Array.from({ length: 61 }, (_, i) => new Date(Date.UTC(2027, 5, 1 + i)))
      .filter((d) => d.getUTCDay() % 6 !== 0 && !['06-11', '06-14'].includes(d.toISOString().slice(5, 10)))
      .map((d) => `<day d="${d.toISOString().slice(5, 7)}.${d.toISOString().slice(8, 10)}" t="1"/>`)
      .join('');
    const cases: [string, string, string, string, Caller?][] = [
      [
        RU_2027_SAMPLE_XML.replace('<day d="01.02" t="1" h="1"/>', '<day d="01.02" t="1">'),
        'ru',
        'XMLCALENDAR_XML',
        'not well-formed XML',
      ],
      [day('02.30', '1'), 'ru', 'XMLCALENDAR_XML', '"2027-02-30" is not a real date'],
      [day('01.08', '3'), 'ru', 'XMLCALENDAR_XML', '01.08 is listed twice (t=1 and t=3)'],
      [day('01.12', '3'), 'ru', 'XMLCALENDAR_XML', '2027-01-12 is a Tuesday: only a Saturday or Sunday'],
      [day('03.05', '4'), 'ru', 'XMLCALENDAR_XML', 't is 1 (day off), 2 (shortened day) or 3'],
      [RU_2027_SAMPLE_XML.replace('  </days>', `${summer}</days>`), 'ru', 'XMLCALENDAR_XML', '207 working days'],
      [RU_2027_SAMPLE_XML, 'kz', 'XMLCALENDAR_XML', 'the file is for country "ru"'],
      [`<!DOCTYPE x [<!ENTITY a "b">]>${RU_2027_SAMPLE_XML.slice(39)}`, 'ru', 'XMLCALENDAR_XML', 'DOCTYPE'],
      [`${RU_2027_SAMPLE_XML}<!--${'x'.repeat(262_144)}-->`, 'ru', 'XMLCALENDAR_XML', 'at most 262144 bytes'],
      ['{"year": 2027, "holidays": ["2027-01-01",', 'ru', 'REGLAMENT_JSON', 'not valid JSON'],
      [
        '{"year": 2026, "holidays": ["2027-01-01"], "source": "x"}',
        'ru',
        'REGLAMENT_JSON',
        '2027-01-01 is not in 2026',
      ],
      ['{"year": 1899, "source": "x"}', 'ru', 'REGLAMENT_JSON', 'from 2000 to 2100'],
      ['{"year": 2027, "days": [{"d": "13.01", "t": 1}]}', 'ru', 'XMLCALENDAR_JSON', '"2027-13-01" is not a real date'],
    ];
    for (const [data, id, format, message] of cases) {
      const result = await importFile(data, id, format);
      expect(result.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toContain(message);
    }
    const unknown = await importFile(RU_2027_SAMPLE_XML, 'xx');
    expect(unknown.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    expect(unknown.errors?.[0]?.message).toContain('known: kz, ru');
    expect((await importFile(RU_2027_SAMPLE_XML, 'ru', 'XMLCALENDAR_XML', dispatcher)).errors?.[0]).toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
    expect(await calendars()).toEqual(before);
    expect(imported()).toHaveLength(eventsBefore);
  });

  it('an imported year moves a running deadline across its new holidays, publishes the change and clears provisional', async () => {
    await h.at('2026-12-30T07:00:00Z'); // Wed 30 Dec 2026, 10:00 Moscow
    const t = new TicketEvents({ organizationId: ORG, contractId: newId(), preset: 'imc-typical' });
    await h.publish(t.registered('2026-12-30T07:00:00Z'));
    // ANALYSIS, 1 working day: Thu 31 Dec 2026 is a day off (RU 2026), so the next working day.
    // Without 2027 data Fri 1 Jan 2027 is a plain Friday: 10:00 Moscow = 07:00Z, provisional.
    await until(async () =>
      expect(await analysisOf(t.ticketId)).toEqual({
        metric: 'ANALYSIS',
        deadline: '2027-01-01T07:00:00.000Z',
        provisional: true,
      }),
    );

    const result = await importFile(RU_2027_SAMPLE_XML);
    // 261 weekdays in 2027 less 12 off (1, 4-8 Jan, 23 Feb, 8 Mar, 3 and 10 May, 14 Jun, 4 Nov) = 249;
    // hours 249 x 8 - 4 shortened days = 1988.
    expect(result.data?.importProductionCalendar).toMatchObject([
      { year: 2027, change: 'ADDED', workingDays: 249, workingHours: 1988, shortenedDays: 4 },
    ]);
    expect(result.data!.importProductionCalendar[0]!.days.slice(0, 2)).toEqual([
      { date: '2027-01-01', before: 'REGULAR', after: 'DAY_OFF' },
      { date: '2027-01-02', before: 'REGULAR', after: 'DAY_OFF' },
    ]);
    // 1-8 January off, 9-10 a weekend: Mon 11 January 10:00 Moscow.
    await until(async () =>
      expect(await analysisOf(t.ticketId)).toEqual({
        metric: 'ANALYSIS',
        deadline: '2027-01-11T07:00:00.000Z',
        provisional: false,
      }),
    );
    // (The shipped years loaded at start were announced too, as format SHIPPED.)
    const event = await eventually(() => imported().find((d) => d.event.data.format === 'XMLCALENDAR_XML'));
    expect(event.event.data).toMatchObject({ calendarId: 'ru', importedBy: admin.kind === 'user' ? admin.id : null });
    expect(event.event.organizationId).toBeNull();
    const moved = await eventually(() => h.eventsOf(t.ticketId, 'sla.timer.deadline_changed')[0]);
    expect(moved.event.data).toMatchObject({ metric: 'ANALYSIS', deadline: '2027-01-11T07:00:00.000Z' });
    expect(moved.event.causationId).toBe(event.event.id);
  });

  it('re-importing an unchanged year changes nothing; a changed one says what changed', async () => {
    const before = (await calendars()).find((c) => c.id === 'ru')!.years.find((y) => y.year === 2027)!;
    const events = imported().length;
    const again = await importFile(RU_2027_SAMPLE_XML);
    expect(again.data?.importProductionCalendar).toMatchObject([
      { year: 2027, change: 'UNCHANGED', days: [], loadedAt: before.loadedAt },
    ]);
    const [{ n }] = (await h.sla.runtime.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox WHERE payload->>'type' = 'sla.production_calendar.imported'`,
    )) as { n: number }[];
    expect(n).toBe(events);

    const changed = await importFile(RU_2027_SAMPLE_WITH_DEC_31);
    // One more weekday off (Fri 31 December): 248 days, 248 x 8 - 4 = 1980 h.
    expect(changed.data?.importProductionCalendar).toMatchObject([
      {
        year: 2027,
        change: 'REPLACED',
        workingDays: 248,
        workingHours: 1980,
        days: [{ date: '2027-12-31', before: 'REGULAR', after: 'DAY_OFF' }],
      },
    ]);
    await until(() => expect(imported().length).toBe(events + 1));
  });

  it('recomputes open tickets in bounded batches: a crash mid-way loses nothing and publishes nothing twice', async () => {
    await h.at('2027-12-29T07:00:00Z'); // Wed 29 Dec 2027, 10:00 Moscow
    const tickets = Array.from(
      { length: 5 },
      () => new TicketEvents({ organizationId: ORG, contractId: newId(), preset: 'altec-8x5x4' }),
    );
    await h.publish(...tickets.map((t) => t.registered('2027-12-29T07:00:00Z')));
    // altec ANALYSIS (Normal) 60 working minutes: Wed 11:00 Moscow.
    for (const t of tickets) {
      await until(async () => expect((await analysisOf(t.ticketId))?.deadline).toBe('2027-12-29T08:00:00.000Z'));
    }
    // This replica's own worker stands aside; one with batches of 2 whose 3rd ticket fails once.
    await h.sla.app.recomputes.stop();
    let calls = 0;
    const clocks = h.sla.app.clocks;
    const failing = {
      recompute: (...args: Parameters<TicketClocks['recompute']>) => {
        if (++calls === 3) throw new Error('replica died');
        return clocks.recompute(...args);
      },
    } as TicketClocks;
    const worker = (c: TicketClocks) =>
      new CalendarRecomputes({
        transactions: h.sla.app.transactions,
        clocks: c,
        catalog: h.sla.app.catalog,
        policies: PRESET_POLICIES,
        clock: h.sla.app.clock,
        log: h.platform.log,
        batchSize: 2,
      });
    // A change of 29 December 2027 (a day off now) moves every ANALYSIS deadline: its hour runs on the
    // next working day from the opening, Thu 30 Dec 09:00-10:00 Moscow = 07:00Z.
    const withDec29 = RU_2027_SAMPLE_WITH_DEC_31.replace('  </days>', '    <day d="12.29" t="1"/>\n  </days>');
    // The import wakes the (stopped) worker: nothing runs until ours does.
    expect((await importFile(withDec29)).errors).toBeUndefined();
    await expect(worker(failing).runPending()).rejects.toThrow('replica died');
    const [job] = (await h.sla.runtime.dataSource.query(
      'SELECT recomputed, done_at FROM sla_calendar_recomputes WHERE done_at IS NULL',
    )) as { recomputed: number; done_at: Date | null }[];
    expect(job).toEqual({ recomputed: 2, done_at: null }); // the first batch committed, the second rolled back
    expect(await worker(clocks).runPending()).toBeGreaterThanOrEqual(3);
    for (const t of tickets) {
      expect((await analysisOf(t.ticketId))?.deadline).toBe('2027-12-30T07:00:00.000Z');
      await until(() => expect(h.eventsOf(t.ticketId, 'sla.timer.deadline_changed')).toHaveLength(1));
    }

    // Imports in a row while no worker runs: one pending job, restarted for the latest import.
    expect((await importFile(RU_2027_SAMPLE_WITH_DEC_31)).errors).toBeUndefined();
    expect((await importFile(withDec29)).errors).toBeUndefined();
    const pending = (await h.sla.runtime.dataSource.query(
      `SELECT j.cause_event_id, j.after_ticket_id,
              (SELECT o.event_id FROM outbox o WHERE o.type = 'sla.production_calendar.imported'
               ORDER BY o.seq DESC LIMIT 1) AS latest
       FROM sla_calendar_recomputes j WHERE j.done_at IS NULL`,
    )) as { cause_event_id: string; after_ticket_id: string | null; latest: string }[];
    expect(pending).toHaveLength(1);
    expect(pending[0]!.after_ticket_id).toBeNull();
    expect(pending[0]!.cause_event_id).toBe(pending[0]!.latest);
    await worker(clocks).runPending();
    // Back where the batch left them: nothing moved, nothing published again.
    for (const t of tickets) {
      expect((await analysisOf(t.ticketId))?.deadline).toBe('2027-12-30T07:00:00.000Z');
      expect(h.eventsOf(t.ticketId, 'sla.timer.deadline_changed')).toHaveLength(1);
    }
  });
});
