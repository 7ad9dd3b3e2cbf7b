import {
  type Caller,
  conflict,
  makeEvent,
  newId,
  notFound,
  requireUuid,
  visibilityOf,
  type DutyFacts,
} from '@reglament/shared/domain';
import type { Clock, Logger, Transactions, Tx } from '@reglament/shared/platform';
import {
  DUTY_LIMITS,
  type DutyContract,
  type DutyTerms,
  dutyWindow,
  periodStarts,
  validateDutyTerms,
} from '../domain/duties';
import { dateIn } from '../domain/months';
import { PRESET_DUTIES } from '../domain/preset-duties';
import { presetOf } from '../domain/presets';
import type { ContractStore } from '../infra/contract-store';
import type { ContractDutyEntity } from '../infra/duty.entities';
import type { DutyStore } from '../infra/duty-store';
import type { ContractEntity } from '../infra/entities';
import { requireManager } from './access';
import { origin } from './facts';

export type DutyChanges = Partial<Pick<DutyTerms, 'title' | 'description' | 'dueWorkingDays' | 'endsOn'>>;

function dutyFacts(row: ContractDutyEntity): DutyFacts {
  return {
    dutyId: row.id,
    contractId: row.contractId,
    organizationId: row.organizationId,
    title: row.title,
    party: row.party,
    scheduleKind: row.schedule.kind,
    scheduleValue: row.schedule.kind === 'CRON' ? row.schedule.cron : row.schedule.on,
    dueWorkingDays: row.dueWorkingDays,
    endsOn: row.endsOn,
    seedClause: row.seedClause,
  };
}

/**
 * Contract duties (issue 18): added by managers or by the preset with the contract; the clock
 * job opens each occurrence once when its period starts (contracts.duty.occurrence_opened),
 * and the tickets service makes it a DUTY ticket with its own clock.
 */
export class Duties {
  constructor(
    private readonly store: DutyStore,
    private readonly contracts: ContractStore,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly log?: Logger,
  ) {}

  async add(caller: Caller, contractId: string, terms: DutyTerms): Promise<ContractDutyEntity> {
    requireManager(caller, 'add contract duties');
    requireUuid(contractId, 'contractId');
    const now = this.clock.now();
    return this.transactions.run(async (tx) => {
      const contract = await this.contracts.lock(tx.manager, contractId);
      if (!contract) throw notFound('Contract', contractId);
      const today = dateIn(now, contract.timeZone);
      const valid = validateDutyTerms(terms, contract, today, now);
      const count = await this.store.countOfContract(tx.manager, contract.id);
      if (count >= DUTY_LIMITS.perContract) {
        throw conflict(
          `a contract has at most ${DUTY_LIMITS.perContract} duties; this one has ${count}: end or change one instead`,
          { field: 'contractId', limit: DUTY_LIMITS.perContract },
        );
      }
      return this.insert(tx, contract, valid, null, today, now);
    });
  }

  /** The preset's duties of a new contract, in the contract's own transaction (issue 18). */
  async addPresetDuties(tx: Tx, contract: ContractEntity, now: Date): Promise<void> {
    const today = dateIn(now, contract.timeZone);
    for (const duty of PRESET_DUTIES[presetOf(contract.preset).id]) {
      const schedule =
        duty.schedule.kind === 'ONCE' ? { ...duty.schedule, on: duty.schedule.on ?? contract.startsOn } : duty.schedule;
      // A one-off duty dated before the contract was entered (000's list "within 3 working days of
      // signing" on a contract entered months after it was signed) was owed before Reglament knew
      // the contract: it is not created, as addContractDuty refuses a one-off date in the past.
      if (schedule.kind === 'ONCE' && (schedule.on! < today || schedule.on! > contract.endsOn)) continue;
      await this.insert(tx, contract, { ...duty, schedule }, duty.seedClause, today, now);
    }
  }

  private async insert(
    tx: Tx,
    contract: ContractEntity,
    terms: DutyTerms,
    seedClause: string | null,
    today: string,
    now: Date,
  ): Promise<ContractDutyEntity> {
    const row: ContractDutyEntity = {
      id: newId(),
      contractId: contract.id,
      organizationId: contract.organizationId,
      title: terms.title,
      description: terms.description,
      party: terms.party,
      schedule: terms.schedule,
      dueWorkingDays: terms.dueWorkingDays,
      addedOn: today,
      endsOn: terms.endsOn,
      seedClause,
      openedThrough: null,
      createdAt: now,
      updatedAt: now,
    };
    await this.store.insert(tx.manager, row);
    tx.emit(makeEvent('contracts.duty.changed', row.organizationId, dutyFacts(row), origin(now)));
    return row;
  }

