import type { CalendarDefinition, WeeklyHoursDefinition, WorkingIntervalDefinition } from '../calendar';

/** R-CON-8: "<hours a day>x<days a week>[x<hours to the answer for priority 1>]", e.g. 8x5x4, 24x7. */
export interface Coverage {
  hoursPerDay: number;
  daysPerWeek: number;
  answerHours: number | null;
}

const COVERAGE = /^(\d{1,2}(?:\.\d{1,2})?)x([1-7])(?:x(\d{1,3}(?:\.\d{1,2})?))?$/;

/** The coverage of a text (contracts validated it already); null when it is not one. */
export function parseCoverage(text: string | null | undefined): Coverage | null {
  if (!text) return null;
  const match = COVERAGE.exec(text.trim().toLowerCase().replace(/[*х×]/g, 'x'));
  if (!match) return null;
  const hoursPerDay = Number(match[1]);
  if (hoursPerDay <= 0 || hoursPerDay > 24) return null;
  return { hoursPerDay, daysPerWeek: Number(match[2]), answerHours: match[3] === undefined ? null : Number(match[3]) };
}

export const isAlwaysOn = (c: Coverage | null): boolean => c !== null && c.hoursPerDay === 24 && c.daysPerWeek === 7;

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * The calendar of a contract (R-CON-8) from its preset's calendar:
 * - the preset's own coverage (hours and days as its default) keeps the preset's hours (e.g.
 *   altec's 8x5 service inside the 09:00-18:00 reception);
 * - another option sets `hoursPerDay` hours a day from the preset's opening time (earlier when
 *   they would run past midnight) on the first `daysPerWeek` days from Monday; 7 days a week
 *   works every day of the year (no production calendar), fewer keep its holidays and moves;
 * - the contract's own zone replaces the preset's (the production calendar's dates are then that
 *   zone's dates); the contract's own days off come on top.
 */
export function contractCalendarDefinition(
  base: CalendarDefinition,
  presetCoverage: Coverage | null,
  contract: { coverage: Coverage | null; timeZone: string | null; holidays: readonly string[] },
): CalendarDefinition {
  const coverage = contract.coverage;
  const reshaped =
    coverage !== null &&
    (presetCoverage === null ||
      coverage.hoursPerDay !== presetCoverage.hoursPerDay ||
      coverage.daysPerWeek !== presetCoverage.daysPerWeek);
  const definition: CalendarDefinition = {
    ...structuredClone(base),
    timeZone: contract.timeZone ?? base.timeZone,
    holidays: [...new Set([...(base.holidays ?? []), ...contract.holidays])].sort(),
  };
  if (!reshaped) return definition;
  const length = Math.round(coverage.hoursPerDay * 60);
  const firstDay = DAYS.map((d) => base.weeklyHours[d]?.[0]).find((hours) => hours !== undefined);
  const start = Math.max(0, Math.min(firstDay ? minutesOf(firstDay.from) : 9 * 60, 24 * 60 - length));
  const day: readonly WorkingIntervalDefinition[] = [{ from: clock(start), to: clock(start + length) }];
  const weeklyHours: WeeklyHoursDefinition = Object.fromEntries(
    DAYS.slice(0, coverage.daysPerWeek).map((d) => [d, day]),
  );
  const { productionCalendar, ...rest } = definition;
  return coverage.daysPerWeek === 7 || productionCalendar === undefined
    ? { ...rest, weeklyHours }
    : { ...rest, weeklyHours, productionCalendar };
}

/**
 * R-CON-8: working minutes the coverage's third figure gives Urgent tickets, when the contract's
 * figure differs from its preset's (the preset's own figure is already its target); else null.
 */
export function coverageAnswerMinutes(coverage: Coverage | null, presetCoverage: Coverage | null): number | null {
  if (coverage?.answerHours == null || coverage.answerHours === presetCoverage?.answerHours) return null;
  return Math.round(coverage.answerHours * 60);
}
