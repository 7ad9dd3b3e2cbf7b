import ExcelJS from 'exceljs';

/** A cell of a downloaded report: text, a number, or empty. */
export type Cell = string | number | null;

/** One table of a report: a sheet in XLSX, a block in CSV, a table in HTML. */
export interface ReportTable {
  /** The sheet's name (at most 31 characters, as spreadsheets allow). */
  sheet: string;
  /** A caption over the table in HTML. */
  caption: string;
  headings: string[];
  rows: Cell[][];
  /** Cells holding shares (0..1), shown as percentages: whole columns or whole rows (0-based, headings apart). */
  shares?: { columns?: number[]; rows?: number[] };
}

export interface ReportDocument {
  /** The file name without its extension. */
  name: string;
  /** The heading of the printable page. */
  title: string;
  /** Lines under the title (period, filter, contract). */
  subtitle: string[];
  tables: ReportTable[];
  lang: 'ru' | 'en';
}

export type ReportFormat = 'csv' | 'xlsx' | 'html';

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html; charset=utf-8',
};

export async function render(document: ReportDocument, format: ReportFormat): Promise<Buffer> {
  if (format === 'csv') return toCsv(document);
  if (format === 'xlsx') return toXlsx(document);
  return toHtml(document);
}

/** Tables one after another, a blank line between them (one table: a plain CSV file). */
function toCsv(document: ReportDocument): Buffer {
  const cell = (value: Cell) => {
    if (value === null) return '';
    const text = String(value);
    // Quoted when needed; a leading =, +, -, @ is neutralised so that no spreadsheet runs it as a formula.
    const safe = /^[=+\-@\t\r]/.test(text) && typeof value === 'string' ? `'${text}` : text;
    return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const blocks = document.tables.map((table) =>
    [table.headings, ...table.rows].map((row) => row.map(cell).join(',')).join('\r\n'),
  );
  // A byte-order mark: spreadsheet programs then read the Cyrillic headings as UTF-8.
  return Buffer.from(`\uFEFF${blocks.join('\r\n\r\n')}\r\n`, 'utf8');
}

async function toXlsx(document: ReportDocument): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Reglament';
  for (const table of document.tables) {
    const sheet = workbook.addWorksheet(table.sheet);
    sheet.columns = table.headings.map((heading) => ({ header: heading, width: Math.max(12, heading.length + 2) }));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row);
    for (const column of table.shares?.columns ?? []) sheet.getColumn(column + 1).numFmt = '0.0%';
    for (const row of table.shares?.rows ?? []) sheet.getRow(row + 2).numFmt = '0.0%';
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => escapes[c]!);

/**
 * A printable page: no script, no external resource (the answer's Content-Security-Policy
 * forbids both), A4 landscape when printed; shares as percentages.
 */
function toHtml(document: ReportDocument): Buffer {
  const format = (value: Cell, share: boolean) => {
    if (value === null) return '';
    if (share && typeof value === 'number') return `${(value * 100).toFixed(1)} %`;
    return escape(String(value));
  };
  const tables = document.tables.map((table) => {
    const columns = new Set(table.shares?.columns ?? []);
    const rows = new Set(table.shares?.rows ?? []);
    const head = table.headings.map((h) => `<th>${escape(h)}</th>`).join('');
    const body = table.rows
      .map(
        (row, r) =>
          `<tr>${row
            .map(
              (value, i) =>
                `<td${typeof value === 'number' ? ' class="n"' : ''}>${format(value, columns.has(i) || rows.has(r))}</td>`,
            )
            .join('')}</tr>`,
      )
      .join('\n');
    return `<table>\n<caption>${escape(table.caption)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
  });
  const html = `<!doctype html>
<html lang="${document.lang}">
<head>
<meta charset="utf-8">
<title>${escape(document.title)}</title>
<style>
@page { size: A4 landscape; margin: 12mm; }
body { font: 12px/1.4 system-ui, sans-serif; color: #111; margin: 16px; }
h1 { font-size: 18px; margin: 0 0 4px; }
p { margin: 0 0 2px; color: #444; }
table { border-collapse: collapse; margin: 16px 0; width: 100%; page-break-inside: auto; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { border: 1px solid #999; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #eee; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
tr { page-break-inside: avoid; }
</style>
</head>
<body>
<h1>${escape(document.title)}</h1>
${document.subtitle.map((line) => `<p>${escape(line)}</p>`).join('\n')}
${tables.join('\n')}
</body>
</html>
`;
  return Buffer.from(html, 'utf8');
}
