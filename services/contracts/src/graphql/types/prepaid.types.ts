import { connectionType, DateScalar } from '@reglament/shared/platform';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum HourPackageKindEnum {
  SUBSCRIPTION = 'SUBSCRIPTION',
  ONE_OFF = 'ONE_OFF',
}
registerEnumType(HourPackageKindEnum, {
  name: 'HourPackageKind',
  description: 'R-CON-3: SUBSCRIPTION grants every month and may carry over; ONE_OFF lasts one month.',
});

export enum LedgerEntryKindEnum {
  GRANT = 'GRANT',
  CARRY_IN = 'CARRY_IN',
  CARRY_OUT = 'CARRY_OUT',
  DEBIT = 'DEBIT',
  NORM_DEBIT = 'NORM_DEBIT',
  EXPIRY = 'EXPIRY',
  CORRECTION = 'CORRECTION',
}
registerEnumType(LedgerEntryKindEnum, { name: 'LedgerEntryKind' });

export enum TimeEntryKindEnum {
  TIME = 'TIME',
  SERVICE_WORK = 'SERVICE_WORK',
}
registerEnumType(TimeEntryKindEnum, {
  name: 'TimeEntryKind',
  description: 'TIME: per minute; SERVICE_WORK: norm time (R-CON-4).',
});

export enum WorkBillingEnum {
  FREE = 'FREE',
  PREPAID = 'PREPAID',
  CUSTOMIZATION = 'CUSTOMIZATION',
  NOT_PREPAID = 'NOT_PREPAID',
}
registerEnumType(WorkBillingEnum, {
  name: 'WorkBilling',
  description:
    'FREE (R-CON-5: errors, consultation line, technical consultations), PREPAID (debited, R-CON-3/4), ' +
    'CUSTOMIZATION (priced, within the cap, R-CON-7), NOT_PREPAID (the contract has no hour package).',
});

@ObjectType('HourPackage', { description: 'Prepaid minutes per month (R-CON-3).' })
export class HourPackage {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  contractId!: string;

  @Field(() => HourPackageKindEnum)
  kind!: HourPackageKindEnum;

  @Field(() => Int)
  minutesPerMonth!: number;

  @Field(() => DateScalar)
  startsOn!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Last day of a subscription; null: with the contract.' })
  endsOn!: string | null;

  @Field(() => Boolean, { description: 'Debits may take the balance below zero.' })
  allowOverdraft!: boolean;

  @Field(() => Int, { nullable: true, description: 'Guaranteed reaction, working minutes (infocraft-365, R-CON-6).' })
  reactionWorkingMinutes!: number | null;
}

@ObjectType('PrepaidBalance', {
  description: "A month of prepaid time, in the contract's zone; derived from the ledger.",
})
export class PrepaidBalance {
  @Field(() => String, { description: 'YYYY-MM' })
  month!: string;

  @Field(() => Int)
  grantedMinutes!: number;

  @Field(() => Int, { description: 'Carried in from the previous month.' })
  carriedOverMinutes!: number;

  @Field(() => Int, { description: 'Debited (per minute and by norm).' })
  usedMinutes!: number;

  @Field(() => Int, { description: 'Sum of corrections (positive gives minutes back).' })
  correctionMinutes!: number;

  @Field(() => Int, { description: 'Carried out to the next month (a closed month).' })
  carriedOutMinutes!: number;

  @Field(() => Int, { description: 'Expired at the end of the month (a closed month).' })
  expiredMinutes!: number;

  @Field(() => Int)
  remainingMinutes!: number;

  @Field(() => Boolean, { description: 'Nothing left: reaction time is no longer guaranteed (R-CON-6).' })
  exhausted!: boolean;

  @Field(() => Boolean, { description: 'The month is over.' })
  closed!: boolean;
}

@ObjectType('LedgerEntry', { description: 'An entry of the append-only prepaid ledger; corrections are new entries.' })
export class LedgerEntry {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  month!: string;

  @Field(() => LedgerEntryKindEnum)
  kind!: LedgerEntryKindEnum;

