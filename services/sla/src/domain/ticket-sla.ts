import { nameBasedId, type SlaMetric, type SlaState, type TimerStatus } from '@reglament/shared/domain';
import { type EvaluationContext, evaluateTimer, type TimerView } from './evaluation';
import type { SlaPolicy } from './policy';
import type { HistoryEntry } from './ticket-history';
import { buildTimeline, type TimerInstance } from './timeline';

const TIMER_NAMESPACE = '6f1c2d0e-8a4b-4c2f-9d3e-5b7a1c9e0f42';

/** Timer ids are derived from what they are, so replaying a history yields the same ids. */
export function timerId(ticketId: string, metric: SlaMetric, cycle: number): string {
  return nameBasedId(TIMER_NAMESPACE, `${ticketId}:${metric}:${cycle}`);
}

export interface ComputedTimer extends TimerView {
  id: string;
  metric: SlaMetric;
  party: TimerInstance['party'];
  cycle: number;
  startedAt: number;
  stoppedAt: number | null;
  category: string;
  priority: string;
}

export interface TicketSlaSummary {
  state: SlaState;
  nextDeadline: number | null;
  breached: boolean;
}

/** All timers of a ticket at `now`, from its history (pure and replayable). */
export function computeTimers(
  ticketId: string,
  policy: SlaPolicy,
  history: readonly HistoryEntry[],
  ctx: EvaluationContext,
  now: number,
): ComputedTimer[] {
  const { timers } = buildTimeline(policy, history);
  return timers.map((timer) => ({
    id: timerId(ticketId, timer.metric, timer.cycle),
    metric: timer.metric,
    party: timer.party,
    cycle: timer.cycle,
    startedAt: timer.startedAt,
    stoppedAt: timer.stoppedAt,
    category: timer.ticketClass.category,
    priority: timer.ticketClass.priority,
    ...evaluateTimer(timer, policy, ctx, now),
  }));
}

interface TimerLike {
  party: 'PROVIDER' | 'CUSTOMER';
  status: TimerStatus;
  deadline: number | null;
  warned: boolean;
}

/**
 * The ticket's standing for wallboards and lists: BREACHED when a provider clock is breached,
 * AT_RISK when a running provider clock is past its warning, ON_TRACK while provider clocks run,
 * PAUSED while only the customer's clocks run, provider clocks are paused or not guaranteed (R-CON-6), else MET.
 * nextDeadline: the nearest deadline of a running clock.
 */
export function summarize(timers: readonly TimerLike[]): TicketSlaSummary {
  const provider = timers.filter((t) => t.party === 'PROVIDER');
  const running = timers.filter((t) => t.status === 'RUNNING');
  const breached = provider.some((t) => t.status === 'BREACHED');
  const providerRunning = provider.filter((t) => t.status === 'RUNNING');
  const state: SlaState = breached
    ? 'BREACHED'
    : providerRunning.some((t) => t.warned)
      ? 'AT_RISK'
      : providerRunning.length > 0
        ? 'ON_TRACK'
        : provider.some((t) => t.status === 'PAUSED' || t.status === 'NOT_GUARANTEED') || running.length > 0
          ? 'PAUSED'
          : 'MET';
  const deadlines = running.map((t) => t.deadline).filter((d): d is number => d !== null);
  return { state, nextDeadline: deadlines.length ? Math.min(...deadlines) : null, breached };
}
