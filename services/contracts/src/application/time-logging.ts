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
import { billingOf, MAX_ENTRY_MINUTES } from '../domain/billing';
import { capCents, checkCap, fromCents, priceCents, toCents } from '../domain/customization';
import { monthOf } from '../domain/months';
import { overdraftAllowed, isActiveIn } from '../domain/prepaid';
import { findServiceItem, SERVICE_CATALOG, type ServiceItem } from '../domain/service-catalog';
import type { ContractStore } from '../infra/contract-store';
import type { ContractEntity } from '../infra/entities';
import type { PrepaidAccountEntity, TimeEntryEntity } from '../infra/prepaid.entities';
import type { TimeEntryStore } from '../infra/time-entry-store';
import { actorOf, requireAdminOverride, requireStaff } from './access';
import { origin } from './facts';
import { afterId, type Page } from './paging';
import type { PrepaidMonths } from './prepaid-months';

export interface TimeInput {
  ticketId: string;
  minutes: number;
  note: string | null;
  /** The service this work is for, when not the one the ticket names. */
  serviceCode: string | null;
  idempotencyKey: string | null;
  overrideCustomizationCap: boolean;
}

export interface ServiceWorkInput {
  ticketId: string;
  serviceCode: string;
  actualMinutes: number | null;
  note: string | null;
  idempotencyKey: string | null;
  overrideCustomizationCap: boolean;
}

interface Work {
  kind: 'TIME' | 'SERVICE_WORK';
  minutes: number;
  actualMinutes: number | null;
  service: ServiceItem | null;
  note: string | null;
  idempotencyKey: string | null;
  override: boolean;
}

/**
 * Work logged on tickets and what it costs: free (R-CON-5), debited from prepaid minutes per
 * minute (R-CON-3) or by norm (R-CON-4), or priced as customisation within the cap (R-CON-7).
 * The ticket's contract and category come from the read model fed by tickets.* events.
 */
export class TimeLogging {
  constructor(
    private readonly store: TimeEntryStore,
    private readonly contracts: ContractStore,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly prepaid: PrepaidMonths,
  ) {}

  async logTime(caller: Caller, input: TimeInput): Promise<TimeEntryEntity> {
    requireStaff(caller, 'log time');
    if (!Number.isInteger(input.minutes) || input.minutes < 1 || input.minutes > MAX_ENTRY_MINUTES) {
      throw badInput(`minutes must be a whole number from 1 to ${MAX_ENTRY_MINUTES} (one entry per day at most)`, {
        field: 'minutes',
      });
    }
    return this.record(caller, input.ticketId, {
      kind: 'TIME',
      minutes: input.minutes,
      actualMinutes: input.minutes,
      service: input.serviceCode === null ? null : requireService(input.serviceCode),
      note: validNote(input.note),
      idempotencyKey: validKey(input.idempotencyKey),
      override: input.overrideCustomizationCap,
    });
  }

  /** R-CON-4: a service task is debited by its norm time whatever the actual time. */
  async logServiceWork(caller: Caller, input: ServiceWorkInput): Promise<TimeEntryEntity> {
    requireStaff(caller, 'log service work');
    const service = requireService(input.serviceCode);
    if (service.normMinutes === null) {
      throw badInput(
        `service ${service.code} is billed ${service.billing}, not by norm time: log it with logTime; services with a norm: ${SERVICE_CATALOG.filter(
          (s) => s.normMinutes !== null,
        )
          .map((s) => `${s.code} (${s.normMinutes} min)`)
          .join(', ')}`,
        { field: 'serviceCode' },
      );
    }
    if (
      input.actualMinutes !== null &&
      (!Number.isInteger(input.actualMinutes) || input.actualMinutes < 0 || input.actualMinutes > MAX_ENTRY_MINUTES)
    ) {
      throw badInput(`actualMinutes must be a whole number from 0 to ${MAX_ENTRY_MINUTES}`, { field: 'actualMinutes' });
    }
    return this.record(caller, input.ticketId, {
      kind: 'SERVICE_WORK',
      minutes: service.normMinutes,
      actualMinutes: input.actualMinutes,
      service,
      note: validNote(input.note),
      idempotencyKey: validKey(input.idempotencyKey),
      override: input.overrideCustomizationCap,
    });
  }

