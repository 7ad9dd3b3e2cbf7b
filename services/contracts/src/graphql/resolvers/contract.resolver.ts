import { badInput, notFound } from '@reglament/shared/domain';
import { pageSize } from '@reglament/shared/platform';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { capCents, fromCents, toCents } from '../../domain/customization';
import { monthOfDate, parseMonth } from '../../domain/months';
import { findPreset } from '../../domain/presets';
import type { SupportContacts } from '../../domain/support-contacts';
import type { ContractEntity } from '../../infra/entities';
import { type ContractsContext, contractOut } from '../context';
import { toBalance, toHourPackage, toLedgerEntry, toOrganization, toPayment, toPreset, toTimeEntry } from '../mappers';
import { Preset } from '../types/catalog.types';
import {
  Contract,
  ContractConnection,
  ContractFilter,
  CreateContractInput,
  Customization,
  type PrerequisiteInput,
  type SupportContactsInput,
  UpdateContractInput,
} from '../types/contract.types';
import { Organization } from '../types/organization.types';
import {
  HourPackage,
  LedgerEntryConnection,
  Payment,
  PrepaidBalance,
  TimeEntryConnection,
} from '../types/prepaid.types';

function prerequisites(list: PrerequisiteInput[] | null | undefined) {
  return (list ?? []).map((p) => ({
    kind: p.kind,
    description: p.description ?? '',
    validUntil: p.validUntil ?? null,
    product: p.product ?? null,
  }));
}

@Resolver(() => Contract)
export class ContractResolver {
  @Mutation(() => Contract, { description: 'Signs a contract under one of the presets (ADMIN, DISPATCHER).' })
  async createContract(
    @Arg('input', () => CreateContractInput, { description: 'The contract.' }) input: CreateContractInput,
    @Ctx() ctx: ContractsContext,
  ): Promise<Contract> {
    const row = await ctx.app.contracts.create(ctx.caller, {
      organizationId: input.organizationId,
      number: input.number,
      preset: input.preset,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      totalValue: input.totalValue ?? null,
      products: input.products ?? [],
      coverage: input.coverage ?? null,
      prerequisites: prerequisites(input.prerequisites),
      warranty: input.warranty ?? false,
      customizationHourlyRate: input.customizationHourlyRate ?? null,
      customizationCapPercent: input.customizationCapPercent ?? null,
      holidays: input.holidays ?? [],
      timeZone: input.timeZone ?? null,
      supportContacts: input.supportContacts ? supportContactsOf(input.supportContacts) : null,
    });
    return contractOut(ctx, row);
  }

  @Mutation(() => Contract, {
    description: 'Changes the terms of a contract (ADMIN, DISPATCHER); only the fields given.',
  })
  async updateContract(
    @Arg('id', () => ID, { description: 'The contract to change.' }) id: string,
    @Arg('input', () => UpdateContractInput, { description: 'The fields to change; omitted fields stay.' })
    input: UpdateContractInput,
    @Ctx() ctx: ContractsContext,
  ): Promise<Contract> {
    const row = await ctx.app.contracts.update(ctx.caller, id, {
      ...(input.number != null ? { number: input.number } : {}),
      ...(input.startsOn != null ? { startsOn: input.startsOn } : {}),
      ...(input.endsOn != null ? { endsOn: input.endsOn } : {}),
      ...(input.totalValue !== undefined ? { totalValue: input.totalValue } : {}),
      ...(input.products != null ? { products: input.products } : {}),
      ...(input.coverage !== undefined ? { coverage: input.coverage } : {}),
      ...(input.prerequisites != null ? { prerequisites: prerequisites(input.prerequisites) } : {}),
      ...(input.warranty != null ? { warranty: input.warranty } : {}),
      ...(input.customizationHourlyRate !== undefined
        ? { customizationHourlyRate: input.customizationHourlyRate }
        : {}),
      ...(input.customizationCapPercent !== undefined
        ? { customizationCapPercent: input.customizationCapPercent }
        : {}),
      ...(input.holidays != null ? { holidays: input.holidays } : {}),
      ...(input.supportContacts !== undefined
        ? { supportContacts: input.supportContacts ? supportContactsOf(input.supportContacts) : null }
        : {}),
      ...(input.timeZone !== undefined ? { timeZone: input.timeZone } : {}),
    });
    return contractOut(ctx, row);
  }

