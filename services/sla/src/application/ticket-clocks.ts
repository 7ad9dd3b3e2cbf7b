import {
  type AnyEventEnvelope,
  type EventOrigin,
  isTicketEvent,
  makeEvent,
  type SlaTimerFacts,
} from '@reglament/shared/domain';
import { type Logger, type Tx } from '@reglament/shared/platform';
import type { EvaluationContext } from '../domain/evaluation';
import type { CalendarCatalog } from './calendar-catalog';
import type { SlaPolicy } from '../domain/policy';
import { dutyPolicy } from '../domain/duty-policy';
import { type HistoryEntry, historyEntryOf, ordered } from '../domain/ticket-history';
import { exhaustedSpans } from '../domain/prepaid-spans';
import { type ComputedTimer, computeTimers, summarize } from '../domain/ticket-sla';
import { timerChanges } from '../domain/timer-changes';
import {
  SlaContractEntity,
  SlaHistoryEntity,
  SlaReleaseEntity,
  SlaTicketEntity,
  SlaTimerEntity,
} from '../infra/entities';

export interface TicketClocksDeps {
  log: Logger;
  policies: ReadonlyMap<string, SlaPolicy>;
  /** The calendars (production calendars as stored now) and what a contract's coverage makes of them. */
  calendars: CalendarCatalog;
}

/** Tells whoever schedules that a ticket's next due instant may be earlier than before. */
export type DueListener = (at: number) => void;

/**
 * The SLA clocks of tickets. A ticket's timers are always recomputed from its whole history
 * (plus policy, calendar, releases and prepaid state), then compared with what is stored: the
 * differences are the events (started, paused, deadline_changed, warning, breached ...). The
 * ticket row is locked for the recomputation, so consumers and scheduler replicas never
 * interleave on one ticket, and an event is published once.
 */
export class TicketClocks {
  constructor(
    private readonly deps: TicketClocksDeps,
    private readonly onDue: DueListener = () => undefined,
  ) {}

  /** Records a tickets event in the ticket's history and recomputes the ticket at `now`. */
  async record(tx: Tx, event: AnyEventEnvelope, now: number, origin: EventOrigin): Promise<void> {
    if (!isTicketEvent(event)) return;
    const entry = historyEntryOf(event);
    if (!entry) return;
    const facts = event.data.ticket;
    // 004: a wish is recorded for analysis without an SLA clock; the SLA service does not keep it.
    if (facts.kind === 'WISH') return;
    await tx.manager.query(
      `INSERT INTO sla_tickets (ticket_id, organization_id, contract_id, preset, product, closed)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (ticket_id) DO NOTHING`,
      [facts.ticketId, facts.organizationId, facts.contractId, facts.preset, facts.product, false],
    );
    const ticket = await this.lock(tx, facts.ticketId);
    if (!ticket) return;
    if (ticket.assigneeVersion === null || ticket.assigneeVersion < facts.version) {
      await tx.manager.update(
        SlaTicketEntity,
        { ticketId: facts.ticketId },
        { assigneeId: facts.assigneeId, assigneeVersion: facts.version },
      );
    }
    const seq = ticket.historyLength + 1;
    await tx.manager.insert(SlaHistoryEntity, { eventId: event.id, ticketId: facts.ticketId, seq, entry });
    await tx.manager.update(
      SlaTicketEntity,
      { ticketId: facts.ticketId },
      // 003 §7: the first marking as a product failure makes a failure report owed.
      entry.kind === 'FAILURE_MARKED' && ticket.failureMarkedAt === null
        ? { historyLength: seq, failureMarkedAt: new Date(entry.at) }
        : { historyLength: seq },
    );
    await this.recompute(tx, facts.ticketId, now, origin, true);
  }

  private async lock(tx: Tx, ticketId: string, skipLocked = false): Promise<SlaTicketEntity | null> {
    const rows = (await tx.manager.query(
      `SELECT ticket_id FROM sla_tickets WHERE ticket_id = $1 FOR UPDATE${skipLocked ? ' SKIP LOCKED' : ''}`,
      [ticketId],
    )) as unknown[];
    if (rows.length === 0) return null;
    return tx.manager.findOneBy(SlaTicketEntity, { ticketId });
  }

