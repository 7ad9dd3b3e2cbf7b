/** Events of the SLA service (owner: services/sla). */
import type { Party, SlaMetric, TimerStatus } from '../domain-types';

export interface SlaTimerFacts {
  timerId: string;
  ticketId: string;
  organizationId: string;
  policyId: string;
  metric: SlaMetric;
  party: Party;
  status: TimerStatus;
  startedAt: string;
  deadline: string | null;
  warnAt: string | null;
  breachedAt: string | null;
  stoppedAt: string | null;
}

export type SlaTimerEventV1 = SlaTimerFacts;

export interface SlaTimerWarningV1 extends SlaTimerFacts {
  /** R-SLA-9: the party that will miss the deadline, and the party to warn. */
  partyAtRisk: Party;
  partyToNotify: Party[];
}

export type SlaState = 'ON_TRACK' | 'AT_RISK' | 'BREACHED' | 'PAUSED' | 'MET';

/** A ticket's SLA standing changed: tickets keeps it for ordering and the `breached` filter. */
export interface SlaTicketStateChangedV1 {
  ticketId: string;
  organizationId: string;
  state: SlaState;
  nextDeadline: string | null;
  breached: boolean;
  /** R-SLA-11: a breached provider timer whose failure report is still missing blocks closing. */
  failureReportPending: boolean;
}

/** Commands to tickets, as events: the clock decided (R-TKT-12, R-TKT-9). */
export interface SlaTicketDueV1 {
  ticketId: string;
  organizationId: string;
  timerId: string;
  dueAt: string;
  /** When that clock started (the clarification request, the solution): tells a stale command from a current one. */
  startedAt?: string;
  /** clarification_expired: the policy says the system closes with NO_CLARIFICATION itself (R-TKT-9). */
  closeAutomatically?: boolean;
}

export interface SlaFailureReportSubmittedV1 {
  reportId: string;
  ticketId: string;
  organizationId: string;
  /** The breached provider clock it covers; null for a report of a product failure without a breach (003 §7). */
  timerId: string | null;
  causes: string;
  measures: string;
  submittedBy: string | null;
}

/** A date whose kind changed in a production calendar year (R-SLA-2). */
export interface ProductionCalendarDayChangeV1 {
  date: string;
  before: 'REGULAR' | 'DAY_OFF' | 'WORKING_WEEKEND' | 'SHORTENED' | 'SHORTENED_WORKING_WEEKEND';
  after: 'REGULAR' | 'DAY_OFF' | 'WORKING_WEEKEND' | 'SHORTENED' | 'SHORTENED_WORKING_WEEKEND';
}

/** Years of a production calendar added or replaced by an import; unchanged years are not in it. */
export interface SlaProductionCalendarImportedV1 {
  calendarId: string;
  country: string;
  /** XMLCALENDAR_XML, XMLCALENDAR_JSON, REGLAMENT_JSON or SHIPPED (data files at start). */
  format: string;
  importedBy: string | null;
  years: {
    year: number;
    change: 'ADDED' | 'REPLACED';
    workingDays: number;
    workingHours: number;
    shortenedDays: number;
    source: string;
    days: ProductionCalendarDayChangeV1[];
  }[];
}

/** A production calendar's data runs out soon: at most once a week per calendar from 60 days before its end. */
export interface SlaCalendarCoverageLowV1 {
  calendarId: string;
  calendarName: string;
  country: string;
  /** The last year with data (null: none at all). */
  lastYear: number | null;
  /** Last date with data, YYYY-MM-DD (null: none). */
  coveredUntil: string | null;
  /** Days from today (the calendar's zone) through coveredUntil; 0 once it has passed. */
  daysLeft: number;
  thresholdDays: number;
}

/**
 * The fix clock of a security advisory (R-SLA-6, seed 001 §8-9), a provider clock in calendar
 * days. Published once with no organization (the provider's side) and once per organization
 * told of the advisory (its contacts hear the warning too, R-SLA-9).
 */
export interface SlaAdvisoryFixV1 {
  advisoryId: string;
  product: string;
  title: string;
  startedAt: string;
  deadline: string;
  /** RUNNING (warning), BREACHED (deadline passed, fix not out), MET or BREACHED when stopped. */
  status: 'RUNNING' | 'BREACHED' | 'MET';
  /** The instant of this change (the warning instant, the deadline, the fix). */
  at: string;
  releaseId: string | null;
}

export interface SlaEventPayloads {
  'sla.timer.started': SlaTimerEventV1;
  'sla.timer.paused': SlaTimerEventV1;
  'sla.timer.resumed': SlaTimerEventV1;
  'sla.timer.deadline_changed': SlaTimerEventV1;
  'sla.timer.warning': SlaTimerWarningV1;
  'sla.timer.breached': SlaTimerEventV1;
  'sla.timer.met': SlaTimerEventV1;
  'sla.timer.cancelled': SlaTimerEventV1;
  'sla.ticket.state_changed': SlaTicketStateChangedV1;
  /** AUTO_CLOSE expired: tickets closes the ticket with AUTO_CLOSED (R-TKT-12). */
  'sla.ticket.auto_close_due': SlaTicketDueV1;
  /** CLARIFICATION expired: tickets may (or, per setting, does) close with NO_CLARIFICATION (R-TKT-9). */
  'sla.ticket.clarification_expired': SlaTicketDueV1;
  'sla.failure_report.submitted': SlaFailureReportSubmittedV1;
  /** Replicas learn of it by a version check, not from this event: it is for audits and other parts. */
  'sla.production_calendar.imported': SlaProductionCalendarImportedV1;
  /** For the notifications service: in-app and e-mail to admins. */
  'sla.calendar.coverage_low': SlaCalendarCoverageLowV1;
  'sla.advisory_fix.warning': SlaAdvisoryFixV1;
  'sla.advisory_fix.breached': SlaAdvisoryFixV1;
  'sla.advisory_fix.stopped': SlaAdvisoryFixV1;
}
