import { badInput, visibleText } from '@reglament/shared/domain';

export const MESSAGE_MAX = 20_000;
export const NOTE_MAX = 2_000;

/**
 * A required text (a message, a question, a note), trimmed, 1..max characters; the refusal
 * names the field. Control and bidirectional formatting characters are made visible.
 */
export function requiredText(value: string, field: string, max = MESSAGE_MAX): string {
  const text = visibleText(value.trim());
  if (text.length === 0) throw badInput(`${field} must not be empty`, { field });
  if (text.length > max) throw badInput(`${field} must be at most ${max} characters (got ${text.length})`, { field });
  return text;
}

/** An optional text: blank means none. */
export function optionalText(value: string | null | undefined, field: string, max = NOTE_MAX): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  return requiredText(value, field, max);
}
