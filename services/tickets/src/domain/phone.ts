import { badInput } from '@reglament/shared/domain';
import { TITLE_MAX } from './registration';

/** Digits a phone number may have (E.164 has at most 15; short internal numbers at least 3). */
const PHONE_DIGITS = { min: 3, max: 15 };

/**
 * The digits of a caller's number as the hotline typed it ("+7 (4932) 42-88-40"): only digits,
 * spaces, `+ ( ) - .` are taken. Numbers match on their last 10 digits, so the Russian trunk
 * prefix 8 and the country code +7 name the same line.
 */
export function callerPhoneDigits(phone: string): string {
  const text = phone.trim();
  const digits = text.replace(/\D/g, '');
  if (!/^[+\d\s().-]*$/.test(text) || digits.length < PHONE_DIGITS.min || digits.length > PHONE_DIGITS.max) {
    throw badInput(
      `callerPhone must be a phone number of ${PHONE_DIGITS.min} to ${PHONE_DIGITS.max} digits (spaces, + ( ) - . allowed), like +7 (4932) 42-88-40`,
      { field: 'callerPhone' },
    );
  }
  return digits;
}

/** A call's ticket title when the hotline gave none: the summary's first line, clipped. */
export function callTitle(summary: string): string {
  const line = summary.split('\n')[0]!.trim();
  return line.length <= TITLE_MAX ? line : `${line.slice(0, TITLE_MAX - 1)}…`;
}
