import {
  badInput,
  type Caller,
  type Party,
  PRIORITIES,
  type Priority,
  requireUser,
  requireUuid,
  type SlaMetric,
  visibilityOf,
} from '@reglament/shared/domain';
import {
  type Clock,
  type Connection,
  decodeCursor,
  encodeCursor,
  pageSize,
  toConnection,
} from '@reglament/shared/platform';
import type { DataSource } from 'typeorm';
import { PRESET_POLICIES } from '../domain/presets';

/** The longest period one report covers (a year, leap day included). */
export const REPORT_MAX_DAYS = 366;
/** The most values one filter list may carry. */
export const REPORT_MAX_LIST = 100;
export const REPORT_GROUPINGS = [
  'CONTRACT',
  'ORGANIZATION',
  'PRIORITY',
  'CATEGORY',
  'PRODUCT',
  'ENGINEER',
  'MONTH',
] as const;
export type ReportGrouping = (typeof REPORT_GROUPINGS)[number];
export const FAILURE_REPORT_STATES = ['SUBMITTED', 'REQUIRED', 'MISSING', 'NOT_REQUIRED'] as const;
export type FailureReportState = (typeof FAILURE_REPORT_STATES)[number];

export interface ReportFilterInput {
  from: Date;
  to: Date;
  organizationIds?: string[] | null;
  contractIds?: string[] | null;
  priorities?: Priority[] | null;
  categories?: string[] | null;
  products?: string[] | null;
  parties?: Party[] | null;
  /** Engineers the ticket is assigned to now. */
  engineerIds?: string[] | null;
  /** The zone months are cut in (MONTH grouping); default Europe/Moscow. */
  timeZone?: string | null;
}

export interface SlaReportRowData {
  group: string | null;
  metric: SlaMetric;
  party: Party;
  started: number;
  met: number;
  breached: number;
  openAtRisk: number;
  complianceShare: number | null;
  medianUsedMinutes: number | null;
  p90UsedMinutes: number | null;
  medianTargetMinutes: number | null;
}

export interface BreachData {
  timerId: string;
  ticketId: string;
  organizationId: string;
  contractId: string | null;
  metric: SlaMetric;
  party: Party;
  priority: string;
  category: string;
  breachedAt: Date;
  stoppedAt: Date | null;
  lateMinutes: number | null;
  failureReportId: string | null;
  failureReportState: FailureReportState;
}

/** The instant a clock counts at in a period: its breach, or its stop when met (as R-SLA-12). */
const ENDED_AT = `(CASE WHEN t.status = 'BREACHED' THEN t.breached_at ELSE t.stopped_at END)`;

const GROUP_KEY: Record<ReportGrouping, string> = {
  CONTRACT: 't.contract_id::text',
  ORGANIZATION: 't.organization_id::text',
  PRIORITY: 't.priority',
  CATEGORY: 't.category',
  PRODUCT: 'k.product',
  ENGINEER: 'k.assignee_id::text',
  MONTH: '',
};
const monthOf = (at: string) => `to_char(${at} AT TIME ZONE $3, 'YYYY-MM')`;

interface CountRow {
  group: string | null;
  metric: SlaMetric;
  party: Party;
  n: number;
}

interface EndedRow {
  group: string | null;
  metric: SlaMetric;
  party: Party;
  met: number;
  breached: number;
  used: number[] | null;
  target: number | null;
}

const POLICIES_REQUIRING_REPORT = [...PRESET_POLICIES.values()].filter((p) => p.failureReportRequired).map((p) => p.id);

/**
 * Reports across the portfolio (docs/domain.md R-SLA-8, R-SLA-11, R-SLA-12): the SLA report per
 * metric and party, grouped as asked, and the list of breaches with their failure report's
 * state. Staff see every organization, a customer only its own (whatever its filter says).
 */
