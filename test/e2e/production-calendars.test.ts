import { eventually } from '@reglament/shared/testing';
import { RU_2027_SAMPLE_XML } from '../../services/sla/test/integration/calendar-samples';
import { Seed } from '../support/seed';
import { TestSystem } from '../support/system';

/**
 * R-SLA-2 through the gateway on real PostgreSQL and NATS: a provider loads next year's production
 * calendar from a file and sees an open deadline move, the clock lose its provisional mark and the
 * coverage warning go away.
 */
describe('production calendars through the gateway', () => {
  let sys: TestSystem;
  let admin: string;
  let seed: Seed;

  beforeAll(async () => {
    sys = await TestSystem.start();
    // Wednesday 30 December 2026, 10:00 Moscow (07:00Z).
    seed = await Seed.on(sys, { clock: '2026-12-30T10:00:00+03:00' });
    admin = seed.admin;
  });
  afterAll(async () => {
    await sys?.stop();
  });

  it('an imported year moves an open deadline and ends the warning', async () => {
    const seeded = await seed.customer({
      preset: 'imc-typical',
      organization: { name: 'Calendar customer', email: 'it@calendar.example' },
      contact: { fullName: 'Pavel Customer', email: 'pavel@calendar.example', password: 'correct-horse-battery' },
      contract: { number: 'C-2027', startsOn: '2026-01-01', endsOn: '2027-12-31' },
    });
    const customer = seeded.token;
    const ticket = await seed.ticket(seeded, {
      input: { title: 'Reports fail', description: 'The year-end report fails' },
    });
    const analysis = async () =>
      (
        await sys.ok<{ ticket: { sla: { timers: { metric: string; deadline: string; provisional: boolean }[] } } }>(
          `query($id: ID!) { ticket(id: $id) { sla { timers { metric deadline provisional } } } }`,
          { id: ticket.id },
          customer,
        )
      ).ticket.sla.timers.find((t) => t.metric === 'ANALYSIS');
    const ruCoverage = async () =>
      (
        await sys.ok<{ calendarCoverage: { calendarId: string; lastYear: number; daysLeft: number; low: boolean }[] }>(
          `{ calendarCoverage { calendarId lastYear daysLeft low } }`,
          {},
          admin,
        )
      ).calendarCoverage.find((c) => c.calendarId === 'ru');

    // 1 working day: 31 December 2026 is off, 1 January 2027 has no data yet (a plain Friday).
    expect(await eventually(analysis)).toEqual({
      metric: 'ANALYSIS',
      deadline: '2027-01-01T07:00:00.000Z',
      provisional: true,
    });
    // 30 and 31 December left.
    expect(await ruCoverage()).toEqual({ calendarId: 'ru', lastYear: 2026, daysLeft: 2, low: true });

    const imported = await sys.ok<{
      importProductionCalendar: { year: number; change: string; workingDays: number }[];
    }>(
      `mutation($data: String!) { importProductionCalendar(id: "ru", format: XMLCALENDAR_XML, data: $data) {
         year change workingDays } }`,
      { data: RU_2027_SAMPLE_XML },
      admin,
    );
    expect(imported.importProductionCalendar).toEqual([{ year: 2027, change: 'ADDED', workingDays: 249 }]);
    // 1-8 January off, 9-10 a weekend: Monday 11 January, 10:00 Moscow.
    await eventually(async () => {
      const timer = await analysis();
      return timer?.deadline === '2027-01-11T07:00:00.000Z' && !timer.provisional;
    });
    // 30 Dec 2026 .. 31 Dec 2027: 2 + 365 days.
    expect(await ruCoverage()).toEqual({ calendarId: 'ru', lastYear: 2027, daysLeft: 367, low: false });
    // A customer may not import.
    const refused = await sys.gql(
      `mutation { importProductionCalendar(id: "ru", format: REGLAMENT_JSON, data: "{}") { year } }`,
      {},
      customer,
    );
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
  });
});
