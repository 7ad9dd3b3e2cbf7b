import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { MonthlyStatementView } from '../../application/statements';
import { fromCents } from '../../domain/customization';
import { findServiceItem } from '../../domain/service-catalog';
import { type ContractsContext, contractOut } from '../context';
import { toPayment } from '../mappers';
import type { Contract } from '../types/contract.types';
import { TimeEntryKindEnum, WorkBillingEnum } from '../types/prepaid.types';
import { MonthlyStatement } from '../types/statement.types';

@Resolver()
export class StatementResolver {
  @Query(() => MonthlyStatement, {
    description:
      "A contract's monthly statement (R-CON-3..7), reconciled with its prepaid ledger. Staff: any contract; " +
      "a customer: its organization's (another's is NOT_FOUND).",
  })
  async monthlyStatement(
    @Arg('contractId', () => ID, { description: 'The contract.' }) contractId: string,
    @Arg('month', () => String, {
      description: "The month, YYYY-MM, in the contract's zone: within its period and not after the current one.",
    })
    month: string,
    @Ctx() ctx: ContractsContext,
  ): Promise<MonthlyStatement> {
    const view = await ctx.app.statements.monthly(ctx.caller, contractId, month);
    return toStatement(view, contractOut(ctx, view.contract));
  }
}

function toStatement(view: MonthlyStatementView, contract: Contract): MonthlyStatement {
  const c = view.customization;
  return {
    contractId: view.contract.id,
    contract,
    month: view.month,
    timeZone: view.contract.timeZone,
    opened: view.opened,
    final: view.final,
    prepaid: view.prepaid,
    freeMinutes: view.freeMinutes,
    notPrepaidMinutes: view.notPrepaidMinutes,
    normMinutes: view.normMinutes,
    normActualMinutes: view.normActualMinutes,
    customization: {
      minutes: c.minutes,
      amount: fromCents(c.amountCents),
      spentThroughMonth: fromCents(c.spentThroughMonthCents),
      capAmount: c.capCents === null ? null : fromCents(c.capCents),
      capPercent: c.capPercent,
      monthShareOfCap: c.monthShareOfCap,
      spentShareOfCap: c.spentShareOfCap,
    },
    payment: view.payment && toPayment(view.payment),
    nextMonthPayment: view.nextMonthPayment && toPayment(view.nextMonthPayment),
    lines: view.lines.map((line) => ({
      ticketId: line.ticketId,
      ticketNumber: line.ticketNumber,
      serviceCode: line.serviceCode,
      serviceName: line.serviceCode === null ? null : (findServiceItem(line.serviceCode)?.nameEn ?? null),
      kind: TimeEntryKindEnum[line.kind],
      billing: WorkBillingEnum[line.billing],
      entries: line.entries,
      minutes: line.minutes,
      actualMinutes: line.actualMinutes,
      debitedMinutes: line.debitedMinutes,
      amount: fromCents(line.amountCents),
    })),
    lineCount: view.lineCount,
    reconciliation: view.reconciliation,
  };
}
