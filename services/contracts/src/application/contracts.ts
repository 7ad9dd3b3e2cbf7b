import {
  badInput,
  type Caller,
  conflict,
  makeEvent,
  newId,
  notFound,
  requireUuid,
  visibilityOf,
} from '@reglament/shared/domain';
import { type Clock, encodeCursor, toConnection, type Transactions, type Tx } from '@reglament/shared/platform';
import {
  type ContractStatus,
  contractStatusOn,
  type ContractTerms,
  type NewContract,
  type Prerequisite,
  requirePreset,
  validateCapPercent,
  validateCoverage,
  validateTimeZone,
  validateHolidays,
  validateMoney,
  validateNewContract,
  validateNumber,
  validatePeriod,
  validatePrerequisites,
  validateProducts,
} from '../domain/contract';
import { dateIn } from '../domain/months';
import { validateSupportContacts } from '../domain/support-contacts';
import type { ContractStore } from '../infra/contract-store';
import type { ContractEntity } from '../infra/entities';
import type { Duties } from './duties';
import type { OrganizationStore } from '../infra/organization-store';
import { requireManager } from './access';
import { contractFacts, origin } from './facts';
import { afterId, type Page } from './paging';
import { uniqueOr } from './unique';

const numberTaken = (number: string) =>
  `The organization already has a contract numbered ${number}; contract numbers are unique per organization`;

export interface ContractChanges extends Partial<ContractTerms> {
  number?: string;
  startsOn?: string;
  endsOn?: string;
}

export interface ContractFilter {
  organizationId: string | null;
  status: ContractStatus[] | null;
  preset: string | null;
}

/** Contracts: the regulation a customer is served under (R-CON-1, R-CON-8); status follows the clock. */
export class Contracts {
  constructor(
    private readonly store: ContractStore,
    private readonly organizations: OrganizationStore,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    /** Issue 18: the preset's duties are created with the contract. */
    private readonly duties?: Duties,
  ) {}

  async create(caller: Caller, input: NewContract): Promise<ContractEntity> {
    requireManager(caller, 'create contracts');
    requireUuid(input.organizationId, 'organizationId');
    const valid = validateNewContract(input);
    const now = this.clock.now();
    return uniqueOr(
      () =>
        this.transactions.run(async (tx) => {
          const organization = await this.organizations.find(tx.manager, valid.organizationId);
          if (!organization) throw notFound('Organization', valid.organizationId);
          await this.requireFreeNumber(tx, organization.id, valid.number, null);
          const contract: ContractEntity = {
            id: newId(),
            organizationId: valid.organizationId,
            number: valid.number,
            preset: valid.preset,
            startsOn: valid.startsOn,
            endsOn: valid.endsOn,
            totalValue: valid.totalValue === null ? null : String(valid.totalValue),
            products: valid.products,
            createdAt: now,
            status: 'DRAFT',
            suspended: false,
            suspensionReason: null,
            coverage: valid.coverage,
            timeZone: valid.timeZone,
            prerequisites: valid.prerequisites,
            warranty: valid.warranty,
            customizationHourlyRate:
              valid.customizationHourlyRate === null ? null : String(valid.customizationHourlyRate),
            customizationCapPercent: String(valid.customizationCapPercent),
            holidays: valid.holidays,
            supportContacts: valid.supportContacts ?? null,
            updatedAt: now,
          };
          contract.status = this.statusOf(contract);
          await this.store.insert(tx.manager, contract);
          tx.emit(
            makeEvent('contracts.contract.created', contract.organizationId, contractFacts(contract), origin(now)),
          );
          await this.duties?.addPresetDuties(tx, contract, now);
          return contract;
        }),
      numberTaken(valid.number),
      { field: 'number' },
    );
  }

  async update(caller: Caller, id: string, changes: ContractChanges): Promise<ContractEntity> {
    requireManager(caller, 'change contracts');
    return this.change(id, (current) => {
      const preset = requirePreset(current.preset);
      const next: ContractEntity = { ...current };
      if (changes.number !== undefined) next.number = validateNumber(changes.number);
      if (changes.startsOn !== undefined) next.startsOn = changes.startsOn;
      if (changes.endsOn !== undefined) next.endsOn = changes.endsOn;
      if (changes.warranty !== undefined) next.warranty = changes.warranty;
      validatePeriod(next.startsOn, next.endsOn, next.warranty, preset);
      if (changes.totalValue !== undefined) {
        const value = validateMoney(changes.totalValue, 'totalValue');
        next.totalValue = value === null ? null : String(value);
      }
      if (changes.products !== undefined) next.products = validateProducts(changes.products);
      if (changes.coverage !== undefined) next.coverage = validateCoverage(changes.coverage ?? preset.defaultCoverage);
      if (changes.timeZone !== undefined) {
        next.timeZone = changes.timeZone === null ? preset.timeZone : validateTimeZone(changes.timeZone);
      }
      if (changes.prerequisites !== undefined) next.prerequisites = validatePrerequisites(changes.prerequisites);
      if (changes.customizationHourlyRate !== undefined) {
        const rate = validateMoney(changes.customizationHourlyRate, 'customizationHourlyRate');
        next.customizationHourlyRate = rate === null ? null : String(rate);
      }
      if (changes.customizationCapPercent !== undefined) {
        next.customizationCapPercent = String(
          validateCapPercent(changes.customizationCapPercent ?? preset.customizationCapPercent),
        );
      }
      if (changes.holidays !== undefined) next.holidays = validateHolidays(changes.holidays);
      if (changes.supportContacts !== undefined) {
        next.supportContacts = changes.supportContacts ? validateSupportContacts(changes.supportContacts) : null;
      }
      return next;
    });
  }

