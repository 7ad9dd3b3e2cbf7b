/**
 * Text that is not well-formed Unicode: a UTF-16 surrogate without its pair. JSON lets a client
 * send one (`"\ud800"`); no database column or UTF-8 byte stream can hold it, so it is refused
 * at the door with a typed error instead of failing later as an internal one.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export class IllFormedTextError extends Error {
  constructor() {
    super('Text may not contain a lone UTF-16 surrogate (\\uD800-\\uDFFF without its pair): send well-formed Unicode');
  }
}

export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

/** True when any string (or key) in a parsed JSON value holds a lone surrogate. */
export function carriesLoneSurrogate(value: unknown): boolean {
  if (typeof value === 'string') return hasLoneSurrogate(value);
  if (Array.isArray(value)) return value.some(carriesLoneSurrogate);
  if (value && typeof value === 'object') {
    return Object.entries(value).some(([key, item]) => hasLoneSurrogate(key) || carriesLoneSurrogate(item));
  }
  return false;
}

/** JSON.parse that refuses ill-formed text (IllFormedTextError) as it reads each string. */
export function parseWellFormedJson(text: string): unknown {
  return JSON.parse(text, (key, value: unknown) => {
    if (hasLoneSurrogate(key) || (typeof value === 'string' && hasLoneSurrogate(value))) {
      throw new IllFormedTextError();
    }
    return value;
  });
}