  private async record(caller: Caller, ticketId: string, work: Work): Promise<TimeEntryEntity> {
    if (work.override) requireAdminOverride(caller, 'override the customisation cap (R-CON-7)');
    const ticket = await this.store.knownTicket(requireUuid(ticketId, 'ticketId'));
    if (!ticket) {
      throw notFound(
        'Ticket',
        `${ticketId} (not known to contracts yet: a just-registered ticket arrives in a moment; retry)`,
      );
    }
    const contract = await this.contracts.byId(ticket.contractId);
    return this.transactions.run(async (tx) => {
      const account = await this.prepaid.lock(tx, contract.id);
      if (work.idempotencyKey !== null) {
        const earlier = await this.store.byIdempotencyKey(tx.manager, contract.id, work.idempotencyKey);
        if (earlier) return replayOf(earlier, ticket.ticketId, work);
      }
      if (ticket.category === null) {
        throw badInput(
          `ticket ${ticket.number} has no category yet: classify it first, so it is known whether the work is free (R-CON-5), prepaid (R-CON-3) or customisation (R-CON-7)`,
          { field: 'ticketId' },
        );
      }
      const packages = await this.prepaid.packageTerms(tx, contract);
      const service = work.service ?? (ticket.serviceCode ? (findServiceItem(ticket.serviceCode) ?? null) : null);
      const now = this.clock.now();
      const month = monthOf(now, contract.timeZone);
      // Only a package in force this month makes work prepaid; one not started or ended does not.
      const billing = billingOf({
        category: ticket.category,
        service,
        hasPackages: packages.some((p) => isActiveIn(p, month)),
      });
      const entry: TimeEntryEntity = {
        id: newId(),
        contractId: contract.id,
        organizationId: contract.organizationId,
        ticketId: ticket.ticketId,
        kind: work.kind,
        minutes: work.minutes,
        actualMinutes: work.actualMinutes,
        debitedMinutes: 0,
        billing,
        serviceCode: service?.code ?? null,
        amount: null,
        capOverridden: false,
        note: work.note,
        idempotencyKey: work.idempotencyKey,
        month,
        loggedBy: actorOf(caller),
        loggedAt: now,
      };
      if (billing === 'PREPAID') {
        const totals = await this.prepaid.bringCurrent(tx, contract, account, packages);
        const remaining = totals?.remaining ?? 0;
        if (remaining < work.minutes && !overdraftAllowed(month, packages)) {
          throw conflict(
            `Not enough prepaid minutes: ${remaining} left in ${month} (${contract.timeZone}) and this work needs ${work.minutes}; ` +
              'the package does not allow overdraft (R-CON-3). Add an hour package or a correction first',
            { remainingMinutes: remaining, requestedMinutes: work.minutes },
          );
        }
        entry.debitedMinutes = work.minutes;
        await this.store.insert(tx.manager, entry);
        await this.prepaid.append(
          tx,
          contract,
          [
            {
              month,
              kind: work.kind === 'TIME' ? 'DEBIT' : 'NORM_DEBIT',
              minutes: -work.minutes,
              packageId: null,
              timeEntryId: entry.id,
            },
          ],
          entry.loggedBy,
          work.kind === 'TIME'
            ? `ticket ${ticket.number}`
            : `ticket ${ticket.number}, service ${entry.serviceCode} (norm)`,
        );
        await this.prepaid.settle(
          tx,
          contract,
          account,
          totals && { ...totals, used: totals.used + work.minutes, remaining: totals.remaining - work.minutes },
        );
      } else if (billing === 'CUSTOMIZATION') {
        await this.priceCustomization(tx, contract, account, entry, work.override);
        await this.store.insert(tx.manager, entry);
      } else {
        await this.store.insert(tx.manager, entry);
      }
      tx.emit(
        makeEvent(
          'contracts.time.logged',
          contract.organizationId,
          {
            entryId: entry.id,
            contractId: contract.id,
            organizationId: contract.organizationId,
            ticketId: ticket.ticketId,
            minutes: entry.minutes,
            debitedMinutes: entry.debitedMinutes,
            kind: entry.kind,
            serviceCode: entry.serviceCode,
            billing,
            amount: entry.amount === null ? null : Number(entry.amount),
            month,
          },
          origin(now),
        ),
      );
      return entry;
    });
  }

