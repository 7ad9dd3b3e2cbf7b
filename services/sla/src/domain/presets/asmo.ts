import type { SlaPolicy } from '../policy';
import { agreed, warnFraction, warnWorkingDays, workingHours } from '../policy';
import { PRODUCT_DEFAULT_TARGETS } from './product-defaults';

/** Preset asmo: seed 001 (R-SLA-6), 08:45-17:00 Moscow. */
export const ASMO: SlaPolicy = {
  id: 'asmo',
  name: 'ASMO technical support',
  preset: 'asmo',
  seed: '001',
  calendarId: 'msk-0845-1700',
  description:
    'Seed 001 §7. Working days 08:45-17:00 Moscow (production calendar). Reaction 2 working hours. ' +
    'Critical errors (a module or subsystem unusable) up to 8 working hours; typical questions and typical ' +
    'errors up to 8 working hours; non-typical: the planned date the provider sets ("Плановый срок") is the ' +
    'deadline. The preset reads Urgent as critical, High and Normal as typical, Low as non-typical, for every ' +
    'category. The seed counts these terms from the request, so resolution runs from registration. The seed ' +
    'names no warning: the preset warns when a quarter of a working-hour target is left, and 1 working day ' +
    'before an agreed date.' +
    ' Coverage (R-CON-8): 8.25x5x2 by default (08:45-17:00 Moscow, reaction 2 h); another option sets that many hours a day from 08:45 (earlier if they would pass midnight) on that many days from Monday (7 days: every day, without the production calendar), 24x7 runs the clocks all day every day; the third figure sets the reaction of Urgent tickets in working hours (e.g. 8.25x5x1: 1 working hour); the contract may name its own time zone.',
  defaultCoverage: '8.25x5x2',
  coverageAnswerMetric: 'REACTION',
  resolutionStartsAt: 'REGISTRATION',
  failureReportRequired: false,
  reactionRequiresPrepaid: false,
  autoCloseOnClarificationExpiry: false,
  defaultPriority: 'NORMAL',
  defaultCategory: 'SUPPORT',
  targets: [
    { metric: 'REACTION', party: 'PROVIDER', appliesTo: {}, measure: workingHours(2), warn: warnFraction(0.25) },
    {
      metric: 'RESOLUTION',
      party: 'PROVIDER',
      appliesTo: { priorities: ['URGENT', 'HIGH', 'NORMAL'] },
      measure: workingHours(8),
      warn: warnFraction(0.25),
    },
    {
      metric: 'RESOLUTION',
      party: 'PROVIDER',
      appliesTo: { priorities: ['LOW'] },
      measure: agreed,
      warn: warnWorkingDays(1),
    },
    ...PRODUCT_DEFAULT_TARGETS,
  ],
};
