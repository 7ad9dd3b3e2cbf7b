/** The enums of the public API (docs/api.md), shared by every part. */
export const TICKET_STATUSES = [
  'REGISTERED',
  'IN_ANALYSIS',
  'AWAITING_CLARIFICATION',
  'IN_PROGRESS',
  'RESOLVED',
  'CLOSED',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const CATEGORIES = ['ERROR', 'SUPPORT', 'IMPROVEMENT'] as const;
export type Category = (typeof CATEGORIES)[number];

/**
 * What a ticket is: a customer's REQUEST (the SLA clocks run), a DUTY a contract imposes (issue 18,
 * contract duties), or a WISH recorded for later analysis without an SLA clock (004).
 */
export const TICKET_KINDS = ['REQUEST', 'DUTY', 'WISH'] as const;
export type TicketKind = (typeof TICKET_KINDS)[number];

export const PRIORITIES = ['URGENT', 'HIGH', 'NORMAL', 'LOW'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const CHANNELS = ['PORTAL', 'EMAIL', 'PHONE', 'API'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CLOSE_REASONS = ['ACCEPTED', 'AUTO_CLOSED', 'NO_CLARIFICATION', 'DUPLICATE', 'WITHDRAWN', 'DONE'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

export const SLA_METRICS = [
  'REACTION',
  'TERM_AGREEMENT',
  'ANALYSIS',
  'RESOLUTION',
  'REWORK',
  'CUSTOMER_ACCEPTANCE',
  'CLARIFICATION',
  'CALLBACK',
  'ON_SITE',
  'AUTO_CLOSE',
] as const;
export type SlaMetric = (typeof SLA_METRICS)[number];

export const PARTIES = ['PROVIDER', 'CUSTOMER'] as const;
export type Party = (typeof PARTIES)[number];

export const TIMER_STATUSES = ['RUNNING', 'PAUSED', 'MET', 'BREACHED', 'CANCELLED', 'NOT_GUARANTEED'] as const;
export type TimerStatus = (typeof TIMER_STATUSES)[number];

export const ROLES = ['CUSTOMER', 'DISPATCHER', 'ENGINEER', 'ADMIN', 'PARTNER'] as const;
export type Role = (typeof ROLES)[number];

export const STAFF_ROLES = ['DISPATCHER', 'ENGINEER', 'ADMIN'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Provider staff (the one list of staff roles: STAFF_ROLES). */
export function isStaffRole(role: string): role is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(role);
}

/** The five regulations that ship as presets (docs/domain.md "The five presets"). */
export const PRESET_IDS = ['imc-typical', 'asmo', 'altec-8x5x4', 'kz-supplier', 'infocraft-365'] as const;
export type PresetId = (typeof PRESET_IDS)[number];

/** How far ahead a plan may reach (planned resolution dates, releases): ten years. */
export const PLANNING_HORIZON_MS = 10 * 366 * 24 * 3600_000;

/**
 * The largest attachment `Attachment.contentBase64` serves inline (64 KiB); larger files are
 * downloaded from `Attachment.url`. The gateway weighs the field by this size in its cost.
 */
export const ATTACHMENT_INLINE_MAX_BYTES = 64 * 1024;

/** What a notification is about (the notifications service's rules table; `Notification.kind`). */
export const NOTIFICATION_KINDS = [
  'TICKET_REGISTERED',
  'STATUS_CHANGED',
  'PLANNED_DATE_CHANGED',
  'PLANNED_DATE_PROPOSED',
  'PLANNED_DATE_AGREED',
  'PLANNED_DATE_OBJECTED',
  'PRIORITY_CHANGED',
  'ASSIGNED',
  'MESSAGE_ADDED',
  'CLARIFICATION_REQUESTED',
  'CLARIFICATION_ANSWERED',
  'SOLUTION_PROVIDED',
  'SOLUTION_RETURNED',
  'TICKET_CLOSED',
  'SLA_WARNING',
  'SLA_BREACHED',
  'FAILURE_REPORT_REQUIRED',
  'FAILURE_REPORT_SUBMITTED',
  'PREPAID_EXHAUSTED',
  'CUSTOMIZATION_CAP_NEARING',
  'CALENDAR_COVERAGE_LOW',
  'ADVISORY',
  'ADVISORY_FIXED',
  'RELEASE_PUBLISHED',
  'EMAIL_FORWARDED',
  'EMAIL_REFUSED',
  'WEBHOOK_DISABLED',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * Kinds the regulations oblige the provider to send: nobody can turn their e-mail off
 * (R-TKT-9 clarification with its deadline, R-TKT-11/12 solution with the auto-close date,
 * R-SLA-9 warnings, R-NTF-2 advisories and their fixes, 001 §8-9).
 */
export const LEGALLY_REQUIRED_NOTIFICATION_KINDS: readonly NotificationKind[] = [
  'CLARIFICATION_REQUESTED',
  'SOLUTION_PROVIDED',
  'SLA_WARNING',
  'ADVISORY',
  'ADVISORY_FIXED',
];

/** Languages of notifications (a person's `language`; default RU). */
export const NOTIFICATION_LANGUAGES = ['RU', 'EN'] as const;
export type NotificationLanguage = (typeof NOTIFICATION_LANGUAGES)[number];
