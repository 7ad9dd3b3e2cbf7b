import meta from '../../../data/production-calendar/kz/_meta.json';
import year2024 from '../../../data/production-calendar/kz/2024.json';
import year2025 from '../../../data/production-calendar/kz/2025.json';
import year2026 from '../../../data/production-calendar/kz/2026.json';
import { loadProductionCalendar, type ProductionCalendar } from './production-calendar';

/**
 * The production calendar of the Republic of Kazakhstan (R-SLA-2): holidays of the Law "On
 * holidays", days off moved by law or by order of the Minister of Labour; no shortened days.
 * The years shipped are the ones verified against the published decrees (see each file's sources);
 * the SLA service loads them into its tables on first start, later years come by import.
 */
export const KZ_PRODUCTION_CALENDAR: ProductionCalendar = loadProductionCalendar(meta, [year2024, year2025, year2026]);
