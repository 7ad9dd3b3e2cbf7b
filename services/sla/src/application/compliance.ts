import {
  badInput,
  type Caller,
  canSeeOrganization,
  notFound,
  type Party,
  type Priority,
  requireUser,
  requireUuid,
  type SlaMetric,
  visibilityOf,
} from '@reglament/shared';
import type { DataSource } from 'typeorm';

export interface ComplianceRowData {
  metric: SlaMetric;
  party: Party;
  priority: Priority;
  total: number;
  met: number;
  breached: number;
  metShare: number;
}

/**
 * R-SLA-12: per contract and period, the share of clocks met, by metric, party and priority.
 * A clock counts in the period in which it ended (met or breached); cancelled and not
 * guaranteed clocks do not count.
 */
export class Compliance {
  constructor(private readonly dataSource: DataSource) {}

  async report(caller: Caller, contractId: string, from: Date, to: Date): Promise<ComplianceRowData[]> {
    requireUser(caller, 'read compliance');
    requireUuid(contractId, 'contractId');
    if (!(from < to)) throw badInput('from must be before to', { field: 'from' });
    const rows = (await this.dataSource.query(
      `SELECT metric, party, priority, organization_id,
              count(*)::int AS total,
              count(*) FILTER (WHERE status = 'MET')::int AS met,
              count(*) FILTER (WHERE status = 'BREACHED')::int AS breached
       FROM sla_timers
       WHERE contract_id = $1 AND status IN ('MET', 'BREACHED')
         AND coalesce(stopped_at, breached_at) >= $2 AND coalesce(stopped_at, breached_at) < $3
       GROUP BY metric, party, priority, organization_id
       ORDER BY metric, party, priority`,
      [contractId, from, to],
    )) as (Omit<ComplianceRowData, 'metShare'> & { organization_id: string })[];
    const visibility = visibilityOf(caller);
    if (rows.some((row) => !canSeeOrganization(visibility, row.organization_id)))
      throw notFound('Contract', contractId);
    return rows.map(({ organization_id: _org, ...row }) => ({
      ...row,
      metShare: row.total === 0 ? 0 : row.met / row.total,
    }));
  }
}
