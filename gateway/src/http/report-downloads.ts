import { ErrorCode } from '@reglament/shared/domain';
import { type Route, sendJson } from '@reglament/shared/platform';
import ExcelJS from 'exceljs';
import type { ExecutionResult } from 'graphql';
import type { Authenticator } from '../auth/authenticate';
import type { GatewayContext } from '../context';
import type { InFlightLimiter } from '../guard/in-flight';
import { RateLimiter } from '../guard/rate-limiter';

export interface ReportDownloadOptions {
  authenticator: Authenticator;
  /** The gateway's per-caller request limits (a download is a request like any other)... */
  limiter: RateLimiter;
  inFlight: InFlightLimiter;
  /** ...and a stricter one of its own: a report reads a year of clocks. */
  downloadsPerMinute?: number;
  /** Runs an operation through the supergraph as the caller (their rights apply in every subgraph). */
  execute: (query: string, variables: Record<string, unknown>, context: GatewayContext) => Promise<ExecutionResult>;
}

const PATH = /^\/reports\/sla\.(csv|xlsx)$/;
const LISTS = ['organizationIds', 'contractIds', 'priorities', 'categories', 'products', 'parties'] as const;
const PARAMETERS = new Set<string>(['from', 'to', 'groupBy', 'lang', 'timeZone', ...LISTS]);
const GROUPINGS = ['CONTRACT', 'ORGANIZATION', 'PRIORITY', 'CATEGORY', 'PRODUCT', 'MONTH'];
/** Query string bound: 100 ids of 36 characters a list, and some. */
const MAX_QUERY_CHARS = 8_000;

const COLUMNS = [
  'group',
  'metric',
  'party',
  'started',
  'met',
  'breached',
  'openAtRisk',
  'complianceShare',
  'medianUsedMinutes',
  'p90UsedMinutes',
  'medianTargetMinutes',
] as const;
type Column = (typeof COLUMNS)[number];
type Row = Record<Column, string | number | null>;

/** Column names of the downloaded files, in Russian and English. */
export const REPORT_HEADINGS: Record<'ru' | 'en', Record<Column, string>> = {
  ru: {
    group: 'Группа',
    metric: 'Показатель',
    party: 'Сторона',
    started: 'Начато',
    met: 'Соблюдено',
    breached: 'Нарушено',
    openAtRisk: 'Под угрозой сейчас',
    complianceShare: 'Доля соблюдения',
    medianUsedMinutes: 'Медиана затраченного, раб. мин',
    p90UsedMinutes: '90-й процентиль затраченного, раб. мин',
    medianTargetMinutes: 'Медиана норматива, раб. мин',
  },
  en: {
    group: 'Group',
    metric: 'Metric',
    party: 'Party',
    started: 'Started',
    met: 'Met',
    breached: 'Breached',
    openAtRisk: 'At risk now',
    complianceShare: 'Compliance share',
    medianUsedMinutes: 'Median used, working min',
    p90UsedMinutes: '90th percentile used, working min',
    medianTargetMinutes: 'Median target, working min',
  },
};

const QUERY = `query SlaReportDownload($filter: SlaReportFilter!, $groupBy: SlaReportGroupBy) {
  slaReport(filter: $filter, groupBy: $groupBy) { ${COLUMNS.join(' ')} } }`;

/**
 * `GET /reports/sla.csv` and `/reports/sla.xlsx` with `Authorization: Bearer <token>`: the
 * `slaReport` of the query's period and filter, as the caller may see it (the SLA subgraph
 * narrows a customer to its own organization), with Russian or English column names (`lang`).
 */
