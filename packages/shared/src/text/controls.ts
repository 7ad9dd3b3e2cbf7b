import { badInput } from '../errors';

/**
 * Characters that change how text looks rather than what it says: bidirectional overrides and
 * isolates (U+202A-202E, U+2066-2069: "Trojan Source" names that read differently than they
 * sort or match), and C0/C1 control characters other than tab and newline.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/gu;

function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * A single-line field (a name, a title, a product) with none of those characters; the
 * refusal names the field and the first character found.
 */
export function plainText(value: string, field: string): string {
  const found = value.match(INVISIBLE);
  if (found) {
    throw badInput(
      `${field} may not contain control or bidirectional formatting characters (found ${codePoint(found[0])}); ` +
        'tab and newline are the only ones allowed',
      { field, character: codePoint(found[0]) },
    );
  }
  return value;
}

/**
 * A message body, kept as written but visible-safe: line ends become newlines, and every
 * other control or bidirectional formatting character is shown as its code (`<U+202E>`), so
 * what a reader sees is what was sent.
 */
export function visibleText(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(INVISIBLE, (char) => `<${codePoint(char)}>`);
}
