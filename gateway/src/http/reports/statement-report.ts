import type { Cell, ReportDocument } from './formats';
import { checkParameters, type Lang, langOf, one, type Parsed, type ReportKind } from './report-kind';

const PARAMETERS = new Set(['contractId', 'month', 'lang']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const LINE_COLUMNS = [
  'ticketNumber',
  'serviceCode',
  'serviceName',
  'kind',
  'billing',
  'entries',
  'minutes',
  'actualMinutes',
  'debitedMinutes',
  'amount',
] as const;
type LineColumn = (typeof LINE_COLUMNS)[number];

interface Payment {
  month: string;
  paidAt: string;
  onTime: boolean;
}
interface Statement {
  contractId: string;
  month: string;
  timeZone: string;
  opened: boolean;
  final: boolean;
  contract: { number: string; organization: { name: string } | null };
  prepaid: Record<(typeof PREPAID)[number], number> | null;
  freeMinutes: number;
  notPrepaidMinutes: number;
  normMinutes: number;
  normActualMinutes: number;
  customization: Record<(typeof CUSTOMIZATION)[number], number | null>;
  payment: Payment | null;
  nextMonthPayment: Payment | null;
  lines: (Record<LineColumn, Cell> & { ticketId: string })[];
  lineCount: number;
  reconciliation: { ledgerRows: number; debitedByEntries: number; debitedByLedger: number; balanced: boolean };
}

const PREPAID = [
  'granted',
  'carriedIn',
  'opening',
  'usedPerMinute',
  'usedByNorm',
  'used',
  'corrections',
  'carriedOut',
  'expired',
  'balance',
  'overageMinutes',
] as const;
const CUSTOMIZATION = [
  'minutes',
  'amount',
  'spentThroughMonth',
  'capAmount',
  'capPercent',
  'monthShareOfCap',
  'spentShareOfCap',
] as const;

const QUERY = `query StatementDownload($contractId: ID!, $month: String!) {
  monthlyStatement(contractId: $contractId, month: $month) {
    contractId month timeZone opened final
    contract { number organization { name } }
    prepaid { ${PREPAID.join(' ')} }
    freeMinutes notPrepaidMinutes normMinutes normActualMinutes
    customization { ${CUSTOMIZATION.join(' ')} }
    payment { month paidAt onTime }
    nextMonthPayment { month paidAt onTime }
    lines { ticketId ${LINE_COLUMNS.join(' ')} }
    lineCount
    reconciliation { ledgerRows debitedByEntries debitedByLedger balanced }
  } }`;

type Item =
  | (typeof PREPAID)[number]
  | `customization.${(typeof CUSTOMIZATION)[number]}`
  | 'freeMinutes'
  | 'notPrepaidMinutes'
  | 'normMinutes'
  | 'normActualMinutes'
  | 'payment'
  | 'nextMonthPayment'
  | 'final'
  | 'reconciled';

/** Names of the statement's figures and columns, in Russian and English. */
export const STATEMENT_HEADINGS: Record<
  Lang,
  {
    title: string;
    summary: string;
    work: string;
    item: string;
    value: string;
    contract: string;
    month: string;
    yes: string;
    no: string;
    onTime: string;
    late: string;
    notPaid: string;
    truncated: (shown: number, all: number) => string;
    items: Record<Item, string>;
    lines: Record<LineColumn, string>;
  }
> = {
  ru: {
    title: 'Ежемесячный отчёт по договору',
    summary: 'Итоги месяца',
    work: 'Работы по обращениям и услугам',
    item: 'Показатель',
    value: 'Значение',
    contract: 'Договор',
    month: 'Месяц',
    yes: 'да',
    no: 'нет',
    onTime: 'в срок',
    late: 'с опозданием',
    notPaid: 'не оплачен',
    truncated: (shown, all) => `Показаны ${shown} строк из ${all}`,
    items: {
      granted: 'Предоплачено минут в месяце',
      carriedIn: 'Перенесено из прошлого месяца, мин',
      opening: 'Доступно на начало месяца, мин',
      usedPerMinute: 'Израсходовано поминутно, мин',
      usedByNorm: 'Израсходовано по нормативу, мин',
      used: 'Израсходовано всего, мин',
      corrections: 'Корректировки, мин',
      carriedOut: 'Перенесено на следующий месяц, мин',
      expired: 'Сгорело, мин',
      balance: 'Остаток по журналу, мин',
      overageMinutes: 'Сверх предоплаты (к оплате), мин',
      freeMinutes: 'Бесплатные работы, мин',
      notPrepaidMinutes: 'Работы вне пакета, мин',
      normMinutes: 'Услуги по нормативу: списано, мин',
      normActualMinutes: 'Услуги по нормативу: фактически, мин',
      'customization.minutes': 'Доработки, мин',
      'customization.amount': 'Доработки, сумма',
      'customization.spentThroughMonth': 'Доработки с начала договора, сумма',
      'customization.capAmount': 'Лимит доработок, сумма',
      'customization.capPercent': 'Лимит доработок, % стоимости договора',
      'customization.monthShareOfCap': 'Доля лимита за месяц',
      'customization.spentShareOfCap': 'Доля лимита с начала договора',
      payment: 'Оплата месяца',
      nextMonthPayment: 'Оплата следующего месяца',
      final: 'Месяц закрыт',
      reconciled: 'Сверено с журналом',
    },
    lines: {
      ticketNumber: 'Обращение',
      serviceCode: 'Услуга',
      serviceName: 'Наименование услуги',
      kind: 'Вид',
      billing: 'Оплата',
      entries: 'Записей',
      minutes: 'Минут к учёту',
      actualMinutes: 'Фактически, мин',
      debitedMinutes: 'Списано с предоплаты, мин',
      amount: 'Сумма',
    },
  },
  en: {
    title: 'Monthly contract statement',
    summary: 'Month totals',
    work: 'Work by ticket and service',
    item: 'Item',
    value: 'Value',
    contract: 'Contract',
    month: 'Month',
    yes: 'yes',
    no: 'no',
    onTime: 'on time',
    late: 'late',
    notPaid: 'not paid',
    truncated: (shown, all) => `${shown} of ${all} lines shown`,
    items: {
      granted: 'Prepaid minutes of the month',
      carriedIn: 'Carried in, min',
      opening: 'Available at the start, min',
      usedPerMinute: 'Used per minute, min',
      usedByNorm: 'Used at norm time, min',
      used: 'Used in all, min',
      corrections: 'Corrections, min',
      carriedOut: 'Carried out, min',
      expired: 'Expired, min',
      balance: 'Ledger balance, min',
      overageMinutes: 'Beyond the prepaid minutes (billable), min',
      freeMinutes: 'Free work, min',
      notPrepaidMinutes: 'Work outside a package, min',
      normMinutes: 'Service tasks: billed at norm, min',
      normActualMinutes: 'Service tasks: actual, min',
      'customization.minutes': 'Customisation, min',
      'customization.amount': 'Customisation, amount',
      'customization.spentThroughMonth': 'Customisation since the start, amount',
      'customization.capAmount': 'Customisation cap, amount',
      'customization.capPercent': "Customisation cap, % of the contract's value",
      'customization.monthShareOfCap': "Share of the cap, this month's",
      'customization.spentShareOfCap': 'Share of the cap, since the start',
      payment: 'Payment of the month',
      nextMonthPayment: 'Payment of the next month',
      final: 'Month closed',
      reconciled: 'Reconciled with the ledger',
    },
    lines: {
      ticketNumber: 'Ticket',
      serviceCode: 'Service',
      serviceName: 'Service name',
      kind: 'Kind',
      billing: 'Billing',
      entries: 'Entries',
      minutes: 'Minutes billed',
      actualMinutes: 'Actual, min',
      debitedMinutes: 'Debited from prepaid, min',
      amount: 'Amount',
    },
  },
};

const SHARE_ITEMS = new Set<Item>(['customization.monthShareOfCap', 'customization.spentShareOfCap']);

type Variables = { contractId: string; month: string };

/**
 * `GET /reports/statement.csv|.xlsx|.html?contractId=...&month=YYYY-MM`: `monthlyStatement` as
 * the caller may see it (another organization's contract is NOT_FOUND in the contracts subgraph).
 */
export const statementReportKind: ReportKind<Variables> = {
  formats: ['csv', 'xlsx', 'html'],
  query: QUERY,
  parse,
  document(data, _variables, lang): ReportDocument {
    const s = (data as { monthlyStatement: Statement }).monthlyStatement;
    const t = STATEMENT_HEADINGS[lang];
    const paid = (p: Payment | null) =>
      p === null ? t.notPaid : `${p.paidAt.slice(0, 10)}, ${p.onTime ? t.onTime : t.late}`;
    const summary: [Item, Cell][] = [
      ...(s.prepaid ? PREPAID.map((k): [Item, Cell] => [k, s.prepaid![k]]) : []),
      ['freeMinutes', s.freeMinutes],
      ['notPrepaidMinutes', s.notPrepaidMinutes],
      ['normMinutes', s.normMinutes],
      ['normActualMinutes', s.normActualMinutes],
      ...CUSTOMIZATION.map((k): [Item, Cell] => [`customization.${k}`, s.customization[k]]),
      ['payment', paid(s.payment)],
      ['nextMonthPayment', paid(s.nextMonthPayment)],
      ['final', s.final ? t.yes : t.no],
      ['reconciled', s.reconciliation.balanced ? t.yes : t.no],
    ];
    const contractLine = `${t.contract}: ${s.contract.number}${s.contract.organization ? `, ${s.contract.organization.name}` : ''}`;
    return {
      name: `statement-${s.contract.number.replace(/[^\p{L}\p{N}._-]+/gu, '_')}-${s.month}`,
      title: `${t.title}`,
      subtitle: [
        contractLine,
        `${t.month}: ${s.month} (${s.timeZone})`,
        ...(s.lineCount > s.lines.length ? [t.truncated(s.lines.length, s.lineCount)] : []),
      ],
      lang,
      tables: [
        {
          sheet: lang === 'ru' ? 'Итоги' : 'Summary',
          caption: t.summary,
          headings: [t.item, t.value],
          rows: summary.map(([item, value]) => [t.items[item], value]),
          // Shares stay fractions (0.15) in the cells; XLSX and HTML show them as percentages.
          shares: { rows: summary.flatMap(([item], i) => (SHARE_ITEMS.has(item) ? [i] : [])) },
        },
        {
          sheet: lang === 'ru' ? 'Работы' : 'Work',
          caption: t.work,
          headings: LINE_COLUMNS.map((c) => t.lines[c]),
          rows: s.lines.map((line) =>
            LINE_COLUMNS.map((c) => (c === 'ticketNumber' ? (line[c] ?? line.ticketId) : line[c])),
          ),
        },
      ],
    };
  },
};

function parse(url: URL): Parsed<Variables> {
  const problem = checkParameters(url, PARAMETERS);
  if (problem) return { ok: false, message: problem };
  const contractId = one(url, 'contractId');
  const month = one(url, 'month');
  if (!contractId || !month) return { ok: false, message: 'contractId and month are required once each' };
  if (!UUID.test(contractId)) return { ok: false, message: 'contractId must be a contract id (UUID)' };
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return { ok: false, message: 'month must be YYYY-MM, e.g. 2025-03' };
  const lang = langOf(url);
  if (!lang) return { ok: false, message: 'lang must be ru or en' };
  return { ok: true, lang, variables: { contractId, month } };
}
