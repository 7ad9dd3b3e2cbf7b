import type { ReportDocument } from './formats';
import { checkParameters, type Lang, langOf, one, type Parsed, type ReportKind } from './report-kind';

const LISTS = [
  'organizationIds',
  'contractIds',
  'priorities',
  'categories',
  'products',
  'parties',
  'engineerIds',
] as const;
const PARAMETERS = new Set<string>(['from', 'to', 'groupBy', 'lang', 'timeZone', ...LISTS]);
const BREACH_PARAMETERS = new Set<string>(['from', 'to', 'lang', ...LISTS]);
const GROUPINGS = ['CONTRACT', 'ORGANIZATION', 'PRIORITY', 'CATEGORY', 'PRODUCT', 'ENGINEER', 'MONTH'];

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
export const REPORT_HEADINGS: Record<Lang, Record<Column, string>> = {
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

const TITLE: Record<Lang, string> = { ru: 'Отчёт о соблюдении SLA', en: 'SLA report' };
const PERIOD: Record<Lang, string> = { ru: 'Период', en: 'Period' };
const GROUPED: Record<Lang, string> = { ru: 'Группировка', en: 'Grouped by' };

type Variables = { filter: Record<string, unknown> & { from: string; to: string }; groupBy: string | null };

/**
 * `GET /reports/sla.csv|.xlsx|.html`: the `slaReport` of the query's period and filter, as the
 * caller may see it (the SLA subgraph narrows a customer to its own organization).
 */
export const slaReportKind: ReportKind<Variables> = {
  formats: ['csv', 'xlsx', 'html'],
  query: `query SlaReportDownload($filter: SlaReportFilter!, $groupBy: SlaReportGroupBy) {
  slaReport(filter: $filter, groupBy: $groupBy) { ${COLUMNS.join(' ')} } }`,
  parse: (url) => parse(url, PARAMETERS),
  document(data, variables, lang): ReportDocument {
    const rows = (data as { slaReport: Row[] }).slaReport;
    const headings = REPORT_HEADINGS[lang];
    const { from, to } = variables.filter;
    return {
      name: `sla-report-${from.slice(0, 10)}-${to.slice(0, 10)}`,
      title: TITLE[lang],
      subtitle: [
        `${PERIOD[lang]}: ${from} — ${to}`,
        ...(variables.groupBy ? [`${GROUPED[lang]}: ${variables.groupBy}`] : []),
      ],
      lang,
      tables: [
        {
          sheet: 'SLA',
          caption: TITLE[lang],
          headings: COLUMNS.map((c) => headings[c]),
          rows: rows.map((row) => COLUMNS.map((c) => row[c])),
          shares: { columns: [COLUMNS.indexOf('complianceShare')] },
        },
      ],
    };
  },
};

/** The query string as the API's filter: lists repeated or comma-separated; anything unknown refused. */
function parse(url: URL, allowed: ReadonlySet<string>): Parsed<Variables> {
  const problem = checkParameters(url, allowed);
  if (problem) return { ok: false, message: problem };
  const from = one(url, 'from');
  const to = one(url, 'to');
  if (!from || !to) return { ok: false, message: 'from and to are required once each (ISO 8601 instants or dates)' };
  const instant = (value: string) => {
    const at = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
    return Number.isNaN(at.getTime()) ? null : at.toISOString();
  };
  const fromAt = instant(from);
  const toAt = instant(to);
  if (!fromAt || !toAt) return { ok: false, message: 'from and to must be ISO 8601 instants or dates (YYYY-MM-DD)' };
  const lang = langOf(url);
  if (!lang) return { ok: false, message: 'lang must be ru or en' };
  const groupBy = one(url, 'groupBy') ?? null;
  if (groupBy !== null && (groupBy === undefined || !GROUPINGS.includes(groupBy))) {
    return { ok: false, message: `groupBy must be one of ${GROUPINGS.join(', ')}` };
  }
  const filter: Variables['filter'] = { from: fromAt, to: toAt };
  const timeZone = one(url, 'timeZone');
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

/** The most breaches one download lists (20 pages of 100); the file says when there are more. */
export const BREACHES_MAX_ROWS = 2_000;
const PAGE = 100;

const BREACH_COLUMNS = [
  'ticketNumber',
  'metric',
  'party',
  'priority',
  'category',
  'breachedAt',
  'stoppedAt',
  'lateMinutes',
  'failureReportState',
] as const;
type BreachColumn = (typeof BREACH_COLUMNS)[number];

const BREACH_HEADINGS: Record<Lang, Record<BreachColumn, string> & { title: string; more: string }> = {
  ru: {
    title: 'Нарушения сроков SLA',
    more: 'Показаны первые строки',
    ticketNumber: 'Обращение',
    metric: 'Показатель',
    party: 'Сторона',
    priority: 'Приоритет',
    category: 'Категория',
    breachedAt: 'Нарушено (UTC)',
    stoppedAt: 'Остановлено (UTC)',
    lateMinutes: 'Опоздание, раб. мин',
    failureReportState: 'Отчёт о сбое',
  },
  en: {
    title: 'SLA breaches',
    more: 'First rows shown',
    ticketNumber: 'Ticket',
    metric: 'Metric',
    party: 'Party',
    priority: 'Priority',
    category: 'Category',
    breachedAt: 'Breached at (UTC)',
    stoppedAt: 'Stopped at (UTC)',
    lateMinutes: 'Late, working min',
    failureReportState: 'Failure report',
  },
};

type BreachNode = Record<Exclude<BreachColumn, 'ticketNumber'>, string | number | null> & {
  ticketId: string;
  ticket: { number: string } | null;
};
type BreachPage = {
  breaches: {
    edges: { node: BreachNode }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    totalCount: number;
  };
};

/**
 * `GET /reports/breaches.csv|.xlsx|.html`: `breaches` of the period and filter (R-SLA-11), latest
 * first, paged through as the caller up to BREACHES_MAX_ROWS rows.
 */
export const breachesReportKind: ReportKind<Variables> = {
  formats: ['csv', 'xlsx', 'html'],
  query: `query BreachesDownload($filter: SlaReportFilter!, $after: String) {
  breaches(filter: $filter, first: ${PAGE}, after: $after) {
    edges { node { ticketId ticket { number } ${BREACH_COLUMNS.filter((c) => c !== 'ticketNumber').join(' ')} } }
    pageInfo { hasNextPage endCursor } totalCount } }`,
  parse: (url) => parse(url, BREACH_PARAMETERS),
  async run(execute, variables) {
    const nodes: BreachNode[] = [];
    let after: string | null = null;
    let totalCount = 0;
    for (;;) {
      const result = await execute({ filter: variables.filter, after });
      if (result.errors?.length || !result.data) return result;
      const page = (result.data as BreachPage).breaches;
      nodes.push(...page.edges.map((edge) => edge.node));
      totalCount = page.totalCount;
      if (!page.pageInfo.hasNextPage || nodes.length >= BREACHES_MAX_ROWS) break;
      after = page.pageInfo.endCursor;
    }
    return { data: { nodes: nodes.slice(0, BREACHES_MAX_ROWS), totalCount } };
  },
  document(data, variables, lang): ReportDocument {
    const { nodes, totalCount } = data as { nodes: BreachNode[]; totalCount: number };
    const t = BREACH_HEADINGS[lang];
    const { from, to } = variables.filter;
    return {
      name: `sla-breaches-${from.slice(0, 10)}-${to.slice(0, 10)}`,
      title: t.title,
      subtitle: [
        `${PERIOD[lang]}: ${from} — ${to}`,
        ...(totalCount > nodes.length ? [`${t.more}: ${nodes.length} / ${totalCount}`] : []),
      ],
      lang,
      tables: [
        {
          sheet: lang === 'ru' ? 'Нарушения' : 'Breaches',
          caption: t.title,
          headings: BREACH_COLUMNS.map((c) => t[c]),
          rows: nodes.map((node) =>
            BREACH_COLUMNS.map((c) => (c === 'ticketNumber' ? (node.ticket?.number ?? node.ticketId) : node[c])),
          ),
        },
      ],
    };
  },
};
