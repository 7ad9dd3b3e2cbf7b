import { badInput, type Caller, makeEvent, newId, requireUuid } from '@reglament/shared/domain';
import { type Clock, encodeCursor, toConnection, type Transactions, type Tx } from '@reglament/shared/platform';
import { type DataSource, type EntityManager, In } from 'typeorm';
import {
  monthOfDate,
  monthOf,
  monthStart,
  type MonthKey,
  nextMonth,
  parseMonth,
  previousMonth,
} from '../domain/months';
import {
  type LedgerLine,
  type MonthTotals,
  PACKAGE_KINDS,
  type PackageKind,
  type PackageTerms,
  packageTerms,
  type PlannedEntry,
  rollForward,
  stateChange,
  stateOf,
  totalsOf,
} from '../domain/prepaid';
import { presetOf, PRESETS } from '../domain/presets';
import { ContractEntity } from '../infra/entities';
import { HourPackageEntity, LedgerEntryEntity, PaymentEntity, PrepaidAccountEntity } from '../infra/prepaid.entities';
import { actorOf, requireAdmin, requireManager } from './access';
import type { Contracts } from './contracts';
import { origin } from './facts';
import { afterId, type Page } from './paging';

export interface NewHourPackage {
  contractId: string;
  kind: PackageKind;
  minutesPerMonth: number;
  startsOn: string;
  endsOn: string | null;
  allowOverdraft: boolean;
  reactionWorkingMinutes: number | null;
}

/** A month of a contract's prepaid time as the API shows it. */
export interface BalanceView extends MonthTotals {
  exhausted: boolean;
  /** The month is over (its unused minutes carried over or expired). */
  closed: boolean;
}

const MAX_MINUTES_PER_MONTH = 100_000;

/**
 * Prepaid time (R-CON-3, R-CON-4, R-CON-6): hour packages, payments, and the append-only
 * ledger. Every change takes the contract's prepaid_accounts row FOR UPDATE first, so any
 * number of concurrent debits apply one after another against the exact balance. Months are
 * opened lazily (by the first change in a month) and by the clock's sweep.
 */
