import type { Target } from '../policy';
import { calendarDays, warnWorkingDays, workingDays } from '../policy';

/**
 * Targets every preset has unless it says otherwise; they come from the product's own rules:
 * R-TKT-9 (the customer answers a clarification within 3 working days), R-TKT-3 (a phone call
 * not answered at once is called back within at most 3 working days), R-TKT-12 (a resolved
 * ticket closes after 14 calendar days of silence).
 */
export const PRODUCT_DEFAULT_TARGETS: readonly Target[] = [
  { metric: 'CLARIFICATION', party: 'CUSTOMER', appliesTo: {}, measure: workingDays(3), warn: warnWorkingDays(1) },
  {
    metric: 'CALLBACK',
    party: 'PROVIDER',
    appliesTo: { channels: ['PHONE'] },
    measure: workingDays(3),
    warn: warnWorkingDays(1),
  },
  { metric: 'AUTO_CLOSE', party: 'CUSTOMER', appliesTo: {}, measure: calendarDays(14), warn: null },
];
