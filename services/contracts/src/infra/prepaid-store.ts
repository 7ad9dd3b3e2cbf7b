import { requireUuid } from '@reglament/shared/domain';
import { encodeCursor, toConnection } from '@reglament/shared/platform';
import { type DataSource, type EntityManager, In } from 'typeorm';
import type { MonthKey } from '../domain/months';
import { type LedgerLine, type PackageTerms, packageTerms } from '../domain/prepaid';
import { ContractEntity } from './contract.entities';
import { HourPackageEntity, LedgerEntryEntity, PaymentEntity, PrepaidAccountEntity } from './prepaid.entities';

/**
 * The prepaid tables (hour packages, payments, accounts, the append-only ledger): every query of
 * prepaid time. Writes take the transaction's manager; reads use the data source.
 */
export class PrepaidStore {
  /** Each account as locked, to write it back only when it changed. */
  private readonly loaded = new WeakMap<PrepaidAccountEntity, string>();

  constructor(private readonly dataSource: DataSource) {}

  // ---------------------------------------------------------------- inside a transaction

  /** The row all prepaid changes of one contract serialize on (FOR UPDATE). */
  async lockAccount(manager: EntityManager, contractId: string): Promise<PrepaidAccountEntity> {
    const account = await manager.findOne(PrepaidAccountEntity, {
      where: { contractId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!account) throw new Error(`Contract ${contractId} has no prepaid account`);
    this.loaded.set(account, fingerprint(account));
    return account;
  }

  /** Writes a locked account back when it changed (most debits change nothing in it). */
  async saveAccount(manager: EntityManager, account: PrepaidAccountEntity): Promise<void> {
    const now = fingerprint(account);
    if (this.loaded.get(account) === now) return;
    await manager.update(
      PrepaidAccountEntity,
      { contractId: account.contractId },
      { state: account.state, openedThrough: account.openedThrough, capNearingReported: account.capNearingReported },
    );
    this.loaded.set(account, now);
  }

  async packageTerms(manager: EntityManager, contract: ContractEntity): Promise<PackageTerms[]> {
    const rows = await manager.find(HourPackageEntity, { where: { contractId: contract.id }, order: { id: 'ASC' } });
    return rows.map((row) => packageTerms(row, contract.endsOn));
  }

  async insertPackage(manager: EntityManager, row: HourPackageEntity): Promise<void> {
    await manager.insert(HourPackageEntity, row);
  }

  async paymentsOfContract(manager: EntityManager, contractId: string): Promise<PaymentEntity[]> {
    return manager.findBy(PaymentEntity, { contractId });
  }

  async payment(manager: EntityManager, contractId: string, month: string): Promise<PaymentEntity | null> {
    return manager.findOneBy(PaymentEntity, { contractId, month });
  }

  async insertPayment(manager: EntityManager, row: PaymentEntity): Promise<void> {
    await manager.insert(PaymentEntity, row);
  }

  async appendEntries(manager: EntityManager, rows: LedgerEntryEntity[]): Promise<void> {
    if (rows.length > 0) await manager.insert(LedgerEntryEntity, rows);
  }

  async contract(manager: EntityManager, contractId: string): Promise<ContractEntity> {
    return manager.findOneByOrFail(ContractEntity, { id: contractId });
  }

  /** The ledger summed by kind and package, per contract and month (key `contract/month`): a handful of rows. */
  async sums(
    manager: EntityManager,
    contractIds: readonly string[],
    months: readonly MonthKey[],
  ): Promise<Map<string, LedgerLine[]>> {
    const rows: {
      contract_id: string;
      month: string;
      kind: LedgerLine['kind'];
      package_id: string | null;
      minutes: number;
    }[] = await manager.query(
      `SELECT contract_id, month, kind, package_id, SUM(minutes)::int AS minutes FROM prepaid_ledger
          WHERE contract_id = ANY($1::uuid[]) AND month = ANY($2::text[])
          GROUP BY contract_id, month, kind, package_id`,
      [contractIds, months],
    );
    const byKey = new Map<string, LedgerLine[]>();
    for (const row of rows) {
      const key = `${row.contract_id}/${row.month}`;
      const lines = byKey.get(key) ?? [];
      lines.push({ kind: row.kind, minutes: Number(row.minutes), packageId: row.package_id });
      byKey.set(key, lines);
    }
    return byKey;
  }

  // ---------------------------------------------------------------- reads

  /** Contracts with packages whose current month (in their zone) is not opened yet at `now`. */
  async contractsDueForNewMonth(now: Date): Promise<string[]> {
    const due: { contract_id: string }[] = await this.dataSource.query(
      `SELECT a.contract_id FROM prepaid_accounts a JOIN contracts c ON c.id = a.contract_id
        WHERE EXISTS (SELECT 1 FROM hour_packages p WHERE p.contract_id = a.contract_id)
          AND (a.opened_through IS NULL OR a.opened_through < to_char($1::timestamptz AT TIME ZONE c.time_zone, 'YYYY-MM'))`,
      [now],
    );
    return due.map((row) => row.contract_id);
  }

  /** What a balance is computed from, for several contracts at once. */
  async balanceInputs(contractIds: readonly string[]) {
    const ids = [...contractIds];
    const [packages, accounts, payments] = await Promise.all([
      this.dataSource.getRepository(HourPackageEntity).find({ where: { contractId: In(ids) }, order: { id: 'ASC' } }),
      this.dataSource.getRepository(PrepaidAccountEntity).findBy({ contractId: In(ids) }),
      this.dataSource.getRepository(PaymentEntity).findBy({ contractId: In(ids) }),
    ]);
    return { packages, accounts, payments };
  }

  readSums(contractIds: readonly string[], months: readonly MonthKey[]): Promise<Map<string, LedgerLine[]>> {
    return this.sums(this.dataSource.manager, contractIds, months);
  }

  async packagesOf(contractIds: readonly string[]): Promise<HourPackageEntity[]> {
    return this.dataSource
      .getRepository(HourPackageEntity)
      .find({ where: { contractId: In([...contractIds]) }, order: { id: 'ASC' } });
  }

  async paymentsOf(contractIds: readonly string[]): Promise<PaymentEntity[]> {
    return this.dataSource
      .getRepository(PaymentEntity)
      .find({ where: { contractId: In([...contractIds]) }, order: { month: 'ASC' } });
  }

  /** One page of a contract's ledger in id order (optionally one month). */
  async ledgerPage(contractId: string, month: MonthKey | null, page: { first: number; after: string | null }) {
    const query = this.dataSource
      .getRepository(LedgerEntryEntity)
      .createQueryBuilder('e')
      .where('e.contract_id = :contract', { contract: requireUuid(contractId, 'contractId') });
    if (month) query.andWhere('e.month = :month', { month });
    const totalCount = await query.clone().getCount();
    if (page.after) query.andWhere('e.id > :after', { after: page.after });
    const rows = await query
      .orderBy('e.id', 'ASC')
      .take(page.first + 1)
      .getMany();
    return toConnection(rows, page.first, totalCount, (row) => encodeCursor(row.id), Boolean(page.after));
  }
}

function fingerprint(account: PrepaidAccountEntity): string {
  return `${account.state}|${account.openedThrough}|${account.capNearingReported}`;
}
