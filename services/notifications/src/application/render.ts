import Handlebars from 'handlebars';
import { DateTime } from 'luxon';
import type { Language, NotificationKind } from '../domain/kinds';
import { LABELS, MESSAGES } from '../templates/messages';

/** What a template is rendered with. */
export interface RenderContext {
  kind: NotificationKind;
  language: Language;
  /** Dates are written in this zone (the contract's), with the offset. */
  timeZone: string;
  values: Record<string, unknown>;
}

export interface RenderedText {
  title: string;
  body: string;
}

/**
 * Renders notification texts from the Handlebars templates (templates/messages.ts). Plain text
 * is rendered without escaping; e-mail HTML escapes every value (mail.ts).
 */
export class TextRenderer {
  private readonly hbs = Handlebars.create();
  private readonly compiled = new Map<string, Handlebars.TemplateDelegate>();

  constructor() {
    this.hbs.registerHelper('date', function (this: unknown, value: unknown, options: Handlebars.HelperOptions) {
      const root = options.data?.root as { __zone?: string; __language?: Language } | undefined;
      return formatDate(value, root?.__zone ?? 'Europe/Moscow', root?.__language ?? 'RU');
    });
    this.hbs.registerHelper('label', function (this: unknown, value: unknown, options: Handlebars.HelperOptions) {
      const root = options.data?.root as { __language?: Language } | undefined;
      const text = typeof value === 'string' ? value : String(value ?? '');
      return LABELS[root?.__language ?? 'RU'][text] ?? text;
    });
  }

  render(context: RenderContext, escape = false): RenderedText {
    const templates = MESSAGES[context.kind][context.language];
    const data = { ...context.values, __zone: context.timeZone, __language: context.language };
    return {
      title: this.template(templates.title, false)(data).trim(),
      body: this.template(templates.body, escape)(data).trim(),
    };
  }

  /** Compiles (once) a template: `escape` for HTML, plain text otherwise. */
  template(source: string, escape: boolean): Handlebars.TemplateDelegate {
    const key = `${escape ? 'h' : 't'}:${source}`;
    let compiled = this.compiled.get(key);
    if (!compiled) {
      compiled = this.hbs.compile(source, { noEscape: !escape, strict: false });
      this.compiled.set(key, compiled);
    }
    return compiled;
  }
}

/** `2025-03-05T15:00:00Z` in Moscow: `05.03.2025 18:00 (UTC+3)` (RU) or `2025-03-05 18:00 (UTC+3)` (EN). */
export function formatDate(value: unknown, zone: string, language: Language): string {
  if (typeof value !== 'string' && !(value instanceof Date)) return '';
  const at = value instanceof Date ? DateTime.fromJSDate(value) : DateTime.fromISO(value);
  if (!at.isValid) return String(value);
  const local = at.setZone(zone);
  const zoned = local.isValid ? local : at.toUTC();
  const pattern = language === 'RU' ? 'dd.MM.yyyy HH:mm' : 'yyyy-MM-dd HH:mm';
  return `${zoned.toFormat(pattern)} (${zoned.toFormat("'UTC'Z")})`;
}
