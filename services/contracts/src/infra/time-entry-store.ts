import type { Visibility } from '@reglament/shared/domain';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { pageInIdOrder, type RowsPage } from './paging';
import { TimeEntryEntity } from './prepaid.entities';
import { KnownTicketEntity } from './read-model.entities';

/** The time_entries table and the tickets contracts knows of (read model). Writes take the transaction's manager. */
export class TimeEntryStore {
  constructor(private readonly dataSource: DataSource) {}

  /** A ticket as the tickets.* events described it (null: not known here yet). */
  knownTicket(ticketId: string): Promise<KnownTicketEntity | null> {
    return this.dataSource.getRepository(KnownTicketEntity).findOneBy({ ticketId });
  }

  /** The contract's entry logged with this idempotency key, if any. */
  byIdempotencyKey(
    manager: EntityManager,
    contractId: string,
    idempotencyKey: string,
  ): Promise<TimeEntryEntity | null> {
    return manager.findOneBy(TimeEntryEntity, { contractId, idempotencyKey });
  }

  async insert(manager: EntityManager, row: TimeEntryEntity): Promise<void> {
    await manager.insert(TimeEntryEntity, row);
  }

  /** Customisation spent on a contract so far, as the database sums it (decimal text). */
  async customizationSpent(manager: EntityManager, contractId: string): Promise<string> {
    const [row] = (await manager.query(
      `SELECT COALESCE(SUM(amount), 0)::text AS spent FROM time_entries WHERE contract_id = $1 AND billing = 'CUSTOMIZATION'`,
      [contractId],
    )) as { spent: string }[];
    return row?.spent ?? '0';
  }

  /** Customisation spent per contract (decimal text; contracts with none are absent). */
  async customizationSpentByContracts(contractIds: readonly string[]): Promise<Map<string, string>> {
    const rows = (await this.dataSource.query(
      `SELECT contract_id, COALESCE(SUM(amount), 0)::text AS spent FROM time_entries
        WHERE contract_id = ANY($1::uuid[]) AND billing = 'CUSTOMIZATION' GROUP BY contract_id`,
      [contractIds],
    )) as { contract_id: string; spent: string }[];
    return new Map(rows.map((row) => [row.contract_id, row.spent]));
  }

  /** Entries of the tickets, in id order, of the organizations the caller may see only (the scope is in the query). */
  byTickets(visibility: Visibility, ticketIds: readonly string[]): Promise<TimeEntryEntity[]> {
    if (visibility.kind === 'none' || ticketIds.length === 0) return Promise.resolve([]);
    const where =
      visibility.kind === 'organization'
        ? { ticketId: In([...ticketIds]), organizationId: visibility.organizationId }
        : { ticketId: In([...ticketIds]) };
    return this.dataSource.getRepository(TimeEntryEntity).find({ where, order: { id: 'ASC' } });
  }

  /** A page in id order of a contract's entries. */
  pageOfContract(contractId: string, after: string | null, first: number): Promise<RowsPage<TimeEntryEntity>> {
    const query = this.dataSource
      .getRepository(TimeEntryEntity)
      .createQueryBuilder('t')
      .where('t.contract_id = :contract', { contract: contractId });
    return pageInIdOrder(query, 't', after, first);
  }
}
