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
} from '@reglament/shared/domain';
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
 * A met clock counts in the period it stopped in, a breached one in the period of its breach (a
 * report for a past month does not change afterwards); cancelled, not guaranteed and auto-close
 * clocks (an action of the system, not a party's term) do not count.
 */
export class Compliance {
  constructor(private readonly dataSource: DataSource) {}

  async report(caller: Caller, contractId: string, from: Date, to: Date): Promise<ComplianceRowData[]> {
    requireUser(caller, 'read compliance');
    requireUuid(contractId, 'contractId');
    if (!(from < to)) throw badInput('from must be before to', { field: 'from' });
    // Whose contract it is, before anything is counted: an organization-bound caller learns
    // nothing of another organization's contract, not even when its clocks stopped.
    const visibility = visibilityOf(caller);
    const [known] = (await this.dataSource.query('SELECT organization_id FROM sla_contracts WHERE contract_id = $1', [
      contractId,
    ])) as { organization_id: string }[];
    if (known ? !canSeeOrganization(visibility, known.organization_id) : visibility.kind !== 'all')
      throw notFound('Contract', contractId);
    const rows = (await this.dataSource.query(
      `SELECT metric, party, priority,
              count(*)::int AS total,
              count(*) FILTER (WHERE status = 'MET')::int AS met,
              count(*) FILTER (WHERE status = 'BREACHED')::int AS breached
       FROM sla_timers
       WHERE contract_id = $1 AND status IN ('MET', 'BREACHED') AND metric <> 'AUTO_CLOSE'
         AND (CASE WHEN status = 'BREACHED' THEN breached_at ELSE stopped_at END) >= $2
         AND (CASE WHEN status = 'BREACHED' THEN breached_at ELSE stopped_at END) < $3
       GROUP BY metric, party, priority
       ORDER BY metric, party, priority`,
      [contractId, from, to],
    )) as Omit<ComplianceRowData, 'metShare'>[];
    return rows.map((row) => ({
      ...row,
      metShare: row.total === 0 ? 0 : row.met / row.total,
    }));
  }
}
