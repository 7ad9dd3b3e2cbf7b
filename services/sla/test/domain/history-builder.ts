import type {
  Category,
  Channel,
  CloseReason,
  Priority,
  TicketStatus,
  TicketTransition,
} from '@reglament/shared/domain';
import { getCalendar } from '../../src/calendar';
import type { EvaluationContext, Release, Span } from '../../src/domain/evaluation';
import type { HistoryEntry, TicketSnapshot } from '../../src/domain/ticket-history';

export const ms = (iso: string) => new Date(iso).getTime();
export const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

const TO_STATUS: Record<TicketTransition, TicketStatus> = {
  ACKNOWLEDGE: 'IN_ANALYSIS',
  TRIAGE: 'IN_PROGRESS',
  REQUEST_CLARIFICATION: 'AWAITING_CLARIFICATION',
  ANSWER_CLARIFICATION: 'IN_ANALYSIS',
  START_WORK: 'IN_PROGRESS',
  PROVIDE_SOLUTION: 'RESOLVED',
  ACCEPT_SOLUTION: 'CLOSED',
  RETURN_SOLUTION: 'IN_PROGRESS',
  CLOSE: 'CLOSED',
};

/** Builds a ticket's history the way the tickets service's events describe it. */
export class HistoryBuilder {
  readonly entries: HistoryEntry[] = [];
  private ticket: TicketSnapshot;
  private version = 0;
  private statusBeforeClarification: TicketStatus = 'IN_ANALYSIS';

  constructor(initial: {
    channel?: Channel;
    category?: Category | null;
    priority?: Priority | null;
    product?: string | null;
  }) {
    this.ticket = {
      channel: initial.channel ?? 'PORTAL',
      category: initial.category ?? null,
      priority: initial.priority ?? null,
      product: initial.product ?? null,
      status: 'REGISTERED',
      plannedResolutionAt: null,
    };
  }

  private push(
    entry: Omit<HistoryEntry, 'version' | 'ticket'> & Record<string, unknown>,
    changes: Partial<TicketSnapshot> = {},
  ) {
    this.ticket = { ...this.ticket, ...changes };
    this.entries.push({ ...entry, version: ++this.version, ticket: { ...this.ticket } } as HistoryEntry);
    return this;
  }

  registered(at: string, answeredOnCall: boolean | null = null, callbackBy: string | null = null) {
    return this.push({
      kind: 'REGISTERED',
      at: ms(at),
      answeredOnCall,
      callbackBy: callbackBy ? ms(callbackBy) : null,
    });
  }

  move(
    transition: TicketTransition,
    at: string,
    changes: { category?: Category; priority?: Priority; plannedResolutionAt?: string; to?: TicketStatus } = {},
    byProvider = true,
  ) {
    const from = this.ticket.status;
    let to = changes.to ?? TO_STATUS[transition];
    if (transition === 'REQUEST_CLARIFICATION') this.statusBeforeClarification = from;
    if (transition === 'ANSWER_CLARIFICATION') to = this.statusBeforeClarification;
    return this.push(
      { kind: 'STATUS', at: ms(at), transition, from, to, byProvider },
      {
        status: to,
        ...(changes.category ? { category: changes.category } : {}),
        ...(changes.priority ? { priority: changes.priority } : {}),
        ...(changes.plannedResolutionAt ? { plannedResolutionAt: ms(changes.plannedResolutionAt) } : {}),
      },
    );
  }

  customer(transition: TicketTransition, at: string) {
    return this.move(transition, at, {}, false);
  }

  close(reason: CloseReason, at: string, byProvider = reason !== 'ACCEPTED') {
    return this.push(
      { kind: 'CLOSED', at: ms(at), reason, from: this.ticket.status, byProvider },
      { status: 'CLOSED' },
    );
  }

  reclassify(at: string, changes: { category?: Category; priority?: Priority }) {
    return this.push({ kind: 'RECLASSIFIED', at: ms(at) }, changes);
  }

  planned(at: string, plannedResolutionAt: string | null) {
    return this.push(
      { kind: 'PLANNED_DATE', at: ms(at) },
      { plannedResolutionAt: plannedResolutionAt === null ? null : ms(plannedResolutionAt) },
    );
  }

  /** 003 item 2: the customer agrees the proposed date, which becomes the planned date. */
  termAgreed(at: string, plannedResolutionAt: string) {
    this.planned(at, plannedResolutionAt);
    return this.push({ kind: 'TERM_AGREED', at: ms(at) });
  }

  providerMessage(at: string) {
    return this.push({ kind: 'PROVIDER_RESPONSE', at: ms(at) });
  }

  onSiteRequested(at: string) {
    return this.push({ kind: 'ON_SITE_REQUESTED', at: ms(at) });
  }

  onSiteArrived(at: string) {
    return this.push({ kind: 'ON_SITE_ARRIVED', at: ms(at) });
  }

  get plannedResolutionAt() {
    return this.ticket.plannedResolutionAt;
  }
}

export function context(
  calendarId: string,
  options: {
    releases?: Release[];
    plannedResolutionAt?: number | null;
    exhausted?: Span[];
    reactionMinutes?: number;
  } = {},
): EvaluationContext {
  return {
    calendar: getCalendar(calendarId),
    releases: options.releases ?? [],
    prepaidExhausted: options.exhausted ?? [],
    packageReactionMinutes: options.reactionMinutes ?? null,
  };
}
