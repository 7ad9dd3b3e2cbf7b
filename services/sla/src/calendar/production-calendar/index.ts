import { RU_PRODUCTION_CALENDAR } from './ru';
import type { ProductionCalendar } from './production-calendar';

export { loadProductionCalendar } from './production-calendar';
export type { ProductionCalendar, ProductionCalendarYear } from './production-calendar';
export { RU_PRODUCTION_CALENDAR } from './ru';

/** Production calendars that a definition can name in `productionCalendar.id`. */
export const BUILT_IN_PRODUCTION_CALENDARS: ReadonlyMap<string, ProductionCalendar> = new Map([
  [RU_PRODUCTION_CALENDAR.id, RU_PRODUCTION_CALENDAR],
]);
