import {
  LEGALLY_REQUIRED_NOTIFICATION_KINDS,
  NOTIFICATION_KINDS,
  NOTIFICATION_LANGUAGES,
  type NotificationKind,
  type NotificationLanguage,
} from '@reglament/shared/domain';

/** The kinds live in the shared domain: contracts validates preferences against the same list. */
export { NOTIFICATION_KINDS, type NotificationKind };
export const LEGALLY_REQUIRED_KINDS = LEGALLY_REQUIRED_NOTIFICATION_KINDS;

export const NOTIFICATION_CHANNELS = ['IN_APP', 'EMAIL'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const LANGUAGES = NOTIFICATION_LANGUAGES;
export type Language = NotificationLanguage;
export const DEFAULT_LANGUAGE: Language = 'RU';

export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}
