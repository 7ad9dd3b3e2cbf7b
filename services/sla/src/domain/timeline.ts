import type { Party, SlaMetric } from '@reglament/shared/domain';
import { type SlaPolicy, type TicketClass, targetFor } from './policy';
import type { HistoryEntry, TicketSnapshot } from './ticket-history';

/** A span of time during which a timer ran. `to` null: still running. */
export interface Segment {
  from: number;
  to: number | null;
}

/** The ticket's planned resolution date from `at` on (AGREED targets follow it). */
export interface PlannedDate {
  at: number;
  value: number | null;
}

/** One occurrence of a metric on a ticket (REWORK, CLARIFICATION ... may occur several times). */
export interface TimerInstance {
  metric: SlaMetric;
  party: Party;
  /** 1 for the first occurrence of the metric on the ticket, 2 for the second ... */
  cycle: number;
  startedAt: number;
  segments: Segment[];
  stoppedAt: number | null;
  /** How it ended: STOPPED (its stop event came; it may still have been late) or CANCELLED. */
  ending: 'STOPPED' | 'CANCELLED' | null;
  /**
   * The ticket's class that picks the target: the current one while open, the last one once
   * stopped (R-SLA-10). A class without a target leaves the timer open but targetless; a
   * reclassification back picks the target up again from the original start.
   */
  ticketClass: TicketClass;
  /** The planned dates in force while the timer was open, in order. */
  planned: PlannedDate[];
  /** CALLBACK: the call-back the hotline promised (R-TKT-3), held to the target's limit by `evaluateTimer`. */
  promisedBy?: number | null;
}

export interface Timeline {
  timers: TimerInstance[];
  /** The ticket as of the last entry. */
  ticket: TicketSnapshot | null;
}

const PROVIDER_WAITS_FOR_CUSTOMER = 'AWAITING_CLARIFICATION';

/**
 * Replays a ticket's history into timer instances: which clocks started, paused, resumed and
 * stopped, and when (R-SLA-3, R-SLA-8). Deadlines are computed from these by `evaluateTimer`.
 * Every entry carries the ticket as it is after its command, so its class is applied first:
 * several events of one command give the same result in whatever order they arrive.
 */