  /**
   * Recomputes a ticket's clocks at `now` and publishes what changed. Returns false when the
   * ticket is locked by another replica (`skipLocked`) and nothing was done.
   */
  async recompute(
    tx: Tx,
    ticketId: string,
    now: number,
    origin: EventOrigin,
    alreadyLocked = false,
    skipLocked = false,
  ): Promise<boolean> {
    const ticket = alreadyLocked
      ? await tx.manager.findOneBy(SlaTicketEntity, { ticketId })
      : await this.lock(tx, ticketId, skipLocked);
    if (!ticket) return false;
    const policy = this.deps.policies.get(ticket.preset);
    if (!policy) {
      this.deps.log.warn(
        { ticketId, preset: ticket.preset },
        'no SLA policy for this preset: the ticket has no clocks',
      );
      // Nothing will recompute these: they must not stay due.
      await tx.manager.update(SlaTimerEntity, { ticketId }, { nextDueAt: null });
      return true;
    }
    const result = await this.compute(tx, ticket, policy, now);
    if (!result) return true;
    // Everything this recomputation publishes happened at the instant it evaluated.
    await this.store(tx, ticket, result.policy, result.timers, { ...origin, occurredAt: new Date(result.at) });
    await tx.manager.update(
      SlaTicketEntity,
      { ticketId },
      // The ticket as of its latest version (not the latest event to arrive) tells product and closure.
      { product: result.latest.product, closed: result.latest.status === 'CLOSED', evaluatedAt: new Date(result.at) },
    );
    return true;
  }

  /**
   * The timers of a ticket as its history says (no writes): also how a rebuild is checked. The
   * instant never goes back: not before the ticket's own latest event (a clock slightly behind
   * the publisher's) nor before the last evaluation (a replica slightly behind another).
   */
  async compute(
    tx: Pick<Tx, 'manager'>,
    ticket: SlaTicketEntity,
    policy: SlaPolicy,
    now: number,
  ): Promise<{ timers: ComputedTimer[]; at: number; latest: HistoryEntry['ticket']; policy: SlaPolicy } | null> {
    const rows = await tx.manager.find(SlaHistoryEntity, { where: { ticketId: ticket.ticketId } });
    const history = ordered(rows.map((row) => ({ ...row.entry, seq: row.seq })));
    if (!history.some((entry) => entry.kind === 'REGISTERED')) return null; // its start has not arrived yet
    const latest = history.at(-1)!.ticket;
    // Issue 18: a DUTY ticket's one clock is its duty's, in the preset's (and contract's) calendar.
    const duty = history.find((entry) => entry.ticket.duty)?.ticket.duty;
    if (duty) policy = dutyPolicy(policy, duty);
    const [releases, contract] = await Promise.all([
      latest.product ? tx.manager.find(SlaReleaseEntity, { where: { product: latest.product } }) : Promise.resolve([]),
      tx.manager.findOneBy(SlaContractEntity, { contractId: ticket.contractId }),
    ]);
    // The production calendars as committed now: an import on another replica is seen here.
    await this.deps.calendars.refresh(tx.manager);
    const { calendar, coverageAnswerMinutes } = this.deps.calendars.forContract(policy, contract);
    const ctx: EvaluationContext = {
      calendar,
      coverageAnswerMinutes,
      releases: releases.map((r) => ({ product: r.product, kind: r.kind, plannedAt: r.plannedAt.getTime() })),
      prepaidExhausted: contract ? exhaustedSpans(contract.prepaidToggles) : [],
      packageReactionMinutes: contract?.reactionMinutes ?? null,
    };
    const at = Math.max(now, ticket.evaluatedAt?.getTime() ?? 0, Math.max(...history.map((entry) => entry.at)));
    return { timers: computeTimers(ticket.ticketId, policy, history, ctx, at), at, latest, policy };
  }

