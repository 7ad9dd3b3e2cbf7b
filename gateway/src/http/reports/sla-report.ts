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
  parse,
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
function parse(url: URL): Parsed<Variables> {
  const problem = checkParameters(url, PARAMETERS);
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
