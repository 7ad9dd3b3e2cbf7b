import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Contract } from './contract.types';
import { Payment, TimeEntryKindEnum, WorkBillingEnum } from './prepaid.types';

@ObjectType('StatementPrepaid', {
  description:
    "A month's prepaid minutes (R-CON-3, R-CON-4): each figure is the sum of the month's ledger rows of its kind.",
})
export class StatementPrepaid {
  @Field(() => Int, { description: "The month's grants from hour packages (GRANT)." })
  granted!: number;

  @Field(() => Int, { description: 'The part of granted from subscriptions (the only minutes that may carry over).' })
  grantedSubscription!: number;

  @Field(() => Int, { description: 'Carried in from the previous month, paid on time (CARRY_IN).' })
  carriedIn!: number;

  @Field(() => Int, { description: 'granted + carriedIn: what the month opened with.' })
  opening!: number;

  @Field(() => Int, { description: 'Debited per minute of work (DEBIT), positive.' })
  usedPerMinute!: number;

  @Field(() => Int, { description: 'Debited at the catalog norm of service tasks (NORM_DEBIT, R-CON-4), positive.' })
  usedByNorm!: number;

  @Field(() => Int, { description: 'usedPerMinute + usedByNorm.' })
  used!: number;

  @Field(() => Int, { description: "Administrators' corrections (CORRECTION), signed." })
  corrections!: number;

  @Field(() => Int, { description: 'Carried out into the next month, paid on time (CARRY_OUT), positive.' })
  carriedOut!: number;

  @Field(() => Int, { description: 'Expired at the end of the month (EXPIRY), positive.' })
  expired!: number;

  @Field(() => Int, {
    description:
      "The sum of the month's ledger rows: what is left (0 once a month in credit is closed; negative: overdraft).",
  })
  balance!: number;

  @Field(() => Int, { description: "Prepaid work beyond the month's minutes (overdraft): billable on top." })
  overageMinutes!: number;
}

@ObjectType('StatementCustomization', {
  description: "Customisation work of the month and its share of the contract's cap (R-CON-7).",
})
export class StatementCustomization {
  @Field(() => Int, { description: 'Customisation minutes logged in the month.' })
  minutes!: number;

  @Field(() => Float, { description: 'Their price (minutes x hourly rate / 60).' })
  amount!: number;

  @Field(() => Float, { description: "Customisation priced from the contract's start through this month." })
  spentThroughMonth!: number;

  @Field(() => Float, { nullable: true, description: 'The cap (capPercent of the total value); null: no cap.' })
  capAmount!: number | null;

  @Field(() => Float, { description: "The cap's percent of the total value." })
  capPercent!: number;

  @Field(() => Float, { nullable: true, description: "This month's amount as a share of the cap (0.1 = 10 %)." })
  monthShareOfCap!: number | null;

  @Field(() => Float, { nullable: true, description: 'spentThroughMonth as a share of the cap.' })
  spentShareOfCap!: number | null;
}

@ObjectType('StatementLine', {
  description: 'The work of one ticket under one service, kind and billing in the month.',
})
export class StatementLine {
  @Field(() => ID, { description: 'The ticket.' })
  ticketId!: string;

  @Field(() => String, { nullable: true, description: "The ticket's number (null: not known to contracts)." })
  ticketNumber!: string | null;

  @Field(() => String, { nullable: true, description: 'The service of the catalog (R-CON-2), if any.' })
  serviceCode!: string | null;

  @Field(() => String, { nullable: true, description: "The service's name in English." })
  serviceName!: string | null;

  @Field(() => TimeEntryKindEnum, { description: 'TIME (per minute) or SERVICE_WORK (norm time, R-CON-4).' })
  kind!: TimeEntryKindEnum;

  @Field(() => WorkBillingEnum, { description: 'How the work was billed.' })
  billing!: WorkBillingEnum;

  @Field(() => Int, { description: 'Time entries summed in this line.' })
  entries!: number;

  @Field(() => Int, { description: 'Minutes billed: actual time, or the norm for service tasks.' })
  minutes!: number;

  @Field(() => Int, { description: 'Actual minutes where they were given.' })
  actualMinutes!: number;

  @Field(() => Int, { description: 'Minutes debited from prepaid time.' })
  debitedMinutes!: number;

  @Field(() => Float, { description: 'Customisation price (R-CON-7); 0 for other work.' })
  amount!: number;
}

@ObjectType('StatementReconciliation', {
  description: "How the statement agrees with the ledger: the work's debits against the ledger's debit rows.",
})
export class StatementReconciliation {
  @Field(() => Int, { description: "The month's ledger rows." })
  ledgerRows!: number;

  @Field(() => Int, { description: 'Minutes debited as the time entries say.' })
  debitedByEntries!: number;

  @Field(() => Int, { description: 'Minutes debited as the ledger rows (DEBIT, NORM_DEBIT) say.' })
  debitedByLedger!: number;

  @Field(() => Boolean, { description: 'The two agree.' })
  balanced!: boolean;
}

@ObjectType('MonthlyStatement', {
  description:
    "A contract's month (its zone) as billed (R-CON-3..7): prepaid minutes, free work, customisation, payments.",
})
export class MonthlyStatement {
  @Field(() => ID, { description: 'The contract.' })
  contractId!: string;

  @Field(() => Contract, { description: 'The contract in full.' })
  contract!: Contract;

  @Field(() => String, { description: 'The month, YYYY-MM.' })
  month!: string;

  @Field(() => String, { description: "The contract's zone, in which the month is cut." })
  timeZone!: string;

  @Field(() => Boolean, { description: "The month's grants are written (false: not opened yet, figures are 0)." })
  opened!: boolean;

  @Field(() => Boolean, {
    description: 'The month is closed in the ledger (carry-over and expiry written): its figures are final.',
  })
  final!: boolean;

  @Field(() => StatementPrepaid, { nullable: true, description: 'Prepaid minutes; null without hour packages.' })
  prepaid!: StatementPrepaid | null;

  @Field(() => Int, { description: 'Free work (R-CON-5): errors, the consultation line, technical consultations.' })
  freeMinutes!: number;

  @Field(() => Int, { description: 'Work in a month without a package: billed under the contract, not prepaid.' })
  notPrepaidMinutes!: number;

  @Field(() => Int, { description: 'Norm minutes billed for service tasks (R-CON-4).' })
  normMinutes!: number;

  @Field(() => Int, { description: 'The actual minutes those service tasks took.' })
  normActualMinutes!: number;

  @Field(() => StatementCustomization, { description: 'Customisation work and the cap (R-CON-7).' })
  customization!: StatementCustomization;

  @Field(() => Payment, { nullable: true, description: 'The payment of this month, if recorded.' })
  payment!: Payment | null;

  @Field(() => Payment, {
    nullable: true,
    description: "The next month's payment: on time, it carries this month's unused minutes over (R-CON-3).",
  })
  nextMonthPayment!: Payment | null;

  @Field(() => [StatementLine], { description: 'Work by ticket and service (at most 2000 lines; see lineCount).' })
  lines!: StatementLine[];

  @Field(() => Int, { description: 'All lines of the month (the totals count every one).' })
  lineCount!: number;

  @Field(() => StatementReconciliation, { description: 'Agreement with the ledger.' })
  reconciliation!: StatementReconciliation;
}
