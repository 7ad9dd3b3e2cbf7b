import type { SlaPolicy } from '../policy';
import { warnFraction } from '../policy';
import { PRODUCT_DEFAULT_TARGETS } from './product-defaults';

/** Preset infocraft-365: seed 004, 08:00-18:00 Moscow (R-CON-3, R-CON-6). */
export const INFOCRAFT_365: SlaPolicy = {
  id: 'infocraft-365',
  name: 'Infocraft 365 consultation line',
  preset: 'infocraft-365',
  seed: '004',
  calendarId: 'msk-0800-1800',
  description:
    'Seed 004. Consultation line 08:00-18:00 Moscow except weekends and holidays (production calendar). The ' +
    'guaranteed response time comes with the purchased hour package (preset default 4 working hours) and holds ' +
    'only while prepaid time remains: when it is used up, new requests are served in the general queue and the ' +
    'reaction clock says NOT_GUARANTEED until the balance is refilled. The seed sets no resolution terms.' +
    ' Coverage (R-CON-8): 10x5x4 by default (08:00-18:00 Moscow, reaction 4 h); another option sets that many hours a day from 08:00 (earlier if they would pass midnight) on that many days from Monday (7 days: every day, without the production calendar), 24x7 runs the clocks all day every day; the third figure sets the reaction of Urgent tickets when it differs from 4 (the hour package governs the rest) in working hours (e.g. 10x5x2: 2 working hours); the contract may name its own time zone.',
  defaultCoverage: '10x5x4',
  coverageAnswerMetric: 'REACTION',
  resolutionStartsAt: 'TRIAGE',
  failureReportRequired: false,
  reactionRequiresPrepaid: true,
  autoCloseOnClarificationExpiry: false,
  defaultPriority: 'NORMAL',
  defaultCategory: 'SUPPORT',
  targets: [
    {
      metric: 'REACTION',
      party: 'PROVIDER',
      appliesTo: {},
      measure: { kind: 'PACKAGE_REACTION', defaultMinutes: 240 },
      warn: warnFraction(0.25),
    },
    ...PRODUCT_DEFAULT_TARGETS,
  ],
};
