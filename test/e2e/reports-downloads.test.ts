import ExcelJS from 'exceljs';
import { eventually } from '@reglament/shared/testing';
import { TestSystem } from '../support/system';
import { type Party, SeedWalk } from '../support/seed-duties';

type Row = {
  group: string | null;
  metric: string;
  party: string;
  started: number;
  met: number;
  breached: number;
  openAtRisk: number;
  complianceShare: number | null;
  medianUsedMinutes: number | null;
  p90UsedMinutes: number | null;
  medianTargetMinutes: number | null;
};
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
const DAY = { from: '2025-03-03T00:00:00Z', to: '2025-03-04T00:00:00Z' };

/**
 * Issue 19: the SLA report downloaded from the gateway (`GET /reports/sla.csv`, `.xlsx`, `.html`)
 * carries the same figures as `slaReport`, with the caller's rights (R-SLA-12, R-SLA-11; tenant
 * isolation), Russian or English column names, and refuses what is out of bounds.
 */
describe('SLA report downloads through the gateway', () => {
  let sys: TestSystem;
  let w: SeedWalk;
  let a: Party;
  let b: Party;

  const download = (path: string, token: string | null) =>
    fetch(new URL(path, sys.url), token ? { headers: { authorization: `Bearer ${token}` } } : {});
  const apiReport = async (token: string, groupBy: string | null, filter: Record<string, unknown> = DAY) =>
    (
      await sys.ok<{ slaReport: Row[] }>(
        `query($f: SlaReportFilter!, $g: SlaReportGroupBy) { slaReport(filter: $f, groupBy: $g) { ${COLUMNS.join(' ')} } }`,
        { f: filter, g: groupBy },
        token,
      )
    ).slaReport;

  beforeAll(async () => {
    sys = await TestSystem.start();
    w = await SeedWalk.on(sys);
    a = await w.customerUnder('asmo');
    b = await w.customerUnder('asmo');
    // Mon 2025-03-03 10:00 Moscow; asmo: reaction 2 working hours (08:45-17:00 Moscow).
    await w.clockAt('2025-03-03T10:00:00+03:00');
    const answered = await w.register(a);
    const ignored = await w.register(a);
    const other = await w.register(b);
    await w.clockAt('2025-03-03T10:30:00+03:00');
    for (const [party, id] of [
      [a, answered],
      [b, other],
    ] as const) {
      await w.act(party.engineer, `mutation($id: ID!) { acknowledgeTicket(id: $id) { id } }`, { id });
    }
    // The ignored ticket's reaction is due at 12:00 Moscow: at 12:30 it is breached.
    await w.clockAt('2025-03-03T12:30:00+03:00');
    await eventually(async () => {
      const rows = await apiReport(a.dispatcher, null, { ...DAY, contractIds: [a.contractId] });
      return (
        rows.find((r) => r.metric === 'REACTION')?.breached === 1 &&
        rows.find((r) => r.metric === 'REACTION')!.met === 1
      );
    });
    void ignored;
  }, 120_000);
  afterAll(async () => {
    await sys?.stop();
  });

  it('CSV: the same figures as slaReport, English headings, grouped by organization (staff see both)', async () => {
    const api = await apiReport(a.dispatcher, 'ORGANIZATION');
    const response = await download(
      `/reports/sla.csv?from=${DAY.from}&to=${DAY.to}&groupBy=ORGANIZATION&lang=en`,
      a.dispatcher,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="sla-report-2025-03-03-2025-03-04.csv"',
    );
    const text = (await response.text()).replace(/^\uFEFF/, '');
    const [header, ...lines] = text.trim().split('\r\n');
    expect(header).toBe(
      'Group,Metric,Party,Started,Met,Breached,At risk now,Compliance share,Median used, working min,90th percentile used, working min,Median target, working min'
        .replace('Median used, working min', '"Median used, working min"')
        .replace('90th percentile used, working min', '"90th percentile used, working min"')
        .replace('Median target, working min', '"Median target, working min"'),
    );
    const parsed = lines.map((line) => line.split(','));
    expect(parsed).toHaveLength(api.length);
    parsed.forEach((cells, i) => {
      expect(cells).toEqual(COLUMNS.map((c) => (api[i]![c] === null ? '' : String(api[i]![c]))));
    });
    // By hand: a's reactions started 2, met 1 (10:00 -> 10:30), breached 1 (due 12:00); b's 1 met.
    const reactionOf = (org: string) => parsed.find((c) => c[0] === org && c[1] === 'REACTION');
    expect(reactionOf(a.organizationId)?.slice(3, 6)).toEqual(['2', '1', '1']);
    expect(reactionOf(b.organizationId)?.slice(3, 6)).toEqual(['1', '1', '0']);
  });

  it("XLSX read back with exceljs: Russian headings and the customer's own organization only", async () => {
    const api = await apiReport(a.customer, 'ORGANIZATION');
    expect(new Set(api.map((r) => r.group))).toEqual(new Set([a.organizationId]));
    // The customer asks for the other organization too: it gets only its own.
    const response = await download(
      `/reports/sla.xlsx?from=2025-03-03&to=2025-03-04&groupBy=ORGANIZATION&organizationIds=${a.organizationId},${b.organizationId}`,
      a.customer,
    );
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('SLA')!;
    const values = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1);
    expect(values(1).slice(0, 6)).toEqual(['Группа', 'Показатель', 'Сторона', 'Начато', 'Соблюдено', 'Нарушено']);
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => values(i + 2));
    expect(rows).toHaveLength(api.length);
    rows.forEach((cells, i) => {
      COLUMNS.forEach((c, j) => expect(cells[j] ?? null).toEqual(api[i]![c]));
    });
    const reaction = rows.find((cells) => cells[1] === 'REACTION')!;
    expect(reaction.slice(0, 6)).toEqual([a.organizationId, 'REACTION', 'PROVIDER', 2, 1, 1]);
    expect(reaction[7]).toBe(0.5); // 1 met of 2 ended
    // Naming only the other organization: nothing.
    const other = await download(
      `/reports/sla.csv?from=2025-03-03&to=2025-03-04&organizationIds=${b.organizationId}`,
      a.customer,
    );
    expect((await other.text()).trim().split('\r\n')).toHaveLength(1);
  });

  it('printable HTML: the same rows, shares as percentages, no scripts or outside resources', async () => {
    const api = await apiReport(a.dispatcher, 'ORGANIZATION');
    const response = await download(
      `/reports/sla.html?from=${DAY.from}&to=${DAY.to}&groupBy=ORGANIZATION&lang=en`,
      a.dispatcher,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await response.text();
    expect(html).toContain('<h1>SLA report</h1>');
    expect(html).not.toMatch(/<script|https?:\/\//);
    expect(html.match(/<tr><td>/g)).toHaveLength(api.length);
    // a's reaction: started 2, met 1, breached 1: compliance 1 / 2 = 50.0 %.
    expect(html).toContain(
      `<tr><td>${a.organizationId}</td><td>REACTION</td><td>PROVIDER</td><td class="n">2</td><td class="n">1</td><td class="n">1</td><td class="n">0</td><td class="n">50.0 %</td>`,
    );
  });

  it("breaches as CSV (R-SLA-11): the API's breaches, one row each; another organization's are never listed", async () => {
    type Breach = {
      ticket: { number: string };
      metric: string;
      party: string;
      breachedAt: string;
      lateMinutes: number | null;
      failureReportState: string;
    };
    const { breaches } = await sys.ok<{ breaches: { edges: { node: Breach }[] } }>(
      `query($f: SlaReportFilter!) { breaches(filter: $f, first: 100) { edges { node {
         ticket { number } metric party breachedAt lateMinutes failureReportState } } } }`,
      { f: { ...DAY, contractIds: [a.contractId] } },
      a.dispatcher,
    );
    // One breach: the ignored ticket's reaction, due at 12:00 Moscow (09:00Z).
    expect(breaches.edges).toHaveLength(1);
    const api = breaches.edges[0]!.node;
    expect(api).toMatchObject({ metric: 'REACTION', party: 'PROVIDER', breachedAt: '2025-03-03T09:00:00.000Z' });
    const response = await download(
      `/reports/breaches.csv?from=${DAY.from}&to=${DAY.to}&contractIds=${a.contractId}&lang=en`,
      a.dispatcher,
    );
    expect(response.status).toBe(200);
    const [header, ...lines] = (await response.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(header).toBe(
      'Ticket,Metric,Party,Priority,Category,Breached at (UTC),Stopped at (UTC),"Late, working min",Failure report',
    );
    expect(lines).toHaveLength(1);
    const cells = lines[0]!.split(',');
    expect([cells[0], cells[1], cells[2], cells[5], cells[7], cells[8]]).toEqual([
      api.ticket.number,
      'REACTION',
      'PROVIDER',
      '2025-03-03T09:00:00.000Z',
      api.lateMinutes === null ? '' : String(api.lateMinutes),
      api.failureReportState,
    ]);
    // b's customer asks for a's contract: nothing but the heading.
    const other = await download(
      `/reports/breaches.csv?from=${DAY.from}&to=${DAY.to}&contractIds=${a.contractId}`,
      b.customer,
    );
    expect((await other.text()).trim().split('\r\n')).toHaveLength(1);
    const grouped = await download(`/reports/breaches.csv?from=${DAY.from}&to=${DAY.to}&groupBy=CONTRACT`, b.customer);
    expect(grouped.status).toBe(400);
  });

  it('refuses anonymous callers, bad parameters, long periods and a flood of downloads', async () => {
    const q = `from=${DAY.from}&to=${DAY.to}`;
    expect((await download(`/reports/sla.csv?${q}`, null)).status).toBe(401);
    expect((await download(`/reports/sla.csv?${q}`, 'not-a-token')).status).toBe(401);
    const refused = async (path: string) => {
      const response = await download(path, b.customer);
      const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
      return [response.status, body.errors[0]!.extensions.code, body.errors[0]!.message];
    };
    // 2025-01-01 .. 2026-02-05: 400 days, more than 366.
    expect(await refused('/reports/sla.xlsx?from=2025-01-01&to=2026-02-05')).toEqual([
      400,
      'BAD_USER_INPUT',
      expect.stringContaining('at most 366 days'),
    ]);
    expect(await refused(`/reports/sla.csv?${q}&where=1%3D1`)).toEqual([
      400,
      'BAD_USER_INPUT',
      expect.stringContaining('Unknown parameter'),
    ]);
    expect(await refused(`/reports/sla.csv?${q}&lang=de`)).toEqual([400, 'BAD_USER_INPUT', 'lang must be ru or en']);
    expect(await refused(`/reports/sla.csv?to=${DAY.to}`)).toEqual([
      400,
      'BAD_USER_INPUT',
      expect.stringContaining('required'),
    ]);
    expect(await refused(`/reports/sla.csv?${q}&contractIds=${'x,'.repeat(5000)}`)).toEqual([
      400,
      'BAD_USER_INPUT',
      expect.stringContaining('at most 8000 characters'),
    ]);
    // A flood from one caller: 10 at once at most (30 a minute after that), then 429 with Retry-After.
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await download(`/reports/sla.csv?${q}`, b.engineer)).status);
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
    const flood = await download(`/reports/sla.csv?${q}`, b.engineer);
    expect(flood.status).toBe(429);
    expect(Number(flood.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });
});
