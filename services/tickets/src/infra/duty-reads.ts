import type { Party } from '@reglament/shared/domain';
import type { DataSource } from 'typeorm';
import type { ReadScope } from '../application/actor';
import { TicketEntity } from './entities';

export interface DutyOccurrenceFilter {
  contractId: string | null;
  dutyId: string | null;
  party: Party | null;
  /** OPEN: not done yet; DONE: completed (closed as DONE). */
  status: 'OPEN' | 'DONE' | null;
  /** Period start dates (contract zone), both included. */
  periodFrom: string | null;
  periodTo: string | null;
}

/** Occurrences of contract duties: the DUTY tickets, read within the caller's organization scope. */
export class DutyReads {
  constructor(private readonly dataSource: DataSource) {}

  /** A page in id order (UUID v7: the order they were opened) after `after`, `first + 1` rows, and the total. */
  async page(
    scope: ReadScope,
    filter: DutyOccurrenceFilter,
    after: string | null,
    first: number,
  ): Promise<{ rows: TicketEntity[]; totalCount: number }> {
    if (scope.visibility.kind === 'none') return { rows: [], totalCount: 0 };
    const query = this.dataSource
      .getRepository(TicketEntity)
      .createQueryBuilder('t')
      .where("t.kind = 'DUTY'")
      .andWhere('t.duty IS NOT NULL');
    if (scope.visibility.kind === 'organization') {
      query.andWhere('t.organization_id = :own', { own: scope.visibility.organizationId });
    }
    if (filter.contractId) query.andWhere('t.contract_id = :contract', { contract: filter.contractId });
    if (filter.dutyId) query.andWhere("t.duty->>'dutyId' = :duty", { duty: filter.dutyId });
    if (filter.party) query.andWhere("t.duty->>'party' = :party", { party: filter.party });
    if (filter.status === 'OPEN') query.andWhere("t.status <> 'CLOSED'");
    if (filter.status === 'DONE') query.andWhere("t.status = 'CLOSED'");
    if (filter.periodFrom) query.andWhere("t.duty->>'periodStartsOn' >= :from", { from: filter.periodFrom });
    if (filter.periodTo) query.andWhere("t.duty->>'periodStartsOn' <= :to", { to: filter.periodTo });
    const totalCount = await query.clone().getCount();
    if (after) query.andWhere('t.id > :after', { after });
    const rows = await query
      .orderBy('t.id', 'ASC')
      .take(first + 1)
      .getMany();
    return { rows, totalCount };
  }
}
