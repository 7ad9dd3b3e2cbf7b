import type { TimerStatus } from '@reglament/shared/domain';
import type { BusinessCalendar } from '../calendar';
import { dutyDueInstant } from './duty-policy';
import { type Measure, type SlaPolicy, type Target, targetFor, type WarnOffset } from './policy';
import type { PlannedDate, Segment, TimerInstance } from './timeline';

export interface Span {
  from: number;
  to: number | null;
}

export interface Release {
  product: string;
  kind: 'PLANNED' | 'UNPLANNED';
  plannedAt: number;
}

/** What a timer's deadline depends on besides its own history. */
export interface EvaluationContext {
  calendar: BusinessCalendar;
  /** Releases of the ticket's product (any order). */
  releases: readonly Release[];
  /** R-CON-6: spans during which the contract's prepaid time was used up (`to` null: still). */
  prepaidExhausted: readonly Span[];
  /** The reaction target of the contract's hour package, working minutes (infocraft-365). */
  packageReactionMinutes: number | null;
  /**
   * R-CON-8: working minutes the contract's coverage gives its Urgent tickets on the policy's
   * `coverageAnswerMetric` (the coverage's third figure), when it differs from the preset's.
   */
  coverageAnswerMinutes?: number | null;
}

/** A timer as of `now`: the API's SlaTimer, and when the scheduler must look at it again. */
export interface TimerView {
  status: TimerStatus;
  deadline: number | null;
  warnAt: number | null;
  /** True once the warning instant has passed while the timer ran (R-SLA-9). */
  warned: boolean;
  breachedAt: number | null;
  /** AUTO_CLOSE and CLARIFICATION: their deadline passed while running (commands to tickets). */
  expired: boolean;
  elapsedMinutes: number;
  remainingMinutes: number | null;
  /** The next instant something happens to it (warning, deadline), or null. */
  nextDueAt: number | null;
  target: Target | null;
  /**
   * The clock runs into a year without production calendar data (R-SLA-2): its working time
   * there is counted from the weekly hours alone, to be recomputed when the year is loaded.
   */
  provisional: boolean;
}

const MINUTE = 60_000;
/** Timers whose deadline only triggers an action of the system, never a breach of a party. */
const EXPIRING = new Set(['AUTO_CLOSE']);

/**
 * Computes a timer's deadline, warning, status and counters at `now` (pure). Durations are spent
 * only while the timer runs; fixed dates (releases, agreed dates) do not move with pauses, but a
 * paused timer is not breached: a fixed deadline passed during a pause is breached at the resume.
 */
export function evaluateTimer(timer: TimerInstance, policy: SlaPolicy, ctx: EvaluationContext, now: number): TimerView {
  const result = evaluate(timer, policy, ctx, now);
  return { ...result, provisional: isProvisional(timer, result, ctx, now) };
}

/** Working time counted in a year the production calendar has no data for (calendar-time clocks never are). */
function isProvisional(timer: TimerInstance, result: TimerView, ctx: EvaluationContext, now: number): boolean {
  if (!result.target || result.target.measure.kind === 'CALENDAR_MINUTES') return false;
  const end = Math.max(timer.stoppedAt ?? now, result.deadline ?? 0);
  return !ctx.calendar.coversSpan(timer.startedAt, end);
}

/**
 * The policy's target, with the contract's coverage answer time for Urgent tickets (R-CON-8), and
 * a promised date in place of a working-days target when it comes first (R-TKT-3: the hotline's
 * call-back binds within 3 working days of the contract's calendar; past them the limit binds).
 */
function effectiveTarget(timer: TimerInstance, policy: SlaPolicy, ctx: EvaluationContext): Target | null {
  const target = targetFor(policy, timer.metric, timer.ticketClass);
  const promised = timer.promisedBy ?? null;
  if (target && promised !== null && target.measure.kind === 'WORKING_DAYS') {
    const limit = ctx.calendar.addWorkingDays(timer.startedAt, target.measure.days);
    return promised <= limit ? { ...target, measure: { kind: 'PROMISED', at: promised } } : target;
  }
  const minutes = ctx.coverageAnswerMinutes ?? null;
  if (!target || minutes === null || policy.coverageAnswerMetric !== timer.metric) return target;
  if (timer.ticketClass.priority !== 'URGENT') return target;
  return { ...target, measure: { kind: 'WORKING_MINUTES', minutes } };
}