export function buildTimeline(policy: SlaPolicy, history: readonly HistoryEntry[]): Timeline {
  const timers: TimerInstance[] = [];
  const open = new Map<SlaMetric, TimerInstance>();
  const cycles = new Map<SlaMetric, number>();
  let ticket: TicketSnapshot | null = null;
  let resolutionStarted = false;
  let analysisEndedByClarification = false;

  const classOf = (t: TicketSnapshot): TicketClass => ({
    category: t.category ?? policy.defaultCategory,
    priority: t.priority ?? policy.defaultPriority,
    channel: t.channel,
  });

  const start = (metric: SlaMetric, at: number, promisedBy: number | null = null) => {
    if (!ticket || open.has(metric)) return;
    const target = targetFor(policy, metric, classOf(ticket));
    if (!target) return;
    const cycle = (cycles.get(metric) ?? 0) + 1;
    cycles.set(metric, cycle);
    const paused = target.party === 'PROVIDER' && ticket.status === PROVIDER_WAITS_FOR_CUSTOMER;
    const timer: TimerInstance = {
      metric,
      party: target.party,
      cycle,
      startedAt: at,
      segments: paused ? [] : [{ from: at, to: null }],
      stoppedAt: null,
      ending: null,
      ticketClass: classOf(ticket),
      planned: [{ at, value: ticket.plannedResolutionAt }],
      promisedBy,
    };
    timers.push(timer);
    open.set(metric, timer);
  };

  const stop = (metric: SlaMetric, at: number, ending: 'STOPPED' | 'CANCELLED' = 'STOPPED') => {
    const timer = open.get(metric);
    if (!timer) return;
    const last = timer.segments.at(-1);
    if (last && last.to === null) last.to = at;
    timer.stoppedAt = at;
    timer.ending = ending;
    open.delete(metric);
  };

  const pauseProviderClocks = (at: number) => {
    for (const timer of open.values()) {
      const last = timer.segments.at(-1);
      if (timer.party === 'PROVIDER' && last && last.to === null) last.to = at;
    }
  };

  const resumeProviderClocks = (at: number) => {
    for (const timer of open.values()) {
      const last = timer.segments.at(-1);
      if (timer.party === 'PROVIDER' && (!last || last.to !== null)) timer.segments.push({ from: at, to: null });
    }
  };

  /** A response to the customer ends the REACTION and CALLBACK clocks. */
  const responded = (at: number) => {
    stop('REACTION', at);
    stop('CALLBACK', at);
  };

  for (const entry of history) {
    const previous = ticket;
    ticket = entry.ticket;
    const at = entry.at;
    // R-SLA-10: open timers take the ticket's class as it is now (recomputed from their start).
    for (const timer of open.values()) {
      timer.ticketClass = classOf(ticket);
      const planned = timer.planned.at(-1)!;
      if (planned.value !== ticket.plannedResolutionAt) timer.planned.push({ at, value: ticket.plannedResolutionAt });
    }
    switch (entry.kind) {
      case 'REGISTERED':
        start('REACTION', at);
        start('ANALYSIS', at);
        start('TERM_AGREEMENT', at);
        if (policy.resolutionStartsAt === 'REGISTRATION') {
          start('RESOLUTION', at);
          resolutionStarted = true;
        }
        if (entry.ticket.channel === 'PHONE' && entry.answeredOnCall === false) {
          start('CALLBACK', at, entry.callbackBy ?? null);
        }
        break;
      case 'PROVIDER_RESPONSE':
        responded(at);
        break;
      case 'STATUS':
        if (entry.byProvider) responded(at);
        switch (entry.transition) {
          case 'TRIAGE':
            // R-TKT-8: primary analysis ends with the triage; resolution runs from its end.
            stop('ANALYSIS', at);
            analysisEndedByClarification = false;
            if (!resolutionStarted) {
              start('RESOLUTION', at);
              resolutionStarted = true;
            }
            break;
          case 'REQUEST_CLARIFICATION':
            // R-TKT-8: a clarification request also ends primary analysis; R-SLA-8: provider clocks pause.
            if (open.has('ANALYSIS')) analysisEndedByClarification = true;
            stop('ANALYSIS', at);
            pauseProviderClocks(at);
            start('CLARIFICATION', at);
            break;
          case 'ANSWER_CLARIFICATION':
            stop('CLARIFICATION', at);
            resumeProviderClocks(at);
            // Back in analysis with the answer: the provider has a new primary analysis to finish.
            if (analysisEndedByClarification && entry.to === 'IN_ANALYSIS') start('ANALYSIS', at);
            analysisEndedByClarification = false;
            break;
          case 'PROVIDE_SOLUTION':
            stop('ANALYSIS', at);
            stop('RESOLUTION', at);
            stop('REWORK', at);
            stop('TERM_AGREEMENT', at, 'CANCELLED');
            start('CUSTOMER_ACCEPTANCE', at);
            start('AUTO_CLOSE', at);
            break;
          case 'RETURN_SOLUTION': {
            stop('CUSTOMER_ACCEPTANCE', at);
            stop('AUTO_CLOSE', at, 'CANCELLED');
            // R-TKT-11: remarks send it back to work: REWORK where the preset sets one, else a new RESOLUTION.
            const hasRework = targetFor(policy, 'REWORK', classOf(entry.ticket)) !== null;
            start(hasRework ? 'REWORK' : 'RESOLUTION', at);
            break;
          }
          default:
            // Leaving AWAITING_CLARIFICATION another way (e.g. the provider resumes work) resumes clocks.
            if (previous?.status === PROVIDER_WAITS_FOR_CUSTOMER && entry.to !== PROVIDER_WAITS_FOR_CUSTOMER) {
              stop('CLARIFICATION', at, 'CANCELLED');
              resumeProviderClocks(at);
            }
        }
        break;
      case 'CLOSED':
        if (entry.byProvider) responded(at);
        if (entry.reason === 'ACCEPTED') stop('CUSTOMER_ACCEPTANCE', at);
        if (entry.reason === 'AUTO_CLOSED') {
          stop('AUTO_CLOSE', at);
          stop('CUSTOMER_ACCEPTANCE', at);
        }
        if (entry.reason === 'NO_CLARIFICATION') stop('CLARIFICATION', at);
        // Issue 18: a DUTY ticket done stops its clock (MET, or BREACHED if it was late).
        if (entry.reason === 'DONE') for (const metric of [...open.keys()]) stop(metric, at);
        // Clocks still running end; one already late stays breached (evaluateTimer).
        for (const metric of [...open.keys()]) stop(metric, at, 'CANCELLED');
        break;
      case 'RECLASSIFIED':
        break; // the class was applied above
      case 'PLANNED_DATE':
        break; // AGREED targets follow the date (applied above); setting it alone agrees nothing
      case 'FAILURE_MARKED':
        break; // a report is owed (application/ticket-clocks.ts); no clock moves
      case 'TERM_AGREED':
        // 003 item 2: the term is set AND agreed with the customer: the clock stops at the agreement.
        stop('TERM_AGREEMENT', at);
        break;
      case 'ON_SITE_REQUESTED':
        start('ON_SITE', at);
        break;
      case 'ON_SITE_ARRIVED':
        stop('ON_SITE', at);
        break;
    }
  }
  return { timers, ticket };
}
