import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { PackageKind } from '../../domain/prepaid';
import { type ContractsContext, contractOut } from '../context';
import { toHourPackage, toLedgerEntry, toTimeEntry } from '../mappers';
import { Contract } from '../types/contract.types';
import {
  AddHourPackageInput,
  CorrectPrepaidInput,
  HourPackage,
  LedgerEntry,
  LogServiceWorkInput,
  LogTimeInput,
  TimeEntry,
} from '../types/prepaid.types';

@Resolver()
export class PrepaidResolver {
  @Mutation(() => HourPackage, {
    description: 'Adds prepaid minutes per month to a contract (R-CON-3; ADMIN, DISPATCHER).',
  })
  async addHourPackage(
    @Arg('input', () => AddHourPackageInput, { description: 'The package.' }) input: AddHourPackageInput,
    @Ctx() ctx: ContractsContext,
  ): Promise<HourPackage> {
    const row = await ctx.app.prepaid.addPackage(ctx.caller, {
      contractId: input.contractId,
      kind: input.kind as PackageKind,
      minutesPerMonth: input.minutesPerMonth,
      startsOn: input.startsOn,
      endsOn: input.endsOn ?? null,
      allowOverdraft: input.allowOverdraft ?? false,
      reactionWorkingMinutes: input.reactionWorkingMinutes ?? null,
    });
    return toHourPackage(row);
  }

  @Mutation(() => Contract, {
    description:
      'Records the payment of a month ("2025-03"); paid before the month begins = on time (carry-over, R-CON-3).',
  })
  async recordPayment(
    @Arg('contractId', () => ID, { description: 'The contract paid for.' }) contractId: string,
    @Arg('month', () => String, { description: 'The month paid, YYYY-MM (contract zone).' }) month: string,
    @Ctx() ctx: ContractsContext,
  ): Promise<Contract> {
    return contractOut(ctx, await ctx.app.prepaid.recordPayment(ctx.caller, contractId, month));
  }

  @Mutation(() => LedgerEntry, { description: 'Corrects the balance with a new ledger entry (ADMIN).' })
  async correctPrepaid(
    @Arg('input', () => CorrectPrepaidInput, { description: 'The correction.' }) input: CorrectPrepaidInput,
    @Ctx() ctx: ContractsContext,
  ): Promise<LedgerEntry> {
    return toLedgerEntry(await ctx.app.prepaid.correct(ctx.caller, input));
  }

  @Mutation(() => TimeEntry, {
    description:
      'Logs work on a ticket, billed per minute from prepaid time unless free (R-CON-5) or customisation (R-CON-7). Staff only.',
  })
  async logTime(
    @Arg('input', () => LogTimeInput, { description: 'The time spent.' }) input: LogTimeInput,
    @Ctx() ctx: ContractsContext,
  ): Promise<TimeEntry> {
    const row = await ctx.app.timeLogging.logTime(ctx.caller, {
      ticketId: input.ticketId,
      minutes: input.minutes,
      note: input.note ?? null,
      serviceCode: input.serviceCode ?? null,
      idempotencyKey: input.idempotencyKey ?? null,
      overrideCustomizationCap: input.overrideCustomizationCap ?? false,
    });
    return toTimeEntry(row);
  }

  @Mutation(() => TimeEntry, {
    description: 'Logs a service task at its norm time, whatever the actual time (R-CON-4).',
  })
  async logServiceWork(
    @Arg('input', () => LogServiceWorkInput, { description: 'The service task.' }) input: LogServiceWorkInput,
    @Ctx() ctx: ContractsContext,
  ): Promise<TimeEntry> {
    const row = await ctx.app.timeLogging.logServiceWork(ctx.caller, {
      ticketId: input.ticketId,
      serviceCode: input.serviceCode,
      actualMinutes: input.actualMinutes ?? null,
      note: input.note ?? null,
      idempotencyKey: input.idempotencyKey ?? null,
      overrideCustomizationCap: input.overrideCustomizationCap ?? false,
    });
    return toTimeEntry(row);
  }
}
