import type { CalendarDefinition, WeeklyHoursDefinition, WorkingIntervalDefinition } from '../../src/calendar';

/** An instant from an ISO string with an explicit offset, e.g. "2025-01-09T09:00+03:00". */
export function at(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad instant in test: ${iso}`);
  return ms;
}

/** For readable failure messages. */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export function hours(...pairs: string[]): WorkingIntervalDefinition[] {
  return pairs.map((pair) => {
    const [from, to] = pair.split('-');
    return { from: from!, to: to! };
  });
}

export function weekdays(...pairs: string[]): WeeklyHoursDefinition {
  const day = hours(...pairs);
  return { mon: day, tue: day, wed: day, thu: day, fri: day };
}

export function everyDay(...pairs: string[]): WeeklyHoursDefinition {
  const day = hours(...pairs);
  return { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day };
}

export function definition(
  timeZone: string,
  weeklyHours: WeeklyHoursDefinition,
  extra: Partial<CalendarDefinition> = {},
): CalendarDefinition {
  return { id: 'test', name: 'Test calendar', timeZone, weeklyHours, ...extra };
}
