import type { SlaPolicy, Target, WarnOffset } from '../policy';
import { release, warnWorkingDays, warnWorkingHours, workingDays } from '../policy';
import { PRODUCT_DEFAULT_TARGETS } from './product-defaults';

// R-SLA-9 (000): warn 4 working hours before for Urgent Errors, 1 working day for the others.
const urgentErrorWarn: WarnOffset = warnWorkingHours(4);
const otherWarn: WarnOffset = warnWorkingDays(1);

const days = (
  metric: Target['metric'],
  party: Target['party'],
  n: number,
  scope: Target['appliesTo'],
  warn = otherWarn,
): Target => ({
  metric,
  party,
  appliesTo: scope,
  measure: workingDays(n),
  warn,
});

const URGENT_ERROR = { categories: ['ERROR'], priorities: ['URGENT'] } as const;
const SUPPORT_HIGH = { categories: ['SUPPORT'], priorities: ['URGENT', 'HIGH'] } as const;
const SUPPORT_LOW = { categories: ['SUPPORT'], priorities: ['NORMAL', 'LOW'] } as const;
const IMPROVEMENT = { categories: ['IMPROVEMENT'] } as const;

/** Preset imc-typical: the typical SLA of seed 000 (R-TKT-8, R-SLA-4). */
export const IMC_TYPICAL: SlaPolicy = {
  id: 'imc-typical',
  name: 'IMC typical SLA',
  preset: 'imc-typical',
  seed: '000',
  calendarId: 'msk-0900-1800',
  description:
    'Seed 000. Primary analysis within 1 working day of registration (category, priority, assignee, ' +
    'and a clarification request or a planned date); resolution runs from the end of primary analysis. ' +
    'Error: Urgent 1 working day (customer accepts within 1, rework 1), High by the next unplanned update, ' +
    'Normal by the next planned update, Low in one of the following planned updates (read: the second ' +
    'planned release after the start). Support: Urgent and High 3 working days (accept 3, rework 3), ' +
    'Normal and Low 5 (accept 5, rework 5). Improvement: in a following planned update as agreed, accept 5, ' +
    'remarks fixed by the next unplanned update. The seed table merges cells across rows: Support-High is ' +
    'read as Support-Urgent and Improvement-Low as Improvement-Normal; Improvement Urgent/High, which the seed ' +
    'does not name, follow Improvement-Normal. Warnings: 4 working hours before for Urgent Errors, 1 working ' +
    'day for the others. The seed names no hours: Mon-Fri 09:00-18:00 Moscow with the production calendar.' +
    ' Coverage (R-CON-8): 9x5 by default (09:00-18:00 Moscow); another option sets that many hours a day from 09:00 (earlier if they would pass midnight) on that many days from Monday (7 days: every day, without the production calendar), 24x7 runs the clocks all day every day; the third figure sets the primary analysis of Urgent tickets in working hours (e.g. 9x5x4: 4 working hours); the contract may name its own time zone.',
  defaultCoverage: '9x5',
  coverageAnswerMetric: 'ANALYSIS',
  resolutionStartsAt: 'TRIAGE',
  failureReportRequired: false,
  reactionRequiresPrepaid: false,
  autoCloseOnClarificationExpiry: false,
  defaultPriority: 'NORMAL',
  defaultCategory: 'SUPPORT',
  targets: [
    days('ANALYSIS', 'PROVIDER', 1, {}),
    days('RESOLUTION', 'PROVIDER', 1, URGENT_ERROR, urgentErrorWarn),
    {
      metric: 'RESOLUTION',
      party: 'PROVIDER',
      appliesTo: { categories: ['ERROR'], priorities: ['HIGH'] },
      measure: release('NEXT_UNPLANNED'),
      warn: otherWarn,
    },
    {
      metric: 'RESOLUTION',
      party: 'PROVIDER',
      appliesTo: { categories: ['ERROR'], priorities: ['NORMAL'] },
      measure: release('NEXT_PLANNED'),
      warn: otherWarn,
    },
    {
      metric: 'RESOLUTION',
      party: 'PROVIDER',
      appliesTo: { categories: ['ERROR'], priorities: ['LOW'] },
      measure: release('A_FOLLOWING_PLANNED'),
      warn: otherWarn,
    },
    days('RESOLUTION', 'PROVIDER', 3, SUPPORT_HIGH),
    days('RESOLUTION', 'PROVIDER', 5, SUPPORT_LOW),
    {
      metric: 'RESOLUTION',
      party: 'PROVIDER',
      appliesTo: IMPROVEMENT,
      measure: release('A_FOLLOWING_PLANNED'),
      warn: otherWarn,
    },
    days('CUSTOMER_ACCEPTANCE', 'CUSTOMER', 1, URGENT_ERROR, urgentErrorWarn),
    days('CUSTOMER_ACCEPTANCE', 'CUSTOMER', 3, SUPPORT_HIGH),
    days('CUSTOMER_ACCEPTANCE', 'CUSTOMER', 5, SUPPORT_LOW),
    days('CUSTOMER_ACCEPTANCE', 'CUSTOMER', 5, IMPROVEMENT),
    days('REWORK', 'PROVIDER', 1, URGENT_ERROR, urgentErrorWarn),
    days('REWORK', 'PROVIDER', 3, SUPPORT_HIGH),
    days('REWORK', 'PROVIDER', 5, SUPPORT_LOW),
    {
      metric: 'REWORK',
      party: 'PROVIDER',
      appliesTo: IMPROVEMENT,
      measure: release('NEXT_UNPLANNED'),
      warn: otherWarn,
    },
    ...PRODUCT_DEFAULT_TARGETS,
  ],
};
