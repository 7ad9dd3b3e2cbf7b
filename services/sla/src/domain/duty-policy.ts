import type { TicketDutyFacts } from '@reglament/shared/domain';
import { DateTime } from 'luxon';
import type { BusinessCalendar } from '../calendar';
import { type SlaPolicy, warnWorkingDays } from './policy';

/** How far a due search walks (ten years of days): a calendar with no working day ends it. */
const MAX_DAYS = 3660;

/**
 * Issue 18: a contract duty's occurrence is due by the close of the N-th working day after its
 * period's start date, in the contract's business calendar (holidays, moved days off and the
 * contract's own days off count as not working). E.g. 000's portal users list, signed on
 * Monday 7 December 2026, 3 working days: Tuesday, Wednesday, Thursday: due Thursday 18:00.
 */
export function dutyDueInstant(calendar: BusinessCalendar, periodStartsOn: string, workingDays: number): number {
  let date = DateTime.fromISO(periodStartsOn);
  let counted = 0;
  for (let i = 0; i < MAX_DAYS; i++) {
    date = date.plus({ days: 1 });
    const iso = date.toISODate()!;
    if (!calendar.isWorkingDay(iso)) continue;
    counted += 1;
    if (counted === workingDays) return calendar.workingIntervalsOn(iso).at(-1)!.end;
  }
  throw new Error(`no ${workingDays} working days within ten years after ${periodStartsOn}`);
}

/**
 * A DUTY ticket's policy: the preset's calendar (and the contract's coverage and days off) with
 * one clock, RESOLUTION, owed by the duty's party, due at the duty's due instant and warned one
 * working day before it (R-SLA-9); no failure report, no prepaid gate, no auto-close.
 */
export function dutyPolicy(base: SlaPolicy, duty: TicketDutyFacts): SlaPolicy {
  return {
    ...base,
    id: `${base.id}:duty`,
    name: `${base.name}: contract duty`,
    resolutionStartsAt: 'REGISTRATION',
    failureReportRequired: false,
    reactionRequiresPrepaid: false,
    autoCloseOnClarificationExpiry: false,
    coverageAnswerMetric: null,
    targets: [
      {
        metric: 'RESOLUTION',
        party: duty.party,
        appliesTo: {},
        measure: { kind: 'DUTY_DUE', periodStartsOn: duty.periodStartsOn, workingDays: duty.dueWorkingDays },
        warn: warnWorkingDays(1),
      },
    ],
  };
}