export class Reports {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Per metric and party (and group): clocks started in [from, to), met and breached in it (each
   * counted at the instant it was met or breached, as R-SLA-12), running clocks past their
   * warning now (R-SLA-9) among those started before `to`, the met share, and the median and
   * 90th percentile of the time used (working minutes, or calendar minutes where the target is
   * in calendar time) and the median target, over the clocks that ended in the period.
   * Auto-close clocks are the system's, not a party's term: never counted.
   */
  async slaReport(
    caller: Caller,
    input: ReportFilterInput,
    groupBy: ReportGrouping | null,
  ): Promise<SlaReportRowData[]> {
    requireUser(caller, 'read SLA reports');
    const { where, params } = this.conditions(caller, input);
    if (where === null) return [];
    const key = (at: string) =>
      groupBy === null ? 'NULL::text' : groupBy === 'MONTH' ? monthOf(at) : GROUP_KEY[groupBy];
    const join =
      groupBy === 'PRODUCT' || groupBy === 'ENGINEER' || needsTicket(input)
        ? 'JOIN sla_tickets k ON k.ticket_id = t.ticket_id'
        : '';
    // Three single scans, each counted at its own instant (a clock started in March and met in
    // April is in March's started and April's met), merged by group, metric and party.
    const started = this.dataSource.query(
      `SELECT ${key('t.started_at')} AS "group", t.metric, t.party, count(*)::int AS n
       FROM sla_timers t ${join}
       WHERE ${where} AND t.started_at >= $1 AND t.started_at < $2
       GROUP BY 1, 2, 3`,
      params,
    ) as Promise<CountRow[]>;
    const atRisk = this.dataSource.query(
      `SELECT ${key('$4::timestamptz')} AS "group", t.metric, t.party, count(*)::int AS n
       FROM sla_timers t ${join}
       WHERE ${where} AND t.status = 'RUNNING' AND t.warned AND t.started_at < $2
       GROUP BY 1, 2, 3`,
      params,
    ) as Promise<CountRow[]>;
    // The percentiles sort every ended clock: enough memory that a year of them sorts in memory.
    const ended = this.dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL work_mem = '64MB'`);
      return manager.query(
        `SELECT ${key(ENDED_AT)} AS "group", t.metric, t.party,
           count(*) FILTER (WHERE t.status = 'MET')::int AS met,
           count(*) FILTER (WHERE t.status = 'BREACHED')::int AS breached,
           percentile_cont(ARRAY[0.5, 0.9]::float8[]) WITHIN GROUP (ORDER BY t.elapsed_minutes) AS used,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY t.elapsed_minutes + t.remaining_minutes)
             FILTER (WHERE t.remaining_minutes IS NOT NULL) AS target
         FROM sla_timers t ${join}
         WHERE ${where} AND t.status IN ('MET', 'BREACHED') AND ${ENDED_AT} >= $1 AND ${ENDED_AT} < $2
         GROUP BY 1, 2, 3`,
        params,
      ) as Promise<EndedRow[]>;
    });
    const rows = new Map<string, SlaReportRowData>();
    const rowOf = (r: { group: string | null; metric: SlaMetric; party: Party }) => {
      const id = JSON.stringify([r.group, r.metric, r.party]);
      let row = rows.get(id);
      if (!row) {
        row = {
          group: r.group,
          metric: r.metric,
          party: r.party,
          started: 0,
          met: 0,
          breached: 0,
          openAtRisk: 0,
          complianceShare: null,
          medianUsedMinutes: null,
          p90UsedMinutes: null,
          medianTargetMinutes: null,
        };
        rows.set(id, row);
      }
      return row;
    };
    const [startedRows, endedRows, riskRows] = await Promise.all([started, ended, atRisk]);
    for (const r of startedRows) rowOf(r).started = r.n;
    for (const r of riskRows) rowOf(r).openAtRisk = r.n;
    for (const r of endedRows) {
      const row = rowOf(r);
      row.met = r.met;
      row.breached = r.breached;
      row.complianceShare = r.met + r.breached === 0 ? null : r.met / (r.met + r.breached);
      row.medianUsedMinutes = r.used?.[0] ?? null;
      row.p90UsedMinutes = r.used?.[1] ?? null;
      row.medianTargetMinutes = r.target;
    }
    return [...rows.values()].sort(
      (a, b) =>
        (a.group ?? '').localeCompare(b.group ?? '') ||
        a.metric.localeCompare(b.metric) ||
        a.party.localeCompare(b.party),
    );
  }

  /**
   * R-SLA-11: the clocks breached in [from, to), latest first, with how late they are in working
   * minutes (as of the clock's stop, or of its last evaluation while it still runs) and the
   * state of the failure report the provider owes for them.
   */
  async breaches(
    caller: Caller,
    input: ReportFilterInput,
    first: number | null,
    after: string | null,
  ): Promise<Connection<BreachData>> {
    requireUser(caller, 'read SLA breaches');
    const limit = pageSize(first);
    const position = decodeCursor(after, isBreachCursor);
    const { where, params } = this.conditions(caller, input);
    if (where === null) return toConnection([], limit, 0, () => '');
    const base = `FROM sla_timers t
      ${needsTicket(input) ? 'JOIN sla_tickets k ON k.ticket_id = t.ticket_id' : ''}
      WHERE ${where} AND t.status = 'BREACHED' AND t.breached_at >= $1 AND t.breached_at < $2`;
    const n = params.length;
    const pageParams = position ? [...params, position.at, position.id] : params;
    const [rows, [count]] = await Promise.all([
      this.dataSource.query(
        `SELECT t.id, t.ticket_id, t.organization_id, t.contract_id, t.metric, t.party, t.priority, t.category,
                t.breached_at, t.stopped_at, t.remaining_minutes, t.failure_report_id, t.policy_id
         ${base}
         ${position ? `AND (t.breached_at, t.id) < ($${n + 1}::timestamptz, $${n + 2}::uuid)` : ''}
         ORDER BY t.breached_at DESC, t.id DESC
         LIMIT ${limit + 1}`,
        pageParams,
      ) as Promise<BreachRow[]>,
      this.dataSource.query(`SELECT count(*)::int AS n ${base}`, params) as Promise<{ n: number }[]>,
    ]);
    return toConnection(
      rows.map(toBreach),
      limit,
      count!.n,
      (row) => encodeCursor({ at: row.breachedAt.toISOString(), id: row.timerId }),
      position !== null,
    );
  }

  /**
   * The WHERE clause for a filter, with $1 from, $2 to, $3 time zone, $4 now; null when the
   * caller may see nothing. A customer's filter is narrowed to its own organization.
   */
  private conditions(caller: Caller, input: ReportFilterInput): { where: string | null; params: unknown[] } {
    const from = input.from;
    const to = input.to;
    if (!(from instanceof Date) || Number.isNaN(from.getTime()) || !(to instanceof Date) || Number.isNaN(to.getTime()))
      throw badInput('from and to must be instants (ISO 8601)', { field: 'from' });
    if (!(from < to)) throw badInput('from must be before to', { field: 'from' });
    if (to.getTime() - from.getTime() > REPORT_MAX_DAYS * 86_400_000) {
      throw badInput(`the period may be at most ${REPORT_MAX_DAYS} days; ask for a shorter one`, { field: 'to' });
    }
    const timeZone = input.timeZone ?? 'Europe/Moscow';
    if (!isTimeZone(timeZone)) {
      throw badInput(`timeZone must be an IANA zone such as Europe/Moscow, got ${JSON.stringify(timeZone)}`, {
        field: 'timeZone',
      });
    }
    const params: unknown[] = [from, to, timeZone, this.clock.now()];
    // $1 to $4 are typed here so that every query may leave them unused.
    const clauses = [
      `$1::timestamptz <= $2::timestamptz`,
      `$3::text IS NOT NULL`,
      `$4::timestamptz IS NOT NULL`,
      `t.metric <> 'AUTO_CLOSE'`,
    ];
    const list = <T>(
      values: T[] | null | undefined,
      field: string,
      column: string,
      cast: string,
      check?: (v: T) => void,
    ) => {
      if (values === null || values === undefined) return;
      if (values.length > REPORT_MAX_LIST) {
        throw badInput(`${field} may list at most ${REPORT_MAX_LIST} values, got ${values.length}`, { field });
      }
      values.forEach((v) => check?.(v));
      params.push(values);
      clauses.push(`${column} = ANY($${params.length}::${cast}[])`);
    };
    const visibility = visibilityOf(caller);
    if (visibility.kind === 'none') return { where: null, params };
    if (visibility.kind === 'organization') {
      params.push(visibility.organizationId);
      clauses.push(`t.organization_id = $${params.length}::uuid`);
    }
    list(input.organizationIds, 'organizationIds', 't.organization_id', 'uuid', (v) =>
      requireUuid(v, 'organizationIds'),
    );
    list(input.contractIds, 'contractIds', 't.contract_id', 'uuid', (v) => requireUuid(v, 'contractIds'));
    list(input.priorities, 'priorities', 't.priority', 'text', (v) => {
      if (!(PRIORITIES as readonly string[]).includes(v)) {
        throw badInput(`priorities must be of ${PRIORITIES.join(', ')}`, { field: 'priorities' });
      }
    });
    list(input.categories, 'categories', 't.category', 'text', (v) => checkText(v, 'categories'));
    list(input.products, 'products', 'k.product', 'text', (v) => checkText(v, 'products'));
    list(input.parties, 'parties', 't.party', 'text');
    list(input.engineerIds, 'engineerIds', 'k.assignee_id', 'uuid', (v) => requireUuid(v, 'engineerIds'));
    return { where: clauses.join(' AND '), params };
  }
}

interface BreachRow {
  id: string;
  ticket_id: string;
  organization_id: string;
  contract_id: string | null;
  metric: SlaMetric;
  party: Party;
  priority: string;
  category: string;
  breached_at: Date;
  stopped_at: Date | null;
  remaining_minutes: number | null;
  failure_report_id: string | null;
  policy_id: string;
}

function toBreach(row: BreachRow): BreachData {
  return {
    timerId: row.id,
    ticketId: row.ticket_id,
    organizationId: row.organization_id,
    contractId: row.contract_id,
    metric: row.metric,
    party: row.party,
    priority: row.priority,
    category: row.category,
    breachedAt: row.breached_at,
    stoppedAt: row.stopped_at,
    // The budget left, negative once late: how late is its opposite (unknown for dated targets).
    lateMinutes: row.remaining_minutes === null ? null : Math.max(0, -row.remaining_minutes),
    failureReportId: row.failure_report_id,
    failureReportState: failureReportState(row),
  };
}

/** R-SLA-11: a provider's breach owes a report (before closing, where the preset says so); a customer's does not. */
function failureReportState(row: BreachRow): FailureReportState {
  if (row.failure_report_id) return 'SUBMITTED';
  if (row.party !== 'PROVIDER') return 'NOT_REQUIRED';
  return POLICIES_REQUIRING_REPORT.includes(row.policy_id) ? 'REQUIRED' : 'MISSING';
}

/** The filter reads the ticket's row (product, assignee). */
function needsTicket(input: ReportFilterInput): boolean {
  return Boolean(input.products?.length || input.engineerIds?.length);
}

function checkText(value: string, field: string): void {
  if (typeof value !== 'string' || value.length > 200) {
    throw badInput(`${field} values must be at most 200 characters`, { field });
  }
}

function isTimeZone(zone: string): boolean {
  if (zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function isBreachCursor(key: unknown): key is { at: string; id: string } {
  const k = key as { at?: unknown; id?: unknown };
  return (
    typeof k === 'object' &&
    k !== null &&
    typeof k.at === 'string' &&
    !Number.isNaN(Date.parse(k.at)) &&
    typeof k.id === 'string' &&
    /^[0-9a-f-]{36}$/i.test(k.id)
  );
}