export class PrepaidLedger {
  /** The account as locked, to write it back only when it changed. */
  private readonly loaded = new WeakMap<PrepaidAccountEntity, string>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly contracts: Contracts,
  ) {}

  // ---------------------------------------------------------------- changes

  async addPackage(caller: Caller, input: NewHourPackage): Promise<HourPackageEntity> {
    requireManager(caller, 'add hour packages');
    const contract = await this.contracts.get(caller, input.contractId);
    const preset = presetOf(contract.preset);
    if (!preset.prepaidTime) {
      throw badInput(
        `preset ${preset.id} has no prepaid hour packages; presets with packages: ${PRESETS.filter((p) => p.prepaidTime)
          .map((p) => p.id)
          .join(', ')}`,
        { field: 'contractId' },
      );
    }
    if (!PACKAGE_KINDS.includes(input.kind)) {
      throw badInput(`kind must be one of ${PACKAGE_KINDS.join(', ')}`, { field: 'kind' });
    }
    if (
      !Number.isInteger(input.minutesPerMonth) ||
      input.minutesPerMonth < 1 ||
      input.minutesPerMonth > MAX_MINUTES_PER_MONTH
    ) {
      throw badInput(`minutesPerMonth must be a whole number from 1 to ${MAX_MINUTES_PER_MONTH}`, {
        field: 'minutesPerMonth',
      });
    }
    if (input.startsOn < contract.startsOn || input.startsOn > contract.endsOn) {
      throw badInput(
        `startsOn must fall within the contract's period ${contract.startsOn} .. ${contract.endsOn}, got ${input.startsOn}`,
        { field: 'startsOn' },
      );
    }
    const now = this.clock.now();
    const currentMonth = monthOf(now, contract.timeZone);
    if (monthOfDate(input.startsOn) < currentMonth) {
      throw badInput(
        `startsOn must be in the current month (${currentMonth}, ${contract.timeZone}) or later: minutes are never granted for past months`,
        { field: 'startsOn' },
      );
    }
    if (input.endsOn !== null) {
      if (input.kind === 'ONE_OFF') {
        throw badInput('a ONE_OFF package lasts one month and takes no endsOn', { field: 'endsOn' });
      }
      if (input.endsOn < input.startsOn || input.endsOn > contract.endsOn) {
        throw badInput(
          `endsOn must be between startsOn (${input.startsOn}) and the contract's end (${contract.endsOn})`,
          {
            field: 'endsOn',
          },
        );
      }
    }
    const reaction = input.reactionWorkingMinutes ?? preset.defaultReactionWorkingMinutes;
    if (reaction !== null && (!Number.isInteger(reaction) || reaction < 1 || reaction > 10_000)) {
      throw badInput('reactionWorkingMinutes must be a whole number of working minutes from 1 to 10000', {
        field: 'reactionWorkingMinutes',
      });
    }
    return this.transactions.run(async (tx) => {
      const account = await this.lock(tx, contract.id);
      const row: HourPackageEntity = {
        id: newId(),
        contractId: contract.id,
        organizationId: contract.organizationId,
        kind: input.kind,
        minutesPerMonth: input.minutesPerMonth,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        allowOverdraft: input.allowOverdraft,
        reactionWorkingMinutes: reaction,
        createdAt: now,
      };
      await tx.manager.insert(HourPackageEntity, row);
      // Months already opened get the new package's grant now; later months get it when they open.
      const terms = packageTerms(row, contract.endsOn);
      if (account.openedThrough !== null && terms.firstMonth <= account.openedThrough) {
        await this.append(
          tx,
          contract,
          [{ month: terms.firstMonth, kind: 'GRANT', minutes: row.minutesPerMonth, packageId: row.id }],
          actorOf(caller),
        );
      }
      await this.bringCurrent(tx, contract, account);
      tx.emit(
        makeEvent(
          'contracts.hour_package.added',
          contract.organizationId,
          {
            packageId: row.id,
            contractId: contract.id,
            organizationId: contract.organizationId,
            kind: row.kind,
            minutesPerMonth: row.minutesPerMonth,
            startsOn: row.startsOn,
            endsOn: row.endsOn,
            allowOverdraft: row.allowOverdraft,
            reactionWorkingMinutes: row.reactionWorkingMinutes,
          },
          origin(now),
        ),
      );
      return row;
    });
  }

  /**
   * A month paid (R-CON-3). On time when recorded before the month begins in the contract's
   * zone; only then do the previous month's unused subscription minutes carry into it. A month
   * is paid once: recording it again changes nothing.
   */
  async recordPayment(caller: Caller, contractId: string, month: string): Promise<ContractEntity> {
    requireManager(caller, 'record payments');
    const contract = await this.contracts.get(caller, contractId);
    parseMonth(month);
    const first = monthOfDate(contract.startsOn);
    const last = monthOfDate(contract.endsOn);
    if (month < first || month > last) {
      throw badInput(`month must be within the contract's period, ${first} .. ${last}, got ${month}`, {
        field: 'month',
      });
    }
    const now = this.clock.now();
    await this.transactions.run(async (tx) => {
      const account = await this.lock(tx, contract.id);
      const paid = await tx.manager.findOneBy(PaymentEntity, { contractId: contract.id, month });
      if (paid) return;
      await tx.manager.insert(PaymentEntity, {
        contractId: contract.id,
        month,
        paidAt: now,
        onTime: now.getTime() < monthStart(month, contract.timeZone).getTime(),
        recordedBy: actorOf(caller),
      });
      await this.bringCurrent(tx, contract, account);
    });
    return contract;
  }

  /** A correction is a new entry (the ledger is never edited): + gives minutes back, - takes them. */
  async correct(
    caller: Caller,
    input: { contractId: string; minutes: number; reason: string },
  ): Promise<LedgerEntryEntity> {
    requireAdmin(caller, 'correct prepaid time');
    const contract = await this.contracts.get(caller, input.contractId);
    if (!Number.isInteger(input.minutes) || input.minutes === 0 || Math.abs(input.minutes) > MAX_MINUTES_PER_MONTH) {
      throw badInput(`minutes must be a whole number other than 0, at most ${MAX_MINUTES_PER_MONTH} either way`, {
        field: 'minutes',
      });
    }
    const reason = input.reason.trim();
    if (reason.length < 1 || reason.length > 500) {
      throw badInput('reason must be 1 to 500 characters: say why the balance is corrected', { field: 'reason' });
    }
    return this.transactions.run(async (tx) => {
      const account = await this.lock(tx, contract.id);
      const packages = await this.packageTerms(tx.manager, contract);
      if (packages.length === 0) {
        throw badInput(`contract ${contract.number} has no hour package: there is no prepaid balance to correct`, {
          field: 'contractId',
        });
      }
      const before = await this.bringCurrent(tx, contract, account, packages);
      if (before === null) {
        throw badInput(
          `contract ${contract.number} has no prepaid month yet (its first package month has not begun): nothing to correct`,
          { field: 'contractId' },
        );
      }
      const [entry] = await this.append(
        tx,
        contract,
        [{ month: before.month, kind: 'CORRECTION', minutes: input.minutes, packageId: null }],
        actorOf(caller),
        reason,
      );
      const after = totalsOf(before.month, [{ kind: 'CORRECTION', minutes: input.minutes, packageId: null }], packages);
      await this.settle(tx, contract, account, {
        ...before,
        corrections: before.corrections + after.corrections,
        remaining: before.remaining + after.remaining,
      });
      return entry!;
    });
  }

  /** The clock's sweep: opens the current month (in its zone) of every contract with packages. */
  async rollOverAll(): Promise<number> {
    const now = this.clock.now();
    const due: { contract_id: string }[] = await this.dataSource.query(
      `SELECT a.contract_id FROM prepaid_accounts a JOIN contracts c ON c.id = a.contract_id
        WHERE EXISTS (SELECT 1 FROM hour_packages p WHERE p.contract_id = a.contract_id)
          AND (a.opened_through IS NULL OR a.opened_through < to_char($1::timestamptz AT TIME ZONE c.time_zone, 'YYYY-MM'))`,
      [now],
    );
    for (const { contract_id } of due) {
      await this.transactions.run(async (tx) => {
        const account = await this.lock(tx, contract_id);
        const contract = await tx.manager.findOneByOrFail(ContractEntity, { id: contract_id });
        await this.bringCurrent(tx, contract, account);
      });
    }
    return due.length;
  }

  // ---------------------------------------------------------------- the engine (inside a transaction)

  /** The row all prepaid changes of one contract serialize on. */
  async lock(tx: Tx, contractId: string): Promise<PrepaidAccountEntity> {
    const account = await tx.manager.findOne(PrepaidAccountEntity, {
      where: { contractId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!account) throw new Error(`Contract ${contractId} has no prepaid account`);
    this.loaded.set(account, fingerprint(account));
    return account;
  }

  async packageTerms(manager: EntityManager, contract: ContractEntity): Promise<PackageTerms[]> {
    const rows = await manager.find(HourPackageEntity, { where: { contractId: contract.id }, order: { id: 'ASC' } });
    return rows.map((row) => packageTerms(row, contract.endsOn));
  }

  /**
   * Opens every month through the current one (grants, carry-over, expiry) and publishes a
   * change of state. Returns the current month's totals (null: no package month has begun).
   */
  async bringCurrent(
    tx: Tx,
    contract: ContractEntity,
    account: PrepaidAccountEntity,
    known?: readonly PackageTerms[],
  ): Promise<MonthTotals | null> {
    const packages = known ?? (await this.packageTerms(tx.manager, contract));
    const target = monthOf(this.clock.now(), contract.timeZone);
    let totals: MonthTotals | null;
    if (packages.length === 0) {
      totals = null;
    } else if (account.openedThrough !== null && target <= account.openedThrough) {
      totals = await this.monthTotals(tx.manager, contract.id, target, packages);
    } else {
      const opened = account.openedThrough;
      const payments = await tx.manager.findBy(PaymentEntity, { contractId: contract.id });
      const plan = rollForward({
        openedThrough: opened,
        openedTotals: opened === null ? null : await this.monthTotals(tx.manager, contract.id, opened, packages),
        packages,
        paidOnTime: (month) => payments.some((p) => p.month === month && p.onTime),
        target,
      });
      await this.append(tx, contract, plan.entries, 'system:contracts');
      account.openedThrough = plan.openedThrough;
      totals = plan.openedThrough === target ? plan.totals : null;
    }
    await this.settle(tx, contract, account, totals, packages.length > 0);
    return totals;
  }

  /** Saves the account and publishes exhausted / replenished when the state changes (R-CON-6). */
  async settle(
    tx: Tx,
    contract: ContractEntity,
    account: PrepaidAccountEntity,
    totals: MonthTotals | null,
    hasPackages = true,
  ): Promise<void> {
    const state = hasPackages ? stateOf(totals) : 'NONE';
    const change = stateChange(account.state, state);
    account.state = state;
    await this.saveAccount(tx, account);
    if (change === null || totals === null) return;
    const data = {
      contractId: contract.id,
      organizationId: contract.organizationId,
      month: totals.month,
      remainingMinutes: totals.remaining,
    };
    const at = this.clock.now();
    tx.emit(
      change === 'exhausted'
        ? makeEvent('contracts.prepaid.exhausted', contract.organizationId, data, origin(at))
        : makeEvent('contracts.prepaid.replenished', contract.organizationId, data, origin(at)),
    );
  }

  /** Writes the locked account back when it changed (most debits change nothing in it). */
  async saveAccount(tx: Tx, account: PrepaidAccountEntity): Promise<void> {
    const now = fingerprint(account);
    if (this.loaded.get(account) === now) return;
    await tx.manager.update(
      PrepaidAccountEntity,
      { contractId: account.contractId },
      { state: account.state, openedThrough: account.openedThrough, capNearingReported: account.capNearingReported },
    );
    this.loaded.set(account, now);
  }

  async append(
    tx: Tx,
    contract: ContractEntity,
    entries: readonly (PlannedEntry & { timeEntryId?: string | null })[],
    actor: string | null,
    note?: string,
  ): Promise<LedgerEntryEntity[]> {
    if (entries.length === 0) return [];
    const now = this.clock.now();
    const rows: LedgerEntryEntity[] = entries.map((entry) => ({
      id: newId(),
      contractId: contract.id,
      organizationId: contract.organizationId,
      month: entry.month,
      kind: entry.kind,
      minutes: entry.minutes,
      packageId: entry.packageId,
      timeEntryId: entry.timeEntryId ?? null,
      note: note ?? defaultNote(entry),
      createdAt: now,
      createdBy: actor,
    }));
    await tx.manager.insert(LedgerEntryEntity, rows);
    return rows;
  }

  async monthTotals(
    manager: EntityManager,
    contractId: string,
    month: MonthKey,
    packages: readonly PackageTerms[],
  ): Promise<MonthTotals> {
    const sums = await this.sums(manager, [contractId], [month]);
    return totalsOf(month, sums.get(`${contractId}/${month}`) ?? [], packages);
  }

  /** The ledger summed by kind and package, per contract and month: a handful of rows. */
  private async sums(
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

  /**
   * Balances of contracts for a month (default: the current month in each contract's zone);
   * null for a contract without packages. A month the sweep has not opened yet is projected
   * with the same plan the sweep will write, so a read never waits for it.
   */
  async balances(contracts: readonly ContractEntity[], month?: MonthKey): Promise<Map<string, BalanceView | null>> {
    const result = new Map<string, BalanceView | null>();
    if (contracts.length === 0) return result;
    const ids = contracts.map((c) => c.id);
    const [packageRows, accounts, payments] = await Promise.all([
      this.dataSource.getRepository(HourPackageEntity).find({ where: { contractId: In(ids) }, order: { id: 'ASC' } }),
      this.dataSource.getRepository(PrepaidAccountEntity).findBy({ contractId: In(ids) }),
      this.dataSource.getRepository(PaymentEntity).findBy({ contractId: In(ids) }),
    ]);
    const now = this.clock.now();
    const plans = contracts.map((contract) => {
      const packages = packageRows
        .filter((p) => p.contractId === contract.id)
        .map((p) => packageTerms(p, contract.endsOn));
      const account = accounts.find((a) => a.contractId === contract.id) ?? null;
      const current = monthOf(now, contract.timeZone);
      const target = month ?? current;
      const opened = account?.openedThrough ?? null;
      const readMonth = opened !== null && target <= opened ? target : opened;
      return { contract, packages, current, target, opened, readMonth };
    });
    const sums = await this.sums(this.dataSource.manager, ids, [
      ...new Set(plans.map((p) => p.readMonth).filter((m): m is string => m !== null)),
    ]);
    for (const plan of plans) {
      const { contract, packages, target } = plan;
      if (packages.length === 0) {
        result.set(contract.id, null);
        continue;
      }
      const read =
        plan.readMonth === null
          ? null
          : totalsOf(plan.readMonth, sums.get(`${contract.id}/${plan.readMonth}`) ?? [], packages);
      let totals: MonthTotals | null;
      if (plan.readMonth === target) {
        totals = read;
      } else {
        const projected = rollForward({
          openedThrough: plan.opened,
          openedTotals: read,
          packages,
          paidOnTime: (m) => payments.some((p) => p.contractId === contract.id && p.month === m && p.onTime),
          target,
        });
        totals = projected.openedThrough === target ? projected.totals : null;
      }
      const view = totals ?? totalsOf(target, [], packages);
      result.set(contract.id, { ...view, exhausted: view.remaining <= 0, closed: target < plan.current });
    }
    return result;
  }

  async packagesOf(contractIds: readonly string[]): Promise<Map<string, HourPackageEntity[]>> {
    const rows = await this.dataSource
      .getRepository(HourPackageEntity)
      .find({ where: { contractId: In([...contractIds]) }, order: { id: 'ASC' } });
    const grouped = new Map<string, HourPackageEntity[]>(contractIds.map((id) => [id, []]));
    for (const row of rows) grouped.get(row.contractId)?.push(row);
    return grouped;
  }

  async paymentsOf(contractIds: readonly string[]): Promise<Map<string, PaymentEntity[]>> {
    const rows = await this.dataSource
      .getRepository(PaymentEntity)
      .find({ where: { contractId: In([...contractIds]) }, order: { month: 'ASC' } });
    const grouped = new Map<string, PaymentEntity[]>(contractIds.map((id) => [id, []]));
    for (const row of rows) grouped.get(row.contractId)?.push(row);
    return grouped;
  }

  async ledger(contract: ContractEntity, filter: { month: string | null }, page: Page) {
    const after = afterId(page.after);
    const query = this.dataSource
      .getRepository(LedgerEntryEntity)
      .createQueryBuilder('e')
      .where('e.contract_id = :contract', { contract: requireUuid(contract.id, 'contractId') });
    if (filter.month) query.andWhere('e.month = :month', { month: parseMonth(filter.month) });
    const totalCount = await query.clone().getCount();
    if (after) query.andWhere('e.id > :after', { after });
    const rows = await query
      .orderBy('e.id', 'ASC')
      .take(page.first + 1)
      .getMany();
    return toConnection(rows, page.first, totalCount, (row) => encodeCursor(row.id), Boolean(after));
  }
}

function fingerprint(account: PrepaidAccountEntity): string {
  return `${account.state}|${account.openedThrough}|${account.capNearingReported}`;
}

function defaultNote(entry: PlannedEntry): string | null {
  switch (entry.kind) {
    case 'GRANT':
      return `minutes of ${entry.month} from the hour package`;
    case 'CARRY_IN':
      return `unused subscription minutes carried over from ${previousMonth(entry.month)} (R-CON-3)`;
    case 'CARRY_OUT':
      return `carried over to ${nextMonth(entry.month)}, paid on time (R-CON-3)`;
    case 'EXPIRY':
      return 'unused minutes expire at the end of the month (one-off, carried-over, or next month not paid on time; R-CON-3)';
    default:
      return null;
  }
}