  @Mutation(() => Contract, { description: 'Suspends support under the contract, saying why (ADMIN, DISPATCHER).' })
  async suspendContract(
    @Arg('id', () => ID, { description: 'The contract to suspend.' }) id: string,
    @Arg('reason', () => String, { description: 'Why, shown on the contract.' }) reason: string,
    @Ctx() ctx: ContractsContext,
  ): Promise<Contract> {
    return contractOut(ctx, await ctx.app.contracts.suspend(ctx.caller, id, reason));
  }

  @Mutation(() => Contract, { description: 'Ends a suspension (ADMIN, DISPATCHER).' })
  async resumeContract(
    @Arg('id', () => ID, { description: 'The suspended contract to resume.' }) id: string,
    @Ctx() ctx: ContractsContext,
  ): Promise<Contract> {
    return contractOut(ctx, await ctx.app.contracts.resume(ctx.caller, id));
  }

  @Query(() => Contract, { nullable: true, description: "A customer sees only its organization's contracts." })
  async contract(
    @Arg('id', () => ID, { description: "The contract's id." }) id: string,
    @Ctx() ctx: ContractsContext,
  ): Promise<Contract> {
    return contractOut(ctx, await ctx.app.contracts.get(ctx.caller, id));
  }

  @Query(() => ContractConnection, { description: "Staff: all contracts; a customer: its organization's." })
  async contracts(
    @Arg('filter', () => ContractFilter, { description: 'Which contracts.', nullable: true })
    filter: ContractFilter | null,
    @Arg('first', () => Int, { description: 'Page size, 1-100 (default 20).', nullable: true }) first: number | null,
    @Arg('after', () => String, {
      description: 'Cursor of the last item seen (pages go forward only).',
      nullable: true,
    })
    after: string | null,
    @Ctx() ctx: ContractsContext,
  ) {
    const page = await ctx.app.contracts.list(
      ctx.caller,
      {
        organizationId: filter?.organizationId ?? null,
        status: filter?.status ?? null,
        preset: filter?.preset ?? null,
      },
      { first: pageSize(first), after },
    );
    return { ...page, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: contractOut(ctx, edge.node) })) };
  }

  @FieldResolver(() => Organization, { description: 'The customer organization.', nullable: true })
  async organization(@Root() contract: Contract, @Ctx() ctx: ContractsContext): Promise<Organization | null> {
    const row = await ctx.loaders.organization.load(contract.organizationId);
    return row && toOrganization(row);
  }

  @FieldResolver(() => Preset, { nullable: true, description: 'The preset in full.' })
  presetDetails(@Root() contract: Contract): Preset | null {
    const preset = findPreset(contract.preset);
    return preset ? toPreset(preset) : null;
  }

  @FieldResolver(() => PrepaidBalance, {
    nullable: true,
    description: "This month's prepaid time (contract zone); null without an hour package (R-CON-3, R-CON-6).",
  })
  async prepaid(@Root() contract: Contract, @Ctx() ctx: ContractsContext): Promise<PrepaidBalance | null> {
    const row = await this.row(contract, ctx);
    const balance = await ctx.loaders.prepaidNow.load(row);
    return balance && toBalance(balance);
  }

  @FieldResolver(() => PrepaidBalance, { nullable: true, description: 'Prepaid time of a given month (YYYY-MM).' })
  async prepaidMonth(
    @Root() contract: Contract,
    @Arg('month', () => String, { description: "The month, YYYY-MM, in the contract's zone." }) month: string,
    @Ctx() ctx: ContractsContext,
  ): Promise<PrepaidBalance | null> {
    const row = await this.row(contract, ctx);
    // Only months of the contract's period: a month far ahead would be projected month by month.
    const target = parseMonth(month);
    const first = monthOfDate(row.startsOn);
    const last = monthOfDate(row.endsOn);
    if (target < first || target > last) {
      throw badInput(`month must be within the contract's period, ${first} to ${last}, got ${target}`, {
        field: 'month',
      });
    }
    const balance = (await ctx.app.prepaidReads.balances([row], target)).get(row.id) ?? null;
    return balance && toBalance(balance);
  }

  @FieldResolver(() => LedgerEntryConnection, { description: 'The append-only prepaid ledger, oldest first.' })
  async ledger(
    @Root() contract: Contract,
    @Arg('month', () => String, { description: 'Only entries of this month (YYYY-MM); null: all.', nullable: true })
    month: string | null,
    @Arg('first', () => Int, { description: 'Page size, 1-100 (default 20).', nullable: true }) first: number | null,
    @Arg('after', () => String, {
      description: 'Cursor of the last entry seen (pages go forward only).',
      nullable: true,
    })
    after: string | null,
    @Ctx() ctx: ContractsContext,
  ) {
    const row = await this.row(contract, ctx);
    const page = await ctx.app.prepaidReads.ledger(row, { month }, { first: pageSize(first, 50), after });
    return { ...page, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: toLedgerEntry(edge.node) })) };
  }

  @FieldResolver(() => [HourPackage], { description: "The contract's hour packages (R-CON-3)." })
  async hourPackages(@Root() contract: Contract, @Ctx() ctx: ContractsContext): Promise<HourPackage[]> {
    return (await ctx.loaders.packagesByContract.load(contract.id)).map(toHourPackage);
  }

  @FieldResolver(() => [Payment], {
    description:
      'Months paid (recordPayment): unused subscription minutes carry over only into a month paid on time (R-CON-3).',
  })
  async payments(@Root() contract: Contract, @Ctx() ctx: ContractsContext): Promise<Payment[]> {
    return (await ctx.loaders.paymentsByContract.load(contract.id)).map(toPayment);
  }

  @FieldResolver(() => TimeEntryConnection, { description: 'Work logged under the contract, oldest first.' })
  async timeEntries(
    @Root() contract: Contract,
    @Arg('first', () => Int, { description: 'Page size, 1-100 (default 20).', nullable: true }) first: number | null,
    @Arg('after', () => String, {
      description: 'Cursor of the last entry seen (pages go forward only).',
      nullable: true,
    })
    after: string | null,
    @Ctx() ctx: ContractsContext,
  ) {
    const row = await this.row(contract, ctx);
    const page = await ctx.app.timeLogging.byContract(row, { first: pageSize(first, 50), after });
    return { ...page, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: toTimeEntry(edge.node) })) };
  }

  @FieldResolver(() => Customization, { description: 'R-CON-7: the customisation cap and what is spent.' })
  async customization(@Root() contract: Contract, @Ctx() ctx: ContractsContext): Promise<Customization> {
    const row = await this.row(contract, ctx);
    const spent = await ctx.loaders.customizationSpent.load(row.id);
    const capPercent = Number(row.customizationCapPercent);
    const cap = capCents(row.totalValue === null ? null : toCents(row.totalValue), capPercent);
    return {
      hourlyRate: row.customizationHourlyRate === null ? null : Number(row.customizationHourlyRate),
      capPercent,
      capAmount: cap === null ? null : fromCents(cap),
      spentAmount: fromCents(spent),
      remainingAmount: cap === null ? null : fromCents(cap - spent),
    };
  }

  /** The stored contract behind a Contract object (batched; the caller's visibility applies). */
  private async row(contract: Contract, ctx: ContractsContext): Promise<ContractEntity> {
    const row = await ctx.loaders.contract.load(contract.id);
    if (!row) throw notFound('Contract', contract.id);
    return row;
  }
}

function supportContactsOf(input: SupportContactsInput): SupportContacts {
  return {
    mainPhone: input.mainPhone ?? null,
    backupPhones: input.backupPhones ?? [],
    email: input.email ?? null,
    portalUrl: input.portalUrl ?? null,
  };
}
