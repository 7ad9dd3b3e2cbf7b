import meta from '../../../data/production-calendar/ru/_meta.json';
import year2024 from '../../../data/production-calendar/ru/2024.json';
import year2025 from '../../../data/production-calendar/ru/2025.json';
import year2026 from '../../../data/production-calendar/ru/2026.json';
import { loadProductionCalendar, type ProductionCalendar } from './production-calendar';

/**
 * The production calendar of the Russian Federation (R-SLA-2): public holidays, days off moved
 * by decree, working Saturdays and shortened pre-holiday days, one data file per year.
 * A new year: add `data/production-calendar/ru/<year>.json` and import it here.
 */
export const RU_PRODUCTION_CALENDAR: ProductionCalendar = loadProductionCalendar(meta, [year2024, year2025, year2026]);