  async suspend(caller: Caller, id: string, reason: string): Promise<ContractEntity> {
    requireManager(caller, 'suspend contracts');
    const why = reason.trim();
    if (why.length < 1 || why.length > 500) {
      throw badInput('reason must be 1 to 500 characters: say why support is suspended', { field: 'reason' });
    }
    return this.change(id, (current) => ({ ...current, suspended: true, suspensionReason: why }));
  }

  async resume(caller: Caller, id: string): Promise<ContractEntity> {
    requireManager(caller, 'resume contracts');
    return this.change(id, (current) => ({ ...current, suspended: false, suspensionReason: null }));
  }

  /** One change of a contract: locked, recomputed status, `updated` (and `status_changed`) events. */
  private async change(id: string, apply: (current: ContractEntity) => ContractEntity): Promise<ContractEntity> {
    const now = this.clock.now();
    return this.transactions.run(async (tx) => {
      const current = await this.store.lock(tx.manager, requireUuid(id, 'id'));
      if (!current) throw notFound('Contract', id);
      const next = apply(current);
      if (next.number !== current.number) await this.requireFreeNumber(tx, next.organizationId, next.number, next.id);
      next.status = this.statusOf(next);
      next.updatedAt = now;
      await this.store.save(tx.manager, next);
      tx.emit(makeEvent('contracts.contract.updated', next.organizationId, contractFacts(next), origin(now)));
      if (next.status !== current.status) {
        tx.emit(
          makeEvent(
            'contracts.contract.status_changed',
            next.organizationId,
            { ...contractFacts(next), previousStatus: current.status },
            origin(now),
          ),
        );
      }
      return next;
    });
  }

  private async requireFreeNumber(tx: Tx, organizationId: string, number: string, self: string | null) {
    const existing = await this.store.numbered(tx.manager, organizationId, number);
    if (existing && existing.id !== self) {
      throw conflict(numberTaken(number), { field: 'number' });
    }
  }

  get(caller: Caller, id: string): Promise<ContractEntity> {
    return this.store.scoped.get(visibilityOf(caller), id);
  }

  visibleByIds(caller: Caller, ids: readonly string[]): Promise<Map<string, ContractEntity>> {
    return this.store.scoped.byIds(visibilityOf(caller), ids);
  }

  visibleByOrganizations(caller: Caller, organizationIds: readonly string[]): Promise<Map<string, ContractEntity[]>> {
    return this.store.scoped.byOrganizations(visibilityOf(caller), organizationIds);
  }

  async list(caller: Caller, filter: ContractFilter, page: Page) {
    const visibility = visibilityOf(caller);
    const after = afterId(page.after);
    if (visibility.kind === 'none') return toConnection<ContractEntity>([], page.first, 0, (row) => row.id);
    const organizationId = filter.organizationId ? requireUuid(filter.organizationId, 'organizationId') : null;
    const { rows, totalCount } = await this.store.page(
      visibility,
      { organizationId, status: filter.status, preset: filter.preset },
      after,
      page.first,
    );
    return toConnection(rows, page.first, totalCount, (row) => encodeCursor(row.id), Boolean(after));
  }

  /** Today's date in the contract's own zone. */
  todayOf(contract: { timeZone: string }): string {
    return dateIn(this.clock.now(), contract.timeZone);
  }

  /** The status on today's date in the contract's own zone. */
  statusOf(contract: {
    startsOn: string;
    endsOn: string;
    suspended: boolean;
    prerequisites: Prerequisite[];
    timeZone: string;
  }): ContractStatus {
    return contractStatusOn(contract, dateIn(this.clock.now(), contract.timeZone));
  }

  /**
   * Status changes by time: contracts whose status on today's date differs from the one last
   * published move, each with a status_changed event. Safe with several replicas: the update
   * is conditional on the old status, so only one of them publishes.
   */
  async sweepStatuses(): Promise<number> {
    const now = this.clock.now();
    // Every zone's today lies within a day of UTC's: only contracts near a boundary can move.
    const lowest = new Date(now.getTime() - 36 * 3600_000).toISOString().slice(0, 10);
    const highest = new Date(now.getTime() + 36 * 3600_000).toISOString().slice(0, 10);
    const candidates = await this.store.nearBoundaries(lowest, highest);
    let moved = 0;
    for (const candidate of candidates) {
      const status = this.statusOf(candidate);
      if (status === candidate.status) continue;
      const changed = await this.transactions.run(async (tx) => {
        if (!(await this.store.moveStatus(tx.manager, candidate.id, candidate.status, status, now))) return false;
        const next = { ...candidate, status, updatedAt: now };
        tx.emit(
          makeEvent(
            'contracts.contract.status_changed',
            next.organizationId,
            { ...contractFacts(next), previousStatus: candidate.status },
            origin(now),
          ),
        );
        return true;
      });
      if (changed) moved += 1;
    }
    return moved;
  }
}
