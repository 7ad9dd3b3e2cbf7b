import { badInput, type Caller, makeEvent, newId } from '@reglament/shared/domain';
import type { Clock, Transactions } from '@reglament/shared/platform';
import { monthOfDate, monthOf, monthStart, parseMonth } from '../domain/months';
import { PACKAGE_KINDS, type PackageKind, packageTerms, totalsOf } from '../domain/prepaid';
import { presetOf, PRESETS } from '../domain/presets';
import type { ContractEntity } from '../infra/contract.entities';
import type { HourPackageEntity, LedgerEntryEntity } from '../infra/prepaid.entities';
import type { PrepaidStore } from '../infra/prepaid-store';
import { actorOf, requireAdmin, requireManager } from './access';
import type { Contracts } from './contracts';
import { origin } from './facts';
import type { PrepaidMonths } from './prepaid-months';

export interface NewHourPackage {
  contractId: string;
  kind: PackageKind;
  minutesPerMonth: number;
  startsOn: string;
  endsOn: string | null;
  allowOverdraft: boolean;
  reactionWorkingMinutes: number | null;
}

const MAX_MINUTES_PER_MONTH = 100_000;

/**
 * Changes of prepaid time (R-CON-3, R-CON-4, R-CON-6): hour packages, payments, corrections and
 * the monthly sweep. Every change takes the contract's prepaid_accounts row FOR UPDATE first, so
 * any number of concurrent debits apply one after another against the exact balance. Months are
 * opened lazily (by the first change in a month) and by the clock's sweep (prepaid-months.ts);
 * reads are in prepaid-reads.ts, the queries in infra/prepaid-store.ts.
 */
export class PrepaidLedger {
  constructor(
    private readonly store: PrepaidStore,
    private readonly months: PrepaidMonths,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly contracts: Contracts,
  ) {}

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
      const account = await this.months.lock(tx, contract.id);
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
      await this.store.insertPackage(tx.manager, row);
      // Months already opened get the new package's grant now; later months get it when they open.
      const terms = packageTerms(row, contract.endsOn);
      if (account.openedThrough !== null && terms.firstMonth <= account.openedThrough) {
        await this.months.append(
          tx,
          contract,
          [{ month: terms.firstMonth, kind: 'GRANT', minutes: row.minutesPerMonth, packageId: row.id }],
          actorOf(caller),
        );
      }
      await this.months.bringCurrent(tx, contract, account);
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
      const account = await this.months.lock(tx, contract.id);
      const paid = await this.store.payment(tx.manager, contract.id, month);
      if (paid) return;
      await this.store.insertPayment(tx.manager, {
        contractId: contract.id,
        month,
        paidAt: now,
        onTime: now.getTime() < monthStart(month, contract.timeZone).getTime(),
        recordedBy: actorOf(caller),
      });
      await this.months.bringCurrent(tx, contract, account);
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
      const account = await this.months.lock(tx, contract.id);
      const packages = await this.months.packageTerms(tx, contract);
      if (packages.length === 0) {
        throw badInput(`contract ${contract.number} has no hour package: there is no prepaid balance to correct`, {
          field: 'contractId',
        });
      }
      const before = await this.months.bringCurrent(tx, contract, account, packages);
      if (before === null) {
        throw badInput(
          `contract ${contract.number} has no prepaid month yet (its first package month has not begun): nothing to correct`,
          { field: 'contractId' },
        );
      }
      const [entry] = await this.months.append(
        tx,
        contract,
        [{ month: before.month, kind: 'CORRECTION', minutes: input.minutes, packageId: null }],
        actorOf(caller),
        reason,
      );
      const after = totalsOf(before.month, [{ kind: 'CORRECTION', minutes: input.minutes, packageId: null }], packages);
      await this.months.settle(tx, contract, account, {
        ...before,
        corrections: before.corrections + after.corrections,
        remaining: before.remaining + after.remaining,
      });
      return entry!;
    });
  }

  /** The clock's sweep: opens the current month (in its zone) of every contract with packages. */
  async rollOverAll(): Promise<number> {
    const due = await this.store.contractsDueForNewMonth(this.clock.now());
    for (const contractId of due) {
      await this.transactions.run(async (tx) => {
        const account = await this.months.lock(tx, contractId);
        const contract = await this.store.contract(tx.manager, contractId);
        await this.months.bringCurrent(tx, contract, account);
      });
    }
    return due.length;
  }
}