function evaluate(timer: TimerInstance, policy: SlaPolicy, ctx: EvaluationContext, now: number): TimerView {
  const target = effectiveTarget(timer, policy, ctx);
  const end = timer.stoppedAt ?? now;
  // R-CON-6: a gated reaction clock does not run while the prepaid time is used up.
  const gated = timer.metric === 'REACTION' && policy.reactionRequiresPrepaid;
  const clipped = clip(timer.segments, end);
  // Only spans that began by `end` count, and nothing after `end` exists yet.
  const gaps = ctx.prepaidExhausted.filter((gap) => gap.from < end);
  const segments = gated ? minus(clipped, gaps).filter((s) => s.from <= end) : clipped;
  const running = timer.stoppedAt === null && segments.at(-1)?.to === null;
  if (!target) {
    // Targetless under its current class (R-SLA-10); a reclassification back revives it.
    return view('CANCELLED', { target, elapsedMinutes: elapsed(segments, undefined, ctx.calendar, end) / MINUTE });
  }
  const measure = target.measure;
  const { deadline, breachAt } = deadlineOf(timer, segments, measure, ctx);
  // A stop exactly at the deadline is in time; a clock still running at its deadline is late.
  const late = breachAt !== null && (timer.stoppedAt !== null ? breachAt < end : breachAt <= end);
  if (timer.ending === 'CANCELLED') {
    // Closing the ticket ends its clocks, but a breach already recorded stays (R-SLA-11, R-SLA-12).
    return late
      ? view('BREACHED', {
          target,
          deadline,
          breachedAt: breachAt,
          elapsedMinutes: elapsed(segments, measure, ctx.calendar, end) / MINUTE,
        })
      : view('CANCELLED', { target, elapsedMinutes: elapsed(segments, measure, ctx.calendar, end) / MINUTE });
  }
  const elapsedMs = elapsed(segments, measure, ctx.calendar, end);
  const budget = budgetMs(timer, segments, measure, ctx);
  const remainingMinutes =
    budget !== null
      ? (budget - elapsedMs) / MINUTE
      : deadline !== null && running
        ? ctx.calendar.workingMinutesBetween(now, deadline)
        : null;

  if (gated && !late && (covers(ctx.prepaidExhausted, end) || segments.length === 0)) {
    // No guaranteed reaction now (or never, for a clock that only lived while the time was used up).
    return view('NOT_GUARANTEED', { target, elapsedMinutes: elapsedMs / MINUTE });
  }

  if (EXPIRING.has(timer.metric)) {
    const expired = running && deadline !== null && now >= deadline;
    return view(timer.stoppedAt !== null ? 'MET' : 'RUNNING', {
      target,
      deadline,
      expired,
      elapsedMinutes: elapsedMs / MINUTE,
      remainingMinutes,
      nextDueAt: running && !expired ? deadline : null,
    });
  }

  const status: TimerStatus = late ? 'BREACHED' : timer.stoppedAt !== null ? 'MET' : running ? 'RUNNING' : 'PAUSED';
  let warnAt = deadline !== null && status === 'RUNNING' ? warnInstant(timer, segments, target, deadline, ctx) : null;
  // R-SLA-9: a warning is raised in working time only. One that came due while the office was
  // closed (a night-time reclassification, a resume at 20:00) waits for the next opening.
  if (warnAt !== null && warnAt <= now && !ctx.calendar.isWorkingTime(now)) {
    const opening = ctx.calendar.nextWorkingInstant(now);
    warnAt = deadline !== null && opening < deadline ? opening : null;
  }
  const warned = warnAt !== null && now >= warnAt;
  const nextDueAt =
    status !== 'RUNNING'
      ? null
      : warnAt !== null && !warned
        ? warnAt
        : deadline !== null && deadline > now
          ? deadline
          : null;
  return view(status, {
    target,
    deadline: status === 'PAUSED' && !isFixed(measure) ? null : deadline,
    warnAt,
    warned,
    breachedAt: late ? breachAt : null,
    expired: timer.metric === 'CLARIFICATION' && late,
    elapsedMinutes: elapsedMs / MINUTE,
    remainingMinutes,
    nextDueAt,
  });
}

