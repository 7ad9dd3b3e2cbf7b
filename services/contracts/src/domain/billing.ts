import type { Category } from '@reglament/shared/domain';
import type { ServiceItem } from './service-catalog';

/**
 * How a piece of logged work is paid for:
 *   FREE           R-CON-5: error reports, the consultation line, technical consultations
 *   CUSTOMIZATION  R-CON-7: IMPROVEMENT work, priced by the contract's hourly rate, within the cap
 *   PREPAID        R-CON-3/R-CON-4: debited from the contract's prepaid minutes
 *   NOT_PREPAID    the contract has no hour package: recorded, billed under the contract's terms
 */
export type WorkBilling = 'FREE' | 'CUSTOMIZATION' | 'PREPAID' | 'NOT_PREPAID';
export const WORK_BILLINGS: readonly WorkBilling[] = ['FREE', 'CUSTOMIZATION', 'PREPAID', 'NOT_PREPAID'];

export function billingOf(work: {
  category: Category;
  /** The service the work is for: the one logged (logServiceWork) or the one the ticket names. */
  service: ServiceItem | null;
  hasPackages: boolean;
}): WorkBilling {
  if (work.category === 'ERROR') return 'FREE';
  if (work.service?.free) return 'FREE';
  if (work.category === 'IMPROVEMENT') return 'CUSTOMIZATION';
  return work.hasPackages ? 'PREPAID' : 'NOT_PREPAID';
}

/** Work minutes of one entry: at least 1, at most one day. */
export const MAX_ENTRY_MINUTES = 24 * 60;