export function reportDownloadRoute(options: ReportDownloadOptions): Route {
  const downloads = new RateLimiter(options.downloadsPerMinute ?? 30, 10);
  return async (req, res, url) => {
    const match = PATH.exec(url.pathname);
    if (!match) return false;
    const format = match[1] as 'csv' | 'xlsx';
    if (req.method !== 'GET') {
      sendJson(res, 405, refusal(ErrorCode.BAD_REQUEST, 'Reports are downloaded with GET'), { allow: 'GET' });
      return true;
    }
    let context: GatewayContext;
    try {
      context = await options.authenticator.authenticate({ authorization: req.headers.authorization });
    } catch (error) {
      sendJson(res, 401, refusal(ErrorCode.UNAUTHENTICATED, (error as Error).message));
      return true;
    }
    const valid = options.authenticator.stillValid(context);
    if (context.caller.kind !== 'user' || !valid.ok) {
      const reason = valid.ok ? 'send "Authorization: Bearer <token>"' : valid.reason;
      sendJson(res, 401, refusal(ErrorCode.UNAUTHENTICATED, `A report needs a signed-in caller: ${reason}`), {
        'www-authenticate': 'Bearer',
      });
      return true;
    }
    const key = `user:${context.caller.id}`;
    const own = downloads.take(key);
    const decision = own.allowed ? options.limiter.take(key) : own;
    const leave = decision.allowed ? options.inFlight.enter(key) : null;
    if (!leave) {
      const retry = decision.allowed ? 1 : decision.retryAfterSeconds;
      const message = decision.allowed
        ? options.inFlight.message()
        : own.allowed
          ? options.limiter.message(retry)
          : `At most ${options.downloadsPerMinute ?? 30} report downloads a minute; retry in ${retry} s`;
      sendJson(res, 429, refusal(ErrorCode.RATE_LIMITED, message, { retryAfterSeconds: retry }), {
        'retry-after': String(retry),
      });
      return true;
    }
    try {
      const parsed = parseQuery(url);
      if (!parsed.ok) {
        sendJson(res, 400, refusal(ErrorCode.BAD_USER_INPUT, parsed.message));
        return true;
      }
      const result = await options.execute(QUERY, parsed.variables, context);
      if (result.errors?.length || !result.data) {
        const first = result.errors?.[0];
        const code = String(first?.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR);
        const status =
          code === 'BAD_USER_INPUT' ? 400 : code === 'FORBIDDEN' ? 403 : code === 'UNAUTHENTICATED' ? 401 : 500;
        sendJson(res, status, { errors: result.errors ?? [{ message: 'No report', extensions: { code } }] });
        return true;
      }
      const rows = (result.data as { slaReport: Row[] }).slaReport;
      const headings = REPORT_HEADINGS[parsed.lang];
      const name = `sla-report-${parsed.variables.filter.from.slice(0, 10)}-${parsed.variables.filter.to.slice(0, 10)}`;
      const body = format === 'csv' ? toCsv(rows, headings) : await toXlsx(rows, headings);
      res.writeHead(200, {
        'content-type':
          format === 'csv'
            ? 'text/csv; charset=utf-8'
            : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="${name}.${format}"`,
        'content-length': String(body.length),
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
      });
      res.end(body);
    } finally {
      leave();
    }
    return true;
  };
}

type Parsed =
  | {
      ok: true;
      lang: 'ru' | 'en';
      variables: { filter: Record<string, unknown> & { from: string; to: string }; groupBy: string | null };
    }
  | { ok: false; message: string };

/** The query string as the API's filter: lists repeated or comma-separated; anything unknown refused. */
function parseQuery(url: URL): Parsed {
  if (url.search.length > MAX_QUERY_CHARS) {
    return { ok: false, message: `The query string may be at most ${MAX_QUERY_CHARS} characters` };
  }
  for (const name of new Set(url.searchParams.keys())) {
    if (!PARAMETERS.has(name)) {
      return {
        ok: false,
        message: `Unknown parameter ${JSON.stringify(name)}; allowed: ${[...PARAMETERS].join(', ')}`,
      };
    }
  }
  const one = (name: string) => {
    const values = url.searchParams.getAll(name);
    return values.length === 1 ? values[0]! : values.length === 0 ? null : undefined;
  };
  const from = one('from');
  const to = one('to');
  if (!from || !to) return { ok: false, message: 'from and to are required once each (ISO 8601 instants or dates)' };
  const instant = (value: string) => {
    const at = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
    return Number.isNaN(at.getTime()) ? null : at.toISOString();
  };
  const fromAt = instant(from);
  const toAt = instant(to);
  if (!fromAt || !toAt) return { ok: false, message: 'from and to must be ISO 8601 instants or dates (YYYY-MM-DD)' };
  const lang = one('lang') ?? 'ru';
  if (lang !== 'ru' && lang !== 'en') return { ok: false, message: 'lang must be ru or en' };
  const groupBy = one('groupBy') ?? null;
  if (groupBy !== null && (groupBy === undefined || !GROUPINGS.includes(groupBy))) {
    return { ok: false, message: `groupBy must be one of ${GROUPINGS.join(', ')}` };
  }
  const filter: Record<string, unknown> & { from: string; to: string } = { from: fromAt, to: toAt };
  const timeZone = one('timeZone');
  if (timeZone === undefined) return { ok: false, message: 'timeZone may be given once' };
  if (timeZone !== null) filter.timeZone = timeZone;
  for (const list of LISTS) {
    const values = url.searchParams
      .getAll(list)
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter((v) => v !== '');
    if (values.length > 0) filter[list] = values;
  }
  return { ok: true, lang, variables: { filter, groupBy } };
}

function toCsv(rows: Row[], headings: Record<Column, string>): Buffer {
  const cell = (value: string | number | null) => {
    if (value === null) return '';
    const text = String(value);
    // Quoted when needed; a leading =, +, -, @ is neutralised so that no spreadsheet runs it as a formula.
    const safe = /^[=+\-@\t\r]/.test(text) && typeof value === 'string' ? `'${text}` : text;
    return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = [COLUMNS.map((c) => cell(headings[c])).join(',')];
  for (const row of rows) lines.push(COLUMNS.map((c) => cell(row[c])).join(','));
  // A byte-order mark: spreadsheet programs then read the Cyrillic headings as UTF-8.
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

async function toXlsx(rows: Row[], headings: Record<Column, string>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Reglament';
  const sheet = workbook.addWorksheet('SLA');
  sheet.columns = COLUMNS.map((c) => ({ header: headings[c], key: c, width: Math.max(12, headings[c].length + 2) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.getColumn('complianceShare').numFmt = '0.0%';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function refusal(code: string, message: string, details: Record<string, unknown> = {}) {
  return { errors: [{ message, extensions: { code, ...details } }] };
}