  /** Changes what later occurrences carry (title, description, due rule) or when the duty ends. */
  async update(caller: Caller, id: string, changes: DutyChanges): Promise<ContractDutyEntity> {
    requireManager(caller, 'change contract duties');
    requireUuid(id, 'id');
    const now = this.clock.now();
    return this.transactions.run(async (tx) => {
      const current = await this.store.lock(tx.manager, id);
      if (!current) throw notFound('ContractDuty', id);
      const contract = await this.contracts.lock(tx.manager, current.contractId);
      if (!contract) throw notFound('Contract', current.contractId);
      const today = dateIn(now, contract.timeZone);
      if (current.endsOn !== null && current.endsOn < today) {
        throw conflict(`the duty ended on ${current.endsOn}; add a new duty instead`, { field: 'id' });
      }
      // The schedule is kept as it is (validated against today only when it is a one-off yet to come).
      const schedule =
        current.schedule.kind === 'ONCE' && current.schedule.on! < today
          ? { ...current.schedule, on: today }
          : current.schedule;
      const valid = validateDutyTerms(
        {
          title: changes.title ?? current.title,
          description: changes.description ?? current.description,
          party: current.party,
          schedule,
          dueWorkingDays: changes.dueWorkingDays ?? current.dueWorkingDays,
          endsOn: changes.endsOn !== undefined ? changes.endsOn : current.endsOn,
        },
        contract,
        today,
        now,
      );
      const next: ContractDutyEntity = {
        ...current,
        title: valid.title,
        description: valid.description,
        dueWorkingDays: valid.dueWorkingDays,
        endsOn: valid.endsOn,
        updatedAt: now,
      };
      await this.store.save(tx.manager, next);
      tx.emit(makeEvent('contracts.duty.changed', next.organizationId, dutyFacts(next), origin(now)));
      return next;
    });
  }

  /** Ends a duty today: no occurrence starts after today (open ones keep their clocks). */
  async end(caller: Caller, id: string): Promise<ContractDutyEntity> {
    requireManager(caller, 'end contract duties');
    requireUuid(id, 'id');
    const now = this.clock.now();
    return this.transactions.run(async (tx) => {
      const current = await this.store.lock(tx.manager, id);
      if (!current) throw notFound('ContractDuty', id);
      const contract = await this.contracts.byId(current.contractId);
      const today = dateIn(now, contract.timeZone);
      if (current.endsOn !== null && current.endsOn <= today) return current;
      const next = { ...current, endsOn: today, updatedAt: now };
      await this.store.save(tx.manager, next);
      tx.emit(makeEvent('contracts.duty.changed', next.organizationId, dutyFacts(next), origin(now)));
      return next;
    });
  }

  byContracts(caller: Caller, contractIds: readonly string[]): Promise<Map<string, ContractDutyEntity[]>> {
    return this.store.byContracts(visibilityOf(caller), contractIds);
  }

  /**
   * The clock job: opens every occurrence whose period has started, once. A duty is claimed
   * with FOR UPDATE SKIP LOCKED (another replica's run skips it), its progress is kept in
   * `openedThrough`, and (duty, period start) is unique: a restart or a second replica never
   * opens an occurrence twice. The occurrence and its event commit together (outbox).
   */
  async openDue(): Promise<number> {
    const now = this.clock.now();
    const lowest = new Date(now.getTime() - 36 * 3600_000).toISOString().slice(0, 10);
    let opened = 0;
    for (const candidate of await this.store.dueCandidates(lowest)) {
      const contract = await this.contracts.byId(candidate.contractId);
      if (this.startsOf(candidate, contract, now.getTime()).length === 0) continue;
      opened += await this.transactions.run(async (tx) => {
        const duty = await this.store.claim(tx.manager, candidate.id);
        if (!duty) return 0;
        const starts = this.startsOf(duty, contract, now.getTime());
        let count = 0;
        for (const start of starts) {
          const id = newId();
          const fresh = await this.store.insertOccurrence(tx.manager, {
            id,
            dutyId: duty.id,
            contractId: duty.contractId,
            periodStart: start.at,
            openedAt: now,
          });
          if (!fresh) continue;
          count += 1;
          tx.emit(
            makeEvent(
              'contracts.duty.occurrence_opened',
              duty.organizationId,
              {
                occurrenceId: id,
                dutyId: duty.id,
                contractId: duty.contractId,
                organizationId: duty.organizationId,
                title: duty.title,
                description: duty.description,
                party: duty.party,
                periodStart: start.at.toISOString(),
                periodStartsOn: start.startsOn,
                dueWorkingDays: duty.dueWorkingDays,
                seedClause: duty.seedClause,
              },
              origin(now),
            ),
          );
        }
        const last = starts.at(-1);
        if (last) await this.store.save(tx.manager, { ...duty, openedThrough: last.at });
        return count;
      });
    }
    if (opened > 0) this.log?.info({ opened }, 'contract duty occurrences opened');
    return opened;
  }

  private startsOf(duty: ContractDutyEntity, contract: DutyContract, now: number) {
    const window = dutyWindow(duty, contract);
    if (!window) return [];
    return periodStarts(
      duty,
      window,
      contract.timeZone,
      duty.openedThrough?.getTime() ?? null,
      now,
      DUTY_LIMITS.occurrencesPerRun,
    );
  }
}
