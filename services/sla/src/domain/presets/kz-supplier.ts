import type { SlaPolicy } from '../policy';
import { agreed, calendarHours, warnFraction, warnWorkingDays, workingHours } from '../policy';
import { PRODUCT_DEFAULT_TARGETS } from './product-defaults';

/** Preset kz-supplier: seed 003, Asia/Almaty. */
export const KZ_SUPPLIER: SlaPolicy = {
  id: 'kz-supplier',
  name: 'Supplier support (Kazakhstan)',
  preset: 'kz-supplier',
  seed: '003',
  calendarId: 'almaty-0900-1800',
  description:
    'Seed 003. For an error report the supplier sets the execution term and agrees it with the customer within ' +
    '2 hours (term agreement, 2 working hours, stopped when the customer agrees the proposed planned date); the agreed planned date is ' +
    'the resolution deadline. On request, arrival on site within 3 hours (calendar hours: the seed speaks of ' +
    'restoring a failed product). For every failure the supplier reports causes and measures (§7): a breached ' +
    'supplier deadline requires a failure report before the ticket can close. The seed names no hours: ' +
    'Mon-Fri 09:00-18:00 Asia/Almaty (UTC+5 since 2024-03-01) with the production calendar of Kazakhstan ' +
    '(holidays and days off moved by law or order), plus the days off the contract lists.' +
    ' Coverage (R-CON-8): 9x5x2 by default (09:00-18:00 Almaty, term agreement 2 h); another option sets that many hours a day from 09:00 (earlier if they would pass midnight) on that many days from Monday (7 days: every day, without the production calendar), 24x7 runs the clocks all day every day; the third figure sets the term agreement of Urgent error reports in working hours (e.g. 9x5x1: 1 working hour); the contract may name its own time zone.',
  defaultCoverage: '9x5x2',
  coverageAnswerMetric: 'TERM_AGREEMENT',
  resolutionStartsAt: 'TRIAGE',
  failureReportRequired: true,
  reactionRequiresPrepaid: false,
  autoCloseOnClarificationExpiry: false,
  defaultPriority: 'NORMAL',
  defaultCategory: 'ERROR',
  targets: [
    {
      metric: 'TERM_AGREEMENT',
      party: 'PROVIDER',
      appliesTo: { categories: ['ERROR'] },
      measure: workingHours(2),
      warn: warnFraction(0.25),
    },
    { metric: 'RESOLUTION', party: 'PROVIDER', appliesTo: {}, measure: agreed, warn: warnWorkingDays(1) },
    { metric: 'ON_SITE', party: 'PROVIDER', appliesTo: {}, measure: calendarHours(3), warn: null },
    ...PRODUCT_DEFAULT_TARGETS,
  ],
};
