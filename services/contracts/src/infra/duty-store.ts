import type { Visibility } from '@reglament/shared/domain';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { ContractDutyEntity, DutyOccurrenceEntity } from './duty.entities';

/** The contract_duties and duty_occurrences tables: every query of duties. Writes take the transaction's manager. */
export class DutyStore {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, row: ContractDutyEntity): Promise<void> {
    await manager.insert(ContractDutyEntity, row);
  }

  async save(manager: EntityManager, row: ContractDutyEntity): Promise<void> {
    await manager.save(ContractDutyEntity, row);
  }

  /** The row, locked for the rest of the transaction (FOR UPDATE). */
  lock(manager: EntityManager, id: string): Promise<ContractDutyEntity | null> {
    return manager.findOne(ContractDutyEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * The row locked for the clock job, or null when another replica holds it now (SKIP LOCKED):
   * that replica opens its occurrences.
   */
  async claim(manager: EntityManager, id: string): Promise<ContractDutyEntity | null> {
    const rows = (await manager.query('SELECT id FROM contract_duties WHERE id = $1 FOR UPDATE SKIP LOCKED', [
      id,
    ])) as unknown[];
    return rows.length === 0 ? null : manager.findOneBy(ContractDutyEntity, { id });
  }

  countOfContract(manager: EntityManager, contractId: string): Promise<number> {
    return manager.countBy(ContractDutyEntity, { contractId });
  }

  /** Duties of the contracts, in the order they were added, within the caller's organization scope. */
  async byContracts(
    visibility: Visibility,
    contractIds: readonly string[],
  ): Promise<Map<string, ContractDutyEntity[]>> {
    const grouped = new Map<string, ContractDutyEntity[]>(contractIds.map((id) => [id, []]));
    if (visibility.kind === 'none' || contractIds.length === 0) return grouped;
    const rows = await this.dataSource.getRepository(ContractDutyEntity).find({
      where:
        visibility.kind === 'organization'
          ? { contractId: In([...contractIds]), organizationId: visibility.organizationId }
          : { contractId: In([...contractIds]) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    for (const row of rows) grouped.get(row.contractId)?.push(row);
    return grouped;
  }

  /** Duties that may owe an occurrence: not ended before `today` (the window check is the domain's). */
  dueCandidates(today: string): Promise<ContractDutyEntity[]> {
    return this.dataSource
      .getRepository(ContractDutyEntity)
      .createQueryBuilder('d')
      .where('d.ends_on IS NULL OR d.ends_on >= :lowest', {
        // Every zone's today lies within a day of UTC's.
        lowest: today,
      })
      .orderBy('d.id', 'ASC')
      .getMany();
  }

  /** Records an occurrence unless one of the same duty and period exists: true when it is new. */
  async insertOccurrence(manager: EntityManager, row: DutyOccurrenceEntity): Promise<boolean> {
    const result = (await manager.query(
      `INSERT INTO duty_occurrences (id, duty_id, contract_id, period_start, opened_at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (duty_id, period_start) DO NOTHING RETURNING id`,
      [row.id, row.dutyId, row.contractId, row.periodStart, row.openedAt],
    )) as unknown[];
    return result.length > 0;
  }

  countOccurrences(dutyId: string): Promise<number> {
    return this.dataSource.getRepository(DutyOccurrenceEntity).countBy({ dutyId });
  }
}
