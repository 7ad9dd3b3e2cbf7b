import type { Category, Channel, Party, Priority, SlaMetric } from '@reglament/shared/domain';

/**
 * How a target's deadline is measured (R-SLA-1, R-SLA-7):
 * - WORKING_MINUTES: working time of the policy's calendar.
 * - WORKING_DAYS: "N working days" = the same local time of day on the N-th following working
 *   day (`addWorkingDays`; a start outside hours first rolls to the next opening; a shortened day
 *   ends at its closing). When the timer pauses, the rest is kept as working time: the working
 *   minutes left are spent from the resume.
 * - CALENDAR_MINUTES: real elapsed time (auto-close, on-site arrival).
 * - RELEASE: the planned instant of a release of the ticket's product (the schedule may move).
 * - AGREED: the planned resolution date the provider set on the ticket.
 * - PACKAGE_REACTION: working minutes carried by the contract's hour package (infocraft-365).
 * - PROMISED: a date promised on the ticket within the target's own limit (R-TKT-3: the call-back
 *   the hotline set, when it lies within the 3 working days); made by `evaluateTimer`, never a
 *   policy's target.
 * - DUTY_DUE: a contract duty's fixed due instant (domain/duty-policy.ts).
 */
export type Measure =
  | { kind: 'WORKING_MINUTES'; minutes: number }
  | { kind: 'WORKING_DAYS'; days: number }
  | { kind: 'CALENDAR_MINUTES'; minutes: number }
  | { kind: 'RELEASE'; release: ReleaseChoice }
  | { kind: 'AGREED' }
  | { kind: 'PACKAGE_REACTION'; defaultMinutes: number }
  | { kind: 'PROMISED'; at: number }
  /** Issue 18: a contract duty, due by the close of the N-th working day after its period's start date. */
  | { kind: 'DUTY_DUE'; periodStartsOn: string; workingDays: number };

/**
 * NEXT_PLANNED / NEXT_UNPLANNED: the first release of that kind planned after the timer started.
 * A_FOLLOWING_PLANNED ("in one of the following planned updates"): the second planned release
 * after the start, so the provider is not held to the very next one.
 */
export type ReleaseChoice = 'NEXT_PLANNED' | 'NEXT_UNPLANNED' | 'A_FOLLOWING_PLANNED';

/** How long before a deadline the parties are warned (R-SLA-9). */
export type WarnOffset =
  | { kind: 'WORKING_MINUTES'; minutes: number }
  | { kind: 'WORKING_DAYS'; days: number }
  /** A share of the target's own working time, for targets of a few hours. */
  | { kind: 'FRACTION'; fraction: number };

export interface TargetScope {
  categories?: readonly Category[];
  priorities?: readonly Priority[];
  channels?: readonly Channel[];
}

export interface Target {
  metric: SlaMetric;
  party: Party;
  appliesTo: TargetScope;
  measure: Measure;
  warn: WarnOffset | null;
}

export interface SlaPolicy {
  id: string;
  name: string;
  /** The preset (regulation) this policy belongs to. */
  preset: string;
  seed: string;
  description: string;
  calendarId: string;
  /** Targets in order: for a metric the first target whose scope matches the ticket applies. */
  targets: readonly Target[];
  /** When RESOLUTION starts: at registration, or at the end of primary analysis (triage). */
  resolutionStartsAt: 'REGISTRATION' | 'TRIAGE';
  /** R-SLA-11: a breached provider timer needs a failure report before the ticket closes. */
  failureReportRequired: boolean;
  /** R-CON-6: guaranteed reaction only while the contract's prepaid time remains. */
  reactionRequiresPrepaid: boolean;
  /** R-TKT-9: whether the system closes with NO_CLARIFICATION itself when the customer is silent. */
  autoCloseOnClarificationExpiry: boolean;
  /**
   * R-CON-8: the coverage a contract of this preset has unless it names another, e.g. "9x5x2"
   * (hours a day x days a week [x hours to answer priority 1]). It matches the preset's own
   * calendar and targets; another option reshapes them (see `domain/contract-coverage.ts`).
   */
  defaultCoverage: string;
  /** R-CON-8: the clock the coverage's third figure sets for Urgent tickets (null: none). */
  coverageAnswerMetric: SlaMetric | null;
  /** Used to pick targets before the ticket is classified. */
  defaultPriority: Priority;
  defaultCategory: Category;
}

export interface TicketClass {
  category: Category;
  priority: Priority;
  channel: Channel;
}

function inScope(scope: TargetScope, ticket: TicketClass): boolean {
  return (
    (!scope.categories || scope.categories.includes(ticket.category)) &&
    (!scope.priorities || scope.priorities.includes(ticket.priority)) &&
    (!scope.channels || scope.channels.includes(ticket.channel))
  );
}

/** The target of `metric` for a ticket of this class, or null when the policy sets none. */
export function targetFor(policy: SlaPolicy, metric: SlaMetric, ticket: TicketClass): Target | null {
  return policy.targets.find((t) => t.metric === metric && inScope(t.appliesTo, ticket)) ?? null;
}

// Small constructors so the presets read like the regulations.
export const workingHours = (hours: number): Measure => ({ kind: 'WORKING_MINUTES', minutes: hours * 60 });
export const workingMinutes = (minutes: number): Measure => ({ kind: 'WORKING_MINUTES', minutes });
export const workingDays = (days: number): Measure => ({ kind: 'WORKING_DAYS', days });
export const calendarDays = (days: number): Measure => ({ kind: 'CALENDAR_MINUTES', minutes: days * 24 * 60 });
export const calendarHours = (hours: number): Measure => ({ kind: 'CALENDAR_MINUTES', minutes: hours * 60 });
export const release = (choice: ReleaseChoice): Measure => ({ kind: 'RELEASE', release: choice });
export const agreed: Measure = { kind: 'AGREED' };
export const warnWorkingHours = (hours: number): WarnOffset => ({ kind: 'WORKING_MINUTES', minutes: hours * 60 });
export const warnWorkingDays = (days: number): WarnOffset => ({ kind: 'WORKING_DAYS', days });
export const warnFraction = (fraction: number): WarnOffset => ({ kind: 'FRACTION', fraction });
