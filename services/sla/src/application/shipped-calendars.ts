import { formatIsoDate, KZ_PRODUCTION_CALENDAR, type ProductionCalendar, RU_PRODUCTION_CALENDAR } from '../calendar';
import type { CalendarYearData } from '../domain/production-calendars/year-data';

/** The production calendars shipped as data files, and the zone whose dates count their days left. */
export const SHIPPED_CALENDARS: readonly { calendar: ProductionCalendar; timeZone: string }[] = [
  { calendar: RU_PRODUCTION_CALENDAR, timeZone: 'Europe/Moscow' },
  { calendar: KZ_PRODUCTION_CALENDAR, timeZone: 'Asia/Almaty' },
];

/** A shipped year as import data. */
export function shippedYear(calendar: ProductionCalendar, year: number): CalendarYearData {
  const data = calendar.year(year)!;
  const dates = (days: ReadonlySet<number>) => [...days].sort((a, b) => a - b).map(formatIsoDate);
  return {
    year,
    holidays: dates(data.daysOff),
    workingWeekends: dates(data.workingWeekends),
    shortDays: dates(data.shortDays),
    source: data.sources.join('; ') || `shipped data file ${calendar.id}/${year}.json`,
  };
}