  /** R-CON-7: price at the hourly rate; beyond the cap only with an admin's override; 80 % reported once. */
  private async priceCustomization(
    tx: Tx,
    contract: ContractEntity,
    account: PrepaidAccountEntity,
    entry: TimeEntryEntity,
    override: boolean,
  ): Promise<void> {
    if (contract.customizationHourlyRate === null) {
      throw badInput(
        `contract ${contract.number} has no hourly rate for customisation work (R-CON-7): set customizationHourlyRate with updateContract first`,
        { field: 'ticketId' },
      );
    }
    const price = priceCents(entry.minutes, toCents(contract.customizationHourlyRate));
    const spent = await this.spentCents(tx, contract.id);
    const cap = capCents(
      contract.totalValue === null ? null : toCents(contract.totalValue),
      Number(contract.customizationCapPercent),
    );
    const verdict = checkCap({
      capCents: cap,
      spentCents: spent,
      addCents: price,
      override,
      nearingAlreadyReported: account.capNearingReported,
    });
    if (!verdict.allowed) {
      throw conflict(
        `Customisation work is capped at ${Number(contract.customizationCapPercent)} % of the contract's total value (R-CON-7): ` +
          `cap ${fromCents(verdict.capCents)}, spent ${fromCents(verdict.spentCents)}, this work costs ${fromCents(price)}; ` +
          'an ADMIN may log it with overrideCustomizationCap: true',
        {
          capAmount: fromCents(verdict.capCents),
          spentAmount: fromCents(verdict.spentCents),
          amount: fromCents(price),
        },
      );
    }
    entry.amount = fromCents(price).toFixed(2);
    entry.capOverridden = verdict.overridden;
    if (verdict.nearingCrossed && cap !== null) {
      account.capNearingReported = true;
      await this.prepaid.saveAccount(tx, account);
      tx.emit(
        makeEvent(
          'contracts.customization.cap_nearing',
          contract.organizationId,
          {
            contractId: contract.id,
            organizationId: contract.organizationId,
            capAmount: fromCents(cap),
            spentAmount: fromCents(spent + price),
          },
          origin(this.clock.now()),
        ),
      );
    }
  }

  private async spentCents(tx: Tx, contractId: string): Promise<number> {
    return toCents(await this.store.customizationSpent(tx.manager, contractId));
  }

  /** Customisation spent per contract (for Contract.customization), batched. */
  async spentByContracts(contractIds: readonly string[]): Promise<Map<string, number>> {
    const spent = await this.store.customizationSpentByContracts(contractIds);
    return new Map(contractIds.map((id) => [id, toCents(spent.get(id) ?? '0')]));
  }

  async byTickets(caller: Caller, ticketIds: readonly string[]): Promise<Map<string, TimeEntryEntity[]>> {
    // The caller's organization scope is in the query: no other organization's entry is read.
    const rows = await this.store.byTickets(visibilityOf(caller), ticketIds);
    const grouped = new Map<string, TimeEntryEntity[]>(ticketIds.map((id) => [id, []]));
    for (const row of rows) grouped.get(row.ticketId)?.push(row);
    return grouped;
  }

  async byContract(contract: ContractEntity, page: Page) {
    const after = afterId(page.after);
    const { rows, totalCount } = await this.store.pageOfContract(contract.id, after, page.first);
    return toConnection(rows, page.first, totalCount, (row) => encodeCursor(row.id), Boolean(after));
  }
}

function requireService(code: string): ServiceItem {
  const item = findServiceItem(code);
  if (!item) {
    throw badInput(
      `serviceCode "${code}" is not in the service catalog; codes: ${SERVICE_CATALOG.map((s) => s.code).join(', ')}`,
      {
        field: 'serviceCode',
      },
    );
  }
  return item;
}

function validNote(note: string | null): string | null {
  if (note === null) return null;
  const trimmed = note.trim();
  if (trimmed.length > 2000) throw badInput('note must be at most 2000 characters', { field: 'note' });
  return trimmed || null;
}

function validKey(key: string | null): string | null {
  if (key === null) return null;
  if (key.length < 1 || key.length > 200) {
    throw badInput('idempotencyKey must be 1 to 200 characters', { field: 'idempotencyKey' });
  }
  return key;
}

/** A retry with the same key answers the first entry; the same key for other work is refused. */
function replayOf(earlier: TimeEntryEntity, ticketId: string, work: Work): TimeEntryEntity {
  const same =
    earlier.ticketId === ticketId &&
    earlier.kind === work.kind &&
    earlier.minutes === work.minutes &&
    (work.service === null || earlier.serviceCode === work.service.code);
  if (!same) {
    throw conflict(
      `idempotencyKey was already used for other work (entry ${earlier.id} on ticket ${earlier.ticketId}); use a new key for new work`,
      { field: 'idempotencyKey', entryId: earlier.id },
    );
  }
  return earlier;
}
