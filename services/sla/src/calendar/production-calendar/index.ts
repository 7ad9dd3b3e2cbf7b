import { KZ_PRODUCTION_CALENDAR } from './kz';
import { RU_PRODUCTION_CALENDAR } from './ru';
import type { ProductionCalendar } from './production-calendar';

export { loadProductionCalendar } from './production-calendar';
export type { ProductionCalendar, ProductionCalendarYear } from './production-calendar';
export { KZ_PRODUCTION_CALENDAR } from './kz';
export { RU_PRODUCTION_CALENDAR } from './ru';

/**
 * The production calendars shipped as data files: what a definition can name in
 * `productionCalendar.id` when no other set is given, and what the SLA service loads into its
 * tables on first start (after that, its tables are the truth and years come by import).
 */
export const BUILT_IN_PRODUCTION_CALENDARS: ReadonlyMap<string, ProductionCalendar> = new Map([
  [RU_PRODUCTION_CALENDAR.id, RU_PRODUCTION_CALENDAR],
  [KZ_PRODUCTION_CALENDAR.id, KZ_PRODUCTION_CALENDAR],
]);
