/** What a notification is about (`Notification.kind`, docs/api.md). */
export const NOTIFICATION_KINDS = [
  'TICKET_REGISTERED',
  'STATUS_CHANGED',
  'PLANNED_DATE_CHANGED',
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
  'CALENDAR_COVERAGE_LOW',
  'ADVISORY',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * Kinds the regulations oblige us to send: a recipient cannot turn their e-mail off
 * (R-TKT-9 clarification with its deadline, R-TKT-11/12 solution with the auto-close date,
 * R-SLA-9 warnings, R-NTF-2 advisories).
 */
export const LEGALLY_REQUIRED_KINDS: readonly NotificationKind[] = [
  'CLARIFICATION_REQUESTED',
  'SOLUTION_PROVIDED',
  'SLA_WARNING',
  'ADVISORY',
];

export const NOTIFICATION_CHANNELS = ['IN_APP', 'EMAIL'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const LANGUAGES = ['RU', 'EN'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'RU';

export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}