/** The parts of `segments` outside `gaps`. */
function minus(segments: readonly Segment[], gaps: readonly Span[]): Segment[] {
  let result: Segment[] = segments.map((s) => ({ ...s }));
  for (const gap of gaps) {
    const gapEnd = gap.to ?? Infinity;
    const next: Segment[] = [];
    for (const s of result) {
      const sEnd = s.to ?? Infinity;
      if (gapEnd <= s.from || gap.from >= sEnd) {
        next.push(s);
        continue;
      }
      if (gap.from > s.from) next.push({ from: s.from, to: gap.from });
      if (gapEnd < sEnd) next.push({ from: gapEnd, to: s.to });
    }
    result = next;
  }
  return result;
}

function covers(spans: readonly Span[], t: number): boolean {
  return spans.some((span) => span.from <= t && (span.to === null || t < span.to));
}

function view(status: TimerStatus, parts: Partial<TimerView> & { target: Target | null }): TimerView {
  return {
    provisional: false,
    status,
    deadline: null,
    warnAt: null,
    warned: false,
    breachedAt: null,
    expired: false,
    elapsedMinutes: 0,
    remainingMinutes: null,
    nextDueAt: null,
    ...parts,
  };
}

/** Segments cut at `end` (a running segment stays open: it counts up to now). */
function clip(segments: readonly Segment[], end: number): Segment[] {
  return segments
    .filter((s) => s.from <= end)
    .map((s) => ({ from: s.from, to: s.to === null ? null : Math.min(s.to, end) }));
}

function isFixed(measure: Measure): boolean {
  return (
    measure.kind === 'RELEASE' ||
    measure.kind === 'AGREED' ||
    measure.kind === 'PROMISED' ||
    measure.kind === 'DUTY_DUE'
  );
}

/** The amount of time a duration target grants, in ms of its own kind of time; null for fixed dates. */
function budgetMs(
  timer: TimerInstance,
  segments: readonly Segment[],
  measure: Measure,
  ctx: EvaluationContext,
): number | null {
  switch (measure.kind) {
    case 'WORKING_MINUTES':
    case 'CALENDAR_MINUTES':
      return measure.minutes * MINUTE;
    case 'PACKAGE_REACTION':
      return (ctx.packageReactionMinutes ?? measure.defaultMinutes) * MINUTE;
    case 'WORKING_DAYS': {
      const from = segments[0]?.from ?? timer.startedAt;
      return ctx.calendar.workingMillisBetween(from, ctx.calendar.addWorkingDays(from, measure.days));
    }
    default:
      return null;
  }
}

/** Time the timer ran, in its own kind of time (an open segment counts up to `now`). */
function elapsed(
  segments: readonly Segment[],
  measure: Measure | undefined,
  calendar: BusinessCalendar,
  now: number,
): number {
  let total = 0;
  for (const s of segments) {
    const to = s.to ?? now;
    total += measure?.kind === 'CALENDAR_MINUTES' ? to - s.from : calendar.workingMillisBetween(s.from, to);
  }
  return total;
}

/**
 * The deadline, and the instant the timer is breached (the deadline if it falls while running;
 * for a fixed date passed during a pause, the resume).
 */
