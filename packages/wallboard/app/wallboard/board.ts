import type { Card, ContractDay, SlaChange, StartData, Timer } from './queries';
import type { ReceivedCountdown } from './countdown';

/** A timer as shown: its countdown stamped with the local instant it arrived. */
export interface ShownTimer extends Omit<Timer, 'countdown'> {
  countdown: ReceivedCountdown | null;
}
export interface ShownCard extends Omit<Card, 'sla'> {
  sla: Omit<Card['sla'], 'timers'> & { timers: ShownTimer[] };
}

export interface Warning {
  key: string;
  at: string;
  type: string;
  number: string;
  organizationId: string;
  text: string;
}

/** Everything the page shows, rebuilt from the first query and then kept by the subscriptions. */
export interface BoardState {
  me: StartData['me'];
  organizations: Map<string, string>;
  contracts: ContractDay[];
  tickets: Map<string, ShownCard>;
  warnings: Warning[];
  cursors: { tickets: string | null; sla: string | null };
}

const MAX_WARNINGS = 50;

export function stamp(card: Card, receivedAt: number): ShownCard {
  return {
    ...card,
    sla: {
      ...card.sla,
      timers: card.sla.timers.map((t) => ({ ...t, countdown: t.countdown ? { ...t.countdown, receivedAt } : null })),
    },
  };
}

export function boardFrom(data: StartData, receivedAt: number): BoardState {
  const organizations = new Map(data.organizations.edges.map((e) => [e.node.id, e.node.name]));
  const contracts = data.contracts.edges.map((e) => e.node);
  const tickets = new Map(data.tickets.edges.map((e) => [e.node.id, stamp(e.node, receivedAt)]));
  return { me: data.me, organizations, contracts, tickets, warnings: [], cursors: { tickets: null, sla: null } };
}

/** A ticket as a change delivered it: closed or no longer visible leaves the open queue. */
export function withTicket(state: BoardState, id: string, ticket: Card | null, receivedAt: number): BoardState {
  const tickets = new Map(state.tickets);
  if (!ticket || ticket.status === 'CLOSED') tickets.delete(id);
  else tickets.set(id, stamp(ticket, receivedAt));
  return { ...state, tickets };
}

const WARNING_TEXT: Record<string, string> = {
  WARNING: 'at risk',
  BREACHED: 'BREACHED',
};

/** SLA changes: the ticket is refreshed; warnings and breaches go to the feed; ended clocks count today. */
export function withSlaChange(state: BoardState, change: SlaChange, receivedAt: number): BoardState {
  let next = withTicket(state, change.ticketId, change.ticket, receivedAt);
  const metric = change.timer ? `${change.timer.metric} (${change.timer.party})` : 'clock';
  if (WARNING_TEXT[change.type] && change.ticket) {
    const warning: Warning = {
      key: change.cursor,
      at: change.at,
      type: change.type,
      number: change.ticket.number,
      organizationId: change.ticket.organizationId,
      text: `${change.ticket.number} ${metric} ${WARNING_TEXT[change.type]}`,
    };
    next = { ...next, warnings: [warning, ...next.warnings].slice(0, MAX_WARNINGS) };
  }
  const contractId = change.ticket?.contractId;
  // R-SLA-12 counts met and breached clocks, never auto-close (an action of the system).
  if ((change.type === 'MET' || change.type === 'BREACHED') && contractId && change.timer?.metric !== 'AUTO_CLOSE') {
    next = {
      ...next,
      contracts: next.contracts.map((c) => {
        if (c.id !== contractId) return c;
        const met = c.slaToday.met + (change.type === 'MET' ? 1 : 0);
        const breached = c.slaToday.breached + (change.type === 'BREACHED' ? 1 : 0);
        const total = c.slaToday.total + 1;
        return { ...c, slaToday: { ...c.slaToday, met, breached, total, metShare: met / total } };
      }),
    };
  }
  return next;
}

const PRIORITY_RANK: Record<string, number> = { URGENT: 0, HIGH: 1, NORMAL: 2, LOW: 3 };

/** The clock to show on a card: the running one due first, else a paused or not guaranteed one. */
export function mainTimer(card: ShownCard): ShownTimer | null {
  const open = card.sla.timers.filter((t) => ['RUNNING', 'PAUSED', 'NOT_GUARANTEED'].includes(t.status));
  const running = open
    .filter((t) => t.status === 'RUNNING' && t.deadline !== null)
    .sort((a, b) => Date.parse(a.deadline!) - Date.parse(b.deadline!));
  return running[0] ?? open.find((t) => t.status === 'PAUSED') ?? open[0] ?? null;
}

/** Most urgent first: priority, then the nearest deadline, then the oldest. */
export function byUrgency(a: ShownCard, b: ShownCard): number {
  const rank = (PRIORITY_RANK[a.priority ?? ''] ?? 4) - (PRIORITY_RANK[b.priority ?? ''] ?? 4);
  if (rank !== 0) return rank;
  const da = a.sla.nextDeadline ? Date.parse(a.sla.nextDeadline) : Infinity;
  const db = b.sla.nextDeadline ? Date.parse(b.sla.nextDeadline) : Infinity;
  if (da !== db) return da - db;
  return Date.parse(a.registeredAt) - Date.parse(b.registeredAt);
}
