import { type Caller, visibilityOf } from '@reglament/shared/domain';
import type { DataSource } from 'typeorm';

/**
 * How far the e-mails of advisories got (R-NTF-2): the advisory is the contracts service's; the
 * deliveries are here. A customer counts only its own organization's e-mails.
 */
export class AdvisoryDeliveries {
  constructor(private readonly dataSource: DataSource) {}

  /** E-mails SENT per advisory id, for the caller's scope (absent: none). */
  async sentOf(caller: Caller, advisoryIds: readonly string[]): Promise<Map<string, number>> {
    const visibility = visibilityOf(caller);
    if (visibility.kind === 'none' || advisoryIds.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT substr(n.once_key, 10) AS advisory_id, count(*)::int AS sent
         FROM notifications n JOIN deliveries d ON d.notification_id = n.id
        WHERE n.once_key = ANY($1::text[]) AND n.kind = 'ADVISORY' AND d.channel = 'EMAIL' AND d.status = 'SENT'
          AND ($2::uuid IS NULL OR n.organization_id = $2::uuid)
        GROUP BY n.once_key`,
      [
        advisoryIds.map((id) => `advisory:${id}`),
        visibility.kind === 'organization' ? visibility.organizationId : null,
      ],
    )) as { advisory_id: string; sent: number }[];
    return new Map(rows.map((r) => [r.advisory_id, r.sent]));
  }
}