function deadlineOf(
  timer: TimerInstance,
  segments: readonly Segment[],
  measure: Measure,
  ctx: EvaluationContext,
): { deadline: number | null; breachAt: number | null } {
  const calendar = ctx.calendar;
  if (isFixed(measure)) {
    // A fixed date may change over time (the agreed date is moved; a release is re-planned): the
    // timer is breached at the first instant it runs past the date then in force, and a later
    // move does not undo that. A date passed during a pause is breached at the resume.
    const dates: PlannedDate[] =
      measure.kind === 'AGREED'
        ? timer.planned
        : measure.kind === 'RELEASE'
          ? [{ at: timer.startedAt, value: releaseDeadline(measure, timer.startedAt, ctx.releases) }]
          : measure.kind === 'PROMISED'
            ? [{ at: timer.startedAt, value: measure.at }]
            : measure.kind === 'DUTY_DUE'
              ? [{ at: timer.startedAt, value: dutyDueInstant(calendar, measure.periodStartsOn, measure.workingDays) }]
              : [];
    const deadline = dates.at(-1)?.value ?? null;
    for (const [i, piece] of dates.entries()) {
      if (piece.value === null) continue;
      const pieceEnd = dates[i + 1]?.at ?? Infinity;
      const from = Math.max(piece.at, piece.value);
      for (const segment of segments) {
        const start = Math.max(segment.from, from);
        if (start < Math.min(segment.to ?? Infinity, pieceEnd)) return { deadline, breachAt: start };
      }
    }
    return { deadline, breachAt: null };
  }
  // Durations: walk the running spans, spending the budget; the deadline is where it runs out.
  const calendarTime = measure.kind === 'CALENDAR_MINUTES';
  const add = (from: number, ms: number) => (calendarTime ? from + ms : calendar.addWorkingMillis(from, ms));
  const spent = (from: number, to: number) => (calendarTime ? to - from : calendar.workingMillisBetween(from, to));
  // A stopped timer's deadline is where its budget would have run out had it gone on.
  const openEnded = (s: Segment, i: number) => s.to === null || (timer.stoppedAt !== null && i === segments.length - 1);
  if (measure.kind === 'WORKING_DAYS' && segments.length === 1 && openEnded(segments[0]!, 0)) {
    // Never paused: exactly "the same local time on the N-th following working day".
    const deadline = calendar.addWorkingDays(segments[0]!.from, measure.days);
    return { deadline, breachAt: deadline };
  }
  const budget = budgetMs(timer, segments, measure, ctx);
  if (budget === null) return { deadline: null, breachAt: null };
  let left = budget;
  for (const [i, s] of segments.entries()) {
    if (s.to === null || (openEnded(s, i) && spent(s.from, s.to) <= left)) {
      const deadline = add(s.from, left);
      return { deadline, breachAt: deadline };
    }
    const used = spent(s.from, s.to);
    if (used > left) {
      const deadline = add(s.from, left);
      return { deadline, breachAt: deadline };
    }
    left -= used;
  }
  return { deadline: null, breachAt: null }; // paused (or stopped) with budget left
}

/** R-SLA-7: the release of the ticket's product the target names, counted from the timer's start. */
function releaseDeadline(
  measure: Measure & { kind: 'RELEASE' },
  startedAt: number,
  releases: readonly Release[],
): number | null {
  const kind = measure.release === 'NEXT_UNPLANNED' ? 'UNPLANNED' : 'PLANNED';
  const upcoming = releases
    .filter((r) => r.kind === kind && r.plannedAt > startedAt)
    .map((r) => r.plannedAt)
    .sort((a, b) => a - b);
  const index = measure.release === 'A_FOLLOWING_PLANNED' ? 1 : 0;
  return upcoming[index] ?? null;
}

/**
 * R-SLA-9: the warning instant. Working-time offsets keep it inside working hours; a day offset
 * steps back whole working days keeping the local time (`addWorkingDays(deadline, -n)`). When the
 * target is not longer than the offset (a 1-working-day target warned 1 working day ahead), a
 * warning at the start would be noise: it comes halfway, in working time, from the start to the
 * deadline instead.
 */
function warnInstant(
  timer: TimerInstance,
  segments: readonly Segment[],
  target: Target,
  deadline: number,
  ctx: EvaluationContext,
): number | null {
  const offset: WarnOffset | null = target.warn;
  if (!offset) return null;
  const calendar = ctx.calendar;
  let at: number;
  switch (offset.kind) {
    case 'WORKING_MINUTES':
      at = calendar.subtractWorkingMinutes(deadline, offset.minutes);
      break;
    case 'WORKING_DAYS':
      at = calendar.addWorkingDays(deadline, -offset.days);
      break;
    case 'FRACTION': {
      const budget = budgetMs(timer, segments, target.measure, ctx);
      if (budget === null) return null;
      at = calendar.subtractWorkingMillis(deadline, budget * offset.fraction);
      break;
    }
  }
  // Not before the current run began: a warning due during a pause comes after the resume.
  const earliest = calendar.nextWorkingInstant(segments.at(-1)?.from ?? timer.startedAt);
  // No working time left before the deadline (an agreed date in the holidays, set at the
  // close of the last working day): no warning can be given in working time; the breach is.
  if (earliest >= deadline) return null;
  if (at <= earliest) {
    at = calendar.addWorkingMillis(earliest, Math.floor(calendar.workingMillisBetween(earliest, deadline) / 2));
  }
  // Never outside working time (a closing instant is not working time): the last second before it.
  if (!calendar.isWorkingTime(at)) at = Math.max(earliest, calendar.previousClosingInstant(at) - 1000);
  return Math.min(at, deadline);
}
