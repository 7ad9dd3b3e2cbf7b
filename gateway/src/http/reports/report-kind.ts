import type { ExecutionResult } from 'graphql';
import type { ReportDocument, ReportFormat } from './formats';

export type Lang = 'ru' | 'en';

export type Parsed<V> = { ok: true; lang: Lang; variables: V } | { ok: false; message: string };

/** One downloadable report: its parameters, the operation it runs as the caller, and its tables. */
export interface ReportKind<V extends Record<string, unknown> = Record<string, unknown>> {
  formats: readonly ReportFormat[];
  parse(url: URL): Parsed<V>;
  query: string;
  /** Runs the query as the caller (default: once; a paged report asks page after page). */
  run?(
    execute: (variables: Record<string, unknown>) => Promise<ExecutionResult>,
    variables: V,
  ): Promise<ExecutionResult>;
  document(data: unknown, variables: V, lang: Lang): ReportDocument;
}

/** Query string bound: 100 ids of 36 characters a list, and some. */
export const MAX_QUERY_CHARS = 8_000;

/** Refuses a long query string or a parameter the report does not know. */
export function checkParameters(url: URL, allowed: ReadonlySet<string>): string | null {
  if (url.search.length > MAX_QUERY_CHARS) return `The query string may be at most ${MAX_QUERY_CHARS} characters`;
  for (const name of new Set(url.searchParams.keys())) {
    if (!allowed.has(name)) {
      return `Unknown parameter ${JSON.stringify(name)}; allowed: ${[...allowed].join(', ')}`;
    }
  }
  return null;
}

/** A parameter given once (null: absent; undefined: repeated). */
export function one(url: URL, name: string): string | null | undefined {
  const values = url.searchParams.getAll(name);
  return values.length === 1 ? values[0]! : values.length === 0 ? null : undefined;
}

export function langOf(url: URL): Lang | null {
  const lang = one(url, 'lang') ?? 'ru';
  return lang === 'ru' || lang === 'en' ? lang : null;
}