  private async store(
    tx: Tx,
    ticket: SlaTicketEntity,
    policy: SlaPolicy,
    computed: ComputedTimer[],
    origin: EventOrigin,
  ): Promise<void> {
    const stored = new Map(
      (await tx.manager.find(SlaTimerEntity, { where: { ticketId: ticket.ticketId } })).map((row) => [row.id, row]),
    );
    const rows: SlaTimerEntity[] = [];
    let earliestDue: number | null = null;
    for (const timer of computed) {
      const before = stored.get(timer.id);
      stored.delete(timer.id);
      // A warning is given once per clock (R-SLA-9), not again after a pause or a recomputation.
      const warned = (before?.warned ?? false) || timer.warned;
      const row = { ...toRow(ticket, policy, timer, before?.failureReportId ?? null), warned };
      rows.push(row);
      if (timer.nextDueAt !== null) earliestDue = Math.min(earliestDue ?? Infinity, timer.nextDueAt);
      const changes = timerChanges(
        before && {
          id: before.id,
          status: before.status,
          deadline: before.deadline?.getTime() ?? null,
          warned: before.warned,
          expired: before.expired,
        },
        { id: timer.id, status: timer.status, deadline: timer.deadline, warned, expired: timer.expired },
      );
      for (const change of changes) tx.emit(...this.eventsFor(change, ticket, policy, row, origin));
    }
    // Stored clocks the history no longer yields (a policy lost a target): ended, never due again.
    for (const orphan of stored.values()) {
      if (orphan.status !== 'CANCELLED' || orphan.nextDueAt !== null) {
        const row = { ...orphan, status: 'CANCELLED' as const, nextDueAt: null };
        rows.push(row);
        if (orphan.status !== 'CANCELLED')
          tx.emit(...this.eventsFor('sla.timer.cancelled', ticket, policy, row, origin));
      }
    }
    if (rows.length > 0) await tx.manager.upsert(SlaTimerEntity, rows, ['id']);

    const summary = summarize(computed);
    const failureReportPending =
      (policy.failureReportRequired &&
        rows.some((r) => r.party === 'PROVIDER' && r.status === 'BREACHED' && !r.failureReportId)) ||
      // 003 §7: a product failure needs its report whatever the clocks say.
      (ticket.failureMarkedAt !== null && ticket.failureReportId === null);
    const nextDeadline = summary.nextDeadline === null ? null : new Date(summary.nextDeadline);
    if (
      ticket.state !== summary.state ||
      (ticket.nextDeadline?.getTime() ?? null) !== summary.nextDeadline ||
      ticket.breached !== summary.breached ||
      ticket.failureReportPending !== failureReportPending
    ) {
      await tx.manager.update(
        SlaTicketEntity,
        { ticketId: ticket.ticketId },
        { state: summary.state, nextDeadline, breached: summary.breached, failureReportPending },
      );
      tx.emit(
        makeEvent(
          'sla.ticket.state_changed',
          ticket.organizationId,
          {
            ticketId: ticket.ticketId,
            organizationId: ticket.organizationId,
            state: summary.state,
            nextDeadline: nextDeadline?.toISOString() ?? null,
            breached: summary.breached,
            failureReportPending,
          },
          origin,
        ),
      );
    }
    if (earliestDue !== null) this.onDue(earliestDue);
  }

  private eventsFor(
    change: ReturnType<typeof timerChanges>[number],
    ticket: SlaTicketEntity,
    policy: SlaPolicy,
    row: SlaTimerEntity,
    origin: EventOrigin,
  ): AnyEventEnvelope[] {
    const facts = timerFacts(row);
    const org = ticket.organizationId;
    switch (change) {
      case 'EXPIRED': {
        const due = {
          ticketId: ticket.ticketId,
          organizationId: org,
          timerId: row.id,
          dueAt: row.deadline?.toISOString() ?? '',
          startedAt: row.startedAt.toISOString(),
        };
        if (row.metric === 'AUTO_CLOSE') return [makeEvent('sla.ticket.auto_close_due', org, due, origin)];
        if (row.metric === 'CLARIFICATION') {
          return [
            makeEvent(
              'sla.ticket.clarification_expired',
              org,
              { ...due, closeAutomatically: policy.autoCloseOnClarificationExpiry },
              origin,
            ),
          ];
        }
        return [];
      }
      case 'sla.timer.warning':
        // R-SLA-9: the party that will miss the deadline, and both parties to warn.
        return [
          makeEvent(change, org, { ...facts, partyAtRisk: row.party, partyToNotify: ['PROVIDER', 'CUSTOMER'] }, origin),
        ];
      default:
        return [makeEvent(change, org, facts, origin)];
    }
  }
}

function toRow(
  ticket: SlaTicketEntity,
  policy: SlaPolicy,
  timer: ComputedTimer,
  failureReportId: string | null,
): SlaTimerEntity {
  const date = (t: number | null) => (t === null ? null : new Date(t));
  return {
    id: timer.id,
    ticketId: ticket.ticketId,
    organizationId: ticket.organizationId,
    contractId: ticket.contractId,
    policyId: policy.id,
    metric: timer.metric,
    party: timer.party,
    cycle: timer.cycle,
    status: timer.status,
    category: timer.category,
    priority: timer.priority,
    startedAt: new Date(timer.startedAt),
    deadline: date(timer.deadline),
    warnAt: date(timer.warnAt),
    warned: timer.warned,
    expired: timer.expired,
    stoppedAt: date(timer.stoppedAt),
    breachedAt: date(timer.breachedAt),
    elapsedMinutes: timer.elapsedMinutes,
    remainingMinutes: timer.remainingMinutes,
    nextDueAt: date(timer.nextDueAt),
    failureReportId,
    provisional: timer.provisional,
  };
}

export function timerFacts(row: SlaTimerEntity): SlaTimerFacts {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    timerId: row.id,
    ticketId: row.ticketId,
    organizationId: row.organizationId,
    policyId: row.policyId,
    metric: row.metric,
    party: row.party,
    status: row.status,
    startedAt: row.startedAt.toISOString(),
    deadline: iso(row.deadline),
    warnAt: iso(row.warnAt),
    breachedAt: iso(row.breachedAt),
    stoppedAt: iso(row.stoppedAt),
  };
}
