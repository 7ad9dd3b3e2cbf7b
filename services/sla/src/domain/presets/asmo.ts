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
    'before an agreed date.',
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
