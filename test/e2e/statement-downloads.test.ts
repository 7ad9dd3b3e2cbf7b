import ExcelJS from 'exceljs';
import { eventually } from '@reglament/shared/testing';
import { TestSystem } from '../support/system';
import { type Party, SeedWalk } from '../support/seed-duties';

type Statement = {
  month: string;
  final: boolean;
  prepaid: { granted: number; used: number; usedByNorm: number; carriedOut: number; expired: number; balance: number };
  lines: { ticketNumber: string; serviceCode: string | null; minutes: number; actualMinutes: number }[];
};

/**
 * Issue 19: the monthly statement (R-CON-3..7) downloaded from the gateway as CSV, XLSX and a
 * printable HTML page (`GET /reports/statement.*?contractId=...&month=...`) with the caller's
 * rights: the same figures as `monthlyStatement`, Russian or English names, and a customer
 * cannot download another organization's statement.
 */
describe('monthly statement downloads through the gateway', () => {
  let sys: TestSystem;
  let w: SeedWalk;
  let a: Party;
  let b: Party;
  let ticketNumber: string;

  const download = (path: string, token: string | null) =>
    fetch(new URL(path, sys.url), token ? { headers: { authorization: `Bearer ${token}` } } : {});
  const statement = async (token: string) =>
    (
      await sys.ok<{ monthlyStatement: Statement }>(
        `query($c: ID!) { monthlyStatement(contractId: $c, month: "2025-03") {
           month final prepaid { granted used usedByNorm carriedOut expired balance }
           lines { ticketNumber serviceCode minutes actualMinutes } } }`,
        { c: a.contractId },
        token,
      )
    ).monthlyStatement;

  beforeAll(async () => {
    sys = await TestSystem.start();
    w = await SeedWalk.on(sys);
    a = await w.customerUnder('infocraft-365');
    b = await w.customerUnder('infocraft-365');
    await w.clockAt('2025-03-10T09:00:00+03:00');
    await w.act(
      w.admin,
      `mutation($c: ID!) { addHourPackage(input: { contractId: $c, kind: SUBSCRIPTION, minutesPerMonth: 600, startsOn: "2025-03-01" }) { id } }`,
      { c: a.contractId },
    );
    const ticketId = await w.register(a, { category: 'SUPPORT' });
    // Contracts learns the ticket from its event: log when it does.
    await eventually(async () => {
      const result = await sys.gql(
        `mutation($t: ID!) { logTime(input: { ticketId: $t, minutes: 45 }) { id } }`,
        { t: ticketId },
        a.engineer,
      );
      return !result.errors;
    });
    await w.act(
      a.engineer,
      `mutation($t: ID!) { logServiceWork(input: { ticketId: $t, serviceCode: "IC.3", actualMinutes: 50 }) { id } }`,
      { t: ticketId },
    );
    ticketNumber = (
      await sys.ok<{ ticket: { number: string } }>(
        `query($id: ID!) { ticket(id: $id) { number } }`,
        { id: ticketId },
        a.dispatcher,
      )
    ).ticket.number;
    await w.clockAt('2025-03-20T12:00:00+03:00');
    await w.act(a.dispatcher, `mutation($c: ID!) { recordPayment(contractId: $c, month: "2025-04") { id } }`, {
      c: a.contractId,
    });
    // April opens when the clock moves: March closes with its carry-over.
    await w.clockAt('2025-04-02T09:00:00+03:00');
    await eventually(async () => (await statement(a.dispatcher)).final);
  }, 120_000);
  afterAll(async () => {
    await sys?.stop();
  });

  it('CSV in English: the figures of monthlyStatement, worked out by hand', async () => {
    const api = await statement(a.customer);
    // March: 600 granted; 45 per minute + IC.3 at its 30-minute norm (it took 50) = 75 used;
    // 600 - 75 = 525 unused subscription minutes, carried into April (paid on 20 March, on time).
    expect(api.prepaid).toEqual({ granted: 600, used: 75, usedByNorm: 30, carriedOut: 525, expired: 0, balance: 0 });
    const response = await download(
      `/reports/statement.csv?contractId=${a.contractId}&month=2025-03&lang=en`,
      a.customer,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="statement-infocraft-365-\w+-2025-03\.csv"$/,
    );
    const [summary, work] = (await response.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n\r\n') as [string, string];
    const items = new Map(summary.split('\r\n').map((line) => line.split(',') as [string, string]));
    expect(items.get('Item')).toBe('Value');
    expect(items.get('Prepaid minutes of the month')).toBe('600');
    // Names with commas are quoted.
    expect(summary).toContain('"Used in all, min",75');
    expect(summary).toContain('"Used at norm time, min",30');
    expect(summary).toContain('"Carried out, min",525');
    expect(summary).toContain('"Expired, min",0');
    expect(summary).toContain('Payment of the next month,"2025-03-20, on time"');
    expect(summary).toContain('Reconciled with the ledger,yes');
    const [header, ...lines] = work.split('\r\n');
    expect(header).toBe(
      'Ticket,Service,Service name,Kind,Billing,Entries,Minutes billed,"Actual, min","Debited from prepaid, min",Amount',
    );
    // Two lines of the one ticket: 45 per minute (no service), and IC.3 at 30 (took 50).
    expect(lines.map((line) => line.split(',').filter((_, i) => [0, 1, 3, 4, 6, 7, 8].includes(i))).sort()).toEqual(
      [
        [ticketNumber, '', 'TIME', 'PREPAID', '45', '45', '45'],
        [ticketNumber, 'IC.3', 'SERVICE_WORK', 'PREPAID', '30', '50', '30'],
      ].sort(),
    );
  });

  it('XLSX in Russian, read back with exceljs: two sheets with the same figures', async () => {
    const response = await download(`/reports/statement.xlsx?contractId=${a.contractId}&month=2025-03`, a.dispatcher);
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const summary = workbook.getWorksheet('Итоги')!;
    const rows = new Map<string, unknown>();
    summary.eachRow((row) => {
      const [, name, value] = row.values as unknown[];
      rows.set(String(name), value);
    });
    expect(rows.get('Показатель')).toBe('Значение');
    expect(rows.get('Предоплачено минут в месяце')).toBe(600);
    expect(rows.get('Израсходовано всего, мин')).toBe(75);
    expect(rows.get('Перенесено на следующий месяц, мин')).toBe(525);
    expect(rows.get('Сгорело, мин')).toBe(0);
    expect(rows.get('Сверено с журналом')).toBe('да');
    const work = workbook.getWorksheet('Работы')!;
    expect((work.getRow(1).values as unknown[]).slice(1, 4)).toEqual(['Обращение', 'Услуга', 'Наименование услуги']);
    expect(work.rowCount).toBe(3); // the heading and two lines
  });

  it('printable HTML: no scripts or outside resources, the figures in a table', async () => {
    const response = await download(`/reports/statement.html?contractId=${a.contractId}&month=2025-03`, a.customer);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('content-disposition')).toMatch(/^inline; filename="statement-.*-2025-03\.html"$/);
    const html = await response.text();
    expect(html).toContain('<h1>Ежемесячный отчёт по договору</h1>');
    expect(html).toContain('<tr><td>Перенесено на следующий месяц, мин</td><td class="n">525</td></tr>');
    expect(html).not.toMatch(/<script|https?:\/\//);
  });

  it("tenant isolation: a customer cannot download another organization's statement", async () => {
    for (const format of ['csv', 'xlsx', 'html']) {
      const response = await download(
        `/reports/statement.${format}?contractId=${a.contractId}&month=2025-03`,
        b.customer,
      );
      expect(response.status).toBe(404);
      const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
      expect(body.errors[0]!.extensions.code).toBe('NOT_FOUND');
    }
    // Its own contract downloads (no package: prepaid figures absent, zero work).
    const own = await download(`/reports/statement.csv?contractId=${b.contractId}&month=2025-03&lang=en`, b.customer);
    expect(own.status).toBe(200);
    expect(await own.text()).toContain('"Free work, min",0');
  });

  it('workload through the gateway: the engineer by name with the minutes logged; a customer is refused', async () => {
    type Row = {
      engineerId: string | null;
      engineer: { fullName: string } | null;
      openTickets: number;
      loggedMinutes: number;
    };
    const { workload } = await sys.ok<{ workload: { engineers: Row[] } }>(
      `{ workload { engineers { engineerId engineer { fullName } openTickets loggedMinutes } } }`,
      {},
      a.dispatcher,
    );
    // The last 30 days before 2 April take in 10 March: 45 per minute + IC.3's actual 50 = 95
    // logged by a's engineer; the ticket is assigned to nobody: one open ticket without an engineer.
    expect(workload.engineers.find((e) => e.engineerId === a.engineerId)).toEqual({
      engineerId: a.engineerId,
      engineer: { fullName: 'Pavel Engineer' },
      openTickets: 0,
      loggedMinutes: 95,
    });
    expect(workload.engineers.find((e) => e.engineerId === null)).toMatchObject({ openTickets: 1, loggedMinutes: 0 });
    const refused = await sys.gql(`{ workload { engineers { openTickets } } }`, {}, b.customer);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses anonymous callers and bad parameters, naming what is allowed', async () => {
    const q = `contractId=${a.contractId}&month=2025-03`;
    expect((await download(`/reports/statement.csv?${q}`, null)).status).toBe(401);
    const refused = async (path: string) => {
      const response = await download(path, a.dispatcher);
      const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
      return [response.status, body.errors[0]!.extensions.code, body.errors[0]!.message];
    };
    expect(await refused(`/reports/statement.csv?contractId=${a.contractId}`)).toEqual([
      400,
      'BAD_USER_INPUT',
      'contractId and month are required once each',
    ]);
    expect(await refused(`/reports/statement.csv?contractId=${a.contractId}&month=2025-3`)).toEqual([
      400,
      'BAD_USER_INPUT',
      'month must be YYYY-MM, e.g. 2025-03',
    ]);
    expect(await refused(`/reports/statement.csv?contractId=42&month=2025-03`)).toEqual([
      400,
      'BAD_USER_INPUT',
      'contractId must be a contract id (UUID)',
    ]);
    // No PDF (docs/api.md says why): the path is not a report.
    expect((await download(`/reports/statement.pdf?${q}`, a.dispatcher)).status).toBe(404);
    expect(await refused(`/reports/statement.csv?${q}&from=2025-01-01`)).toEqual([
      400,
      'BAD_USER_INPUT',
      expect.stringContaining('Unknown parameter "from"; allowed: contractId, month, lang'),
    ]);
    // Now is 2 April 2025: May has not begun.
    expect(await refused(`/reports/statement.csv?contractId=${a.contractId}&month=2025-05`)).toEqual([
      400,
      'BAD_USER_INPUT',
      expect.stringContaining('not after the current month'),
    ]);
  });
});
