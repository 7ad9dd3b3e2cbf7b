import {
  badInput,
  type Caller,
  LEGALLY_REQUIRED_NOTIFICATION_KINDS,
  NOTIFICATION_KINDS,
  NOTIFICATION_LANGUAGES,
} from '@reglament/shared/domain';

/** A person's notification preferences, as updateContact / updateStaff take them. */
export interface NotificationPreferences {
  language?: string;
  emailOff?: string[];
}

/** The language of notifications: RU or EN. */
export function validateLanguage(value: string): string {
  if (!(NOTIFICATION_LANGUAGES as readonly string[]).includes(value)) {
    throw badInput(`language must be one of ${NOTIFICATION_LANGUAGES.join(', ')}`, { field: 'language' });
  }
  return value;
}

/**
 * Kinds to get no e-mail for: known kinds only, each once, and never a legally required one
 * (clarification requested, solution provided, SLA warnings, advisories).
 */
export function validateEmailOff(kinds: string[]): string[] {
  if (kinds.length > NOTIFICATION_KINDS.length) {
    throw badInput(`emailOff may name at most ${NOTIFICATION_KINDS.length} kinds`, { field: 'emailOff' });
  }
  const unknown = kinds.filter((k) => !(NOTIFICATION_KINDS as readonly string[]).includes(k));
  if (unknown.length > 0) {
    throw badInput(
      `emailOff names unknown kinds (${unknown.slice(0, 3).join(', ')}); allowed: ${NOTIFICATION_KINDS.join(', ')}`,
      {
        field: 'emailOff',
      },
    );
  }
  const required = kinds.filter((k) => (LEGALLY_REQUIRED_NOTIFICATION_KINDS as readonly string[]).includes(k));
  if (required.length > 0) {
    throw badInput(
      `E-mail for ${required.join(', ')} cannot be turned off: the regulations require it ` +
        `(legally required: ${LEGALLY_REQUIRED_NOTIFICATION_KINDS.join(', ')})`,
      { field: 'emailOff' },
    );
  }
  return [...new Set(kinds)].sort();
}

/** A person may change their own preferences (and nothing else) without a manager's role. */
export function isOwnPreferencesChange(caller: Caller, id: string, changes: object): boolean {
  if (caller.kind !== 'user' || caller.id.toLowerCase() !== id.toLowerCase()) return false;
  return Object.keys(changes).every((key) => key === 'language' || key === 'emailOff');
}
