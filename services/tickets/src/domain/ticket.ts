import type {
  Category,
  Channel,
  CloseReason,
  Priority,
  TicketDutyFacts,
  TicketKind,
  TicketStatus,
} from '@reglament/shared/domain';

/** 002: the ways a solution reaches the customer. */
export const SOLUTION_DELIVERIES = ['PORTAL', 'EMAIL', 'PHONE', 'REMOTE_SESSION'] as const;
export type SolutionDelivery = (typeof SOLUTION_DELIVERIES)[number];

/** A DUTY ticket's occurrence of a contract duty (issue 18): whose it is, when due, how it was done. */
export interface TicketDuty extends TicketDutyFacts {
  /** The period's first instant (ISO). */
  periodStart: string;
  seedClause: string | null;
  /** completeDutyOccurrence: when, by whom, with what note and file. */
  completedAt: string | null;
  completedBy: string | null;
  note: string | null;
  attachmentId: string | null;
}

/** A ticket as the rules see it (the entity has the same shape; the domain never sees TypeORM). */
export interface TicketState {
  id: string;
  number: string;
  organizationId: string;
  contractId: string;
  /** The contract's preset (regulation): decides e.g. whether triage needs a planned date. */
  preset: string;
  /** REQUEST (SLA clocks run), DUTY (a contract's duty) or WISH (004: recorded for analysis, no clock). */
  kind: TicketKind;
  /** DUTY tickets only: the contract duty's occurrence (issue 18); null for others. */
  duty: TicketDuty | null;
  requesterId: string | null;
  channel: Channel;
  title: string;
  description: string;
  category: Category | null;
  priority: Priority | null;
  status: TicketStatus;
  closeReason: CloseReason | null;
  assigneeId: string | null;
  product: string | null;
  serviceCode: string | null;
  plannedResolutionAt: Date | null;
  /** The preset's own registration fields (002: the Exprof profile customiser), by name. */
  customFields: Record<string, string>;
  /** R-TKT-5 (001 §2): the date the customer expects the resolution by, if it said one at registration. */
  expectedResolutionAt: Date | null;
  /** 002: how the latest solution reached the customer (provideSolution's deliveredVia). */
  solutionDeliveredVia: SolutionDelivery | null;
  /** 003 §7 (R-SLA-11): when the ticket was marked as a product failure (a failure report is owed). */
  markedAsFailureAt: Date | null;
  /** 003 item 2: a planned date the provider proposed and the customer has not answered yet. */
  proposedResolutionAt: Date | null;
  /** 003 item 2: when the customer last agreed the planned date (the term agreement). */
  plannedDateAgreedAt: Date | null;
  registeredAt: Date;
  /** The first response (acknowledgement): REGISTERED -> IN_ANALYSIS. */
  acknowledgedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  /** R-TKT-3: PHONE only; false means a call-back is owed. */
  answeredOnCall: boolean | null;
  /** R-TKT-2: the ticket during whose work this one's problem was found. */
  linkedTicketId: string | null;
  /** R-TKT-9: where an answered clarification returns to (IN_ANALYSIS or IN_PROGRESS). */
  clarificationReturnStatus: TicketStatus | null;
  clarificationRequestedAt: Date | null;
  /** R-TKT-11: how often the customer returned a solution with remarks. */
  reworkCount: number;
  onSiteRequestedAt: Date | null;
  onSiteArrivedAt: Date | null;
  /** Optimistic concurrency: +1 per change; a change made from a stale version is refused (CONFLICT). */
  version: number;
}

export const OPEN_STATUSES = [
  'REGISTERED',
  'IN_ANALYSIS',
  'AWAITING_CLARIFICATION',
  'IN_PROGRESS',
  'RESOLVED',
] as const satisfies readonly TicketStatus[];

export function isOpen(status: TicketStatus): boolean {
  return (OPEN_STATUSES as readonly TicketStatus[]).includes(status);
}

/** An on-site visit was asked for and the engineer has not arrived yet (003). */
export function onSiteVisitPending(ticket: Pick<TicketState, 'onSiteRequestedAt' | 'onSiteArrivedAt'>): boolean {
  return ticket.onSiteRequestedAt !== null && ticket.onSiteArrivedAt === null;
}