  @Field(() => Int, { description: 'Signed: positive adds to the balance.' })
  minutes!: number;

  @Field(() => ID, { nullable: true })
  packageId!: string | null;

  @Field(() => ID, { nullable: true })
  timeEntryId!: string | null;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => Date)
  at!: Date;

  @Field(() => String, { nullable: true })
  by!: string | null;
}

export const LedgerEntryConnection = connectionType(LedgerEntry, 'LedgerEntry');

@ObjectType('Payment', { description: 'A month paid; on time when before the month began (R-CON-3 carry-over).' })
export class Payment {
  @Field(() => String)
  month!: string;

  @Field(() => Date)
  paidAt!: Date;

  @Field(() => Boolean)
  onTime!: boolean;
}

@ObjectType('TimeEntry', { description: 'Work logged on a ticket and how it was billed.' })
export class TimeEntry {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  ticketId!: string;

  @Field(() => ID)
  contractId!: string;

  @Field(() => TimeEntryKindEnum)
  kind!: TimeEntryKindEnum;

  @Field(() => Int, { description: 'Minutes billed: actual time, or the norm for service work.' })
  minutes!: number;

  @Field(() => Int, { nullable: true })
  actualMinutes!: number | null;

  @Field(() => Int, { description: 'Taken from prepaid time (0 when free or not prepaid).' })
  debitedMinutes!: number;

  @Field(() => WorkBillingEnum)
  billing!: WorkBillingEnum;

  @Field(() => String, { nullable: true })
  serviceCode!: string | null;

  @Field(() => Float, { nullable: true, description: 'Customisation: the price at the contract rate.' })
  amount!: number | null;

  @Field(() => Boolean)
  capOverridden!: boolean;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => String, { description: "YYYY-MM in the contract's zone." })
  month!: string;

  @Field(() => Date)
  loggedAt!: Date;

  @Field(() => String, { nullable: true })
  loggedBy!: string | null;
}

export const TimeEntryConnection = connectionType(TimeEntry, 'TimeEntry');

@InputType('AddHourPackageInput')
export class AddHourPackageInput {
  @Field(() => ID)
  contractId!: string;

  @Field(() => HourPackageKindEnum)
  kind!: HourPackageKindEnum;

  @Field(() => Int)
  minutesPerMonth!: number;

  @Field(() => DateScalar, { description: 'In the current month or later (contract zone).' })
  startsOn!: string;

  @Field(() => DateScalar, { nullable: true })
  endsOn?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Default false: a debit below zero is refused.' })
  allowOverdraft?: boolean | null;

  @Field(() => Int, { nullable: true })
  reactionWorkingMinutes?: number | null;
}

@InputType('CorrectPrepaidInput')
export class CorrectPrepaidInput {
  @Field(() => ID)
  contractId!: string;

  @Field(() => Int, { description: 'Signed: positive gives minutes back, negative takes them.' })
  minutes!: number;

  @Field(() => String)
  reason!: string;
}

@InputType('LogTimeInput')
export class LogTimeInput {
  @Field(() => ID)
  ticketId!: string;

  @Field(() => Int)
  minutes!: number;

  @Field(() => String, { nullable: true })
  note?: string | null;

  @Field(() => String, { nullable: true, description: "The service this work is for, when not the ticket's." })
  serviceCode?: string | null;

  @Field(() => String, { nullable: true, description: 'A retry with the same key applies once.' })
  idempotencyKey?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'ADMIN only: log customisation beyond the cap (R-CON-7).' })
  overrideCustomizationCap?: boolean | null;
}

@InputType('LogServiceWorkInput')
export class LogServiceWorkInput {
  @Field(() => ID)
  ticketId!: string;

  @Field(() => String)
  serviceCode!: string;

  @Field(() => Int, { nullable: true, description: 'For the record only: norm time is debited (R-CON-4).' })
  actualMinutes?: number | null;

  @Field(() => String, { nullable: true })
  note?: string | null;

  @Field(() => String, { nullable: true })
  idempotencyKey?: string | null;

  @Field(() => Boolean, { nullable: true })
  overrideCustomizationCap?: boolean | null;
}
