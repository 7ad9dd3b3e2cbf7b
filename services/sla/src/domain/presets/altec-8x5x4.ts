import type { SlaPolicy } from '../policy';
import { warnFraction, warnWorkingDays, workingDays, workingHours, workingMinutes } from '../policy';
import { PRODUCT_DEFAULT_TARGETS } from './product-defaults';

/** Preset altec-8x5x4: seed 002, option 8x5x4 (R-SLA-5, R-CON-8), 09:00-18:00 Moscow. */
export const ALTEC_8X5X4: SlaPolicy = {
  id: 'altec-8x5x4',
  name: 'Altec support, option 8x5x4',
  preset: 'altec-8x5x4',
  seed: '002',
  calendarId: 'msk-0900-1800',
  description:
    'Seed 002, option 8x5x4 (8 hours a day, 5 days a week, 4 hours to the answer on priority 1). ' +
    'Processing (primary analysis) / execution: priority 1 (Urgent) 0.5 working hour / 4 working hours; ' +
    '2 (High) 0.5 h / 2 working days; 3 (Normal) 1 h / 4 working days; 4 (Low) 1 h / 9 working days. ' +
    'Processing runs from registration, execution from the end of processing. A resolved ticket closes ' +
    "after 14 calendar days without the user's answer (§9). Incident / Question / Request map to Error / " +
    'Support / Improvement. Warnings: a quarter of a working-hour target before, 1 working day before ' +
    'day targets.' +
    ' Coverage (R-CON-8): 8x5x4 by default (the 09:00-18:00 reception, execution of priority 1 in 4 h); another option sets that many hours a day from 09:00 (earlier if they would pass midnight) on that many days from Monday (7 days: every day, without the production calendar), 24x7 runs the clocks all day every day; the third figure sets the execution of priority 1 in working hours (e.g. 8x5x2: 2 working hours); the contract may name its own time zone.',
  defaultCoverage: '8x5x4',
  coverageAnswerMetric: 'RESOLUTION',
  resolutionStartsAt: 'TRIAGE',
  failureReportRequired: false,
  reactionRequiresPrepaid: false,
  autoCloseOnClarificationExpiry: false,
  defaultPriority: 'NORMAL',
  defaultCategory: 'SUPPORT',
  targets: [
    {
      metric: 'ANALYSIS',
      party: 'PROVIDER',
      appliesTo: { priorities: ['URGENT', 'HIGH'] },
      measure: workingMinutes(30),
      warn: warnFraction(0.25),
    },
    {
      metric: 'ANALYSIS',
      party: 'PROVIDER',
      appliesTo: { priorities: ['NORMAL', 'LOW'] },
      measure: workingMinutes(60),
      warn: warnFraction(0.25),
    },
    {
      metric: 'RESOLUTION',
      party: 'PROVIDER',
      appliesTo: { priorities: ['URGENT'] },
      measure: workingHours(4),
      warn: warnFraction(0.25),
    },
    {
      metric: 'RESOLUTION',
      party: 'PROVIDER',
      appliesTo: { priorities: ['HIGH'] },
      measure: workingDays(2),
      warn: warnWorkingDays(1),
    },
    {
      metric: 'RESOLUTION',
      party: 'PROVIDER',
      appliesTo: { priorities: ['NORMAL'] },
      measure: workingDays(4),
      warn: warnWorkingDays(1),
    },
    {
      metric: 'RESOLUTION',
      party: 'PROVIDER',
      appliesTo: { priorities: ['LOW'] },
      measure: workingDays(9),
      warn: warnWorkingDays(1),
    },
    ...PRODUCT_DEFAULT_TARGETS,
  ],
};
