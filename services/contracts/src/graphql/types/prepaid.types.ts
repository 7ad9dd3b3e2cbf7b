import { connectionType, DateScalar } from '@reglament/shared/platform';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum HourPackageKindEnum {
  SUBSCRIPTION = 'SUBSCRIPTION',
  ONE_OFF = 'ONE_OFF',
}
registerEnumType(HourPackageKindEnum, {
  valuesConfig: {
    SUBSCRIPTION: {
      description: 'Minutes every month to its end; unused minutes carry over into a month paid on time.',
    },
    ONE_OFF: { description: 'Minutes for one month; nothing carries over.' },
  },
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
registerEnumType(LedgerEntryKindEnum, {
  valuesConfig: {
    GRANT: { description: "A package's minutes for the month (positive)." },
    CARRY_IN: { description: 'Minutes carried in from the previous month (positive).' },
    CARRY_OUT: { description: 'Minutes carried out to the next month (negative).' },
    DEBIT: { description: 'Work billed per minute (negative).' },
    NORM_DEBIT: { description: 'Service work billed by its norm time (negative, R-CON-4).' },
    EXPIRY: { description: 'Minutes that expired at the end of the month (negative).' },
    CORRECTION: { description: "An administrator's correction, either sign." },
  },
  description: 'What a prepaid ledger entry records (R-CON-3, R-CON-4).',
  name: 'LedgerEntryKind',
});

export enum TimeEntryKindEnum {
  TIME = 'TIME',
  SERVICE_WORK = 'SERVICE_WORK',
}
registerEnumType(TimeEntryKindEnum, {
  valuesConfig: {
    TIME: { description: 'Time spent, billed per minute.' },
    SERVICE_WORK: { description: 'A service task, billed by its norm (R-CON-4).' },
  },
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
  valuesConfig: {
    FREE: { description: 'Free of charge (R-CON-5).' },
    PREPAID: { description: 'Debited from prepaid time (R-CON-3, R-CON-4).' },
    CUSTOMIZATION: { description: "Priced at the contract's rate, within the cap (R-CON-7)." },
    NOT_PREPAID: { description: 'The contract has no hour package: recorded, not debited.' },
  },
  name: 'WorkBilling',
  description:
    'FREE (R-CON-5: errors, consultation line, technical consultations), PREPAID (debited, R-CON-3/4), ' +
    'CUSTOMIZATION (priced, within the cap, R-CON-7), NOT_PREPAID (the contract has no hour package).',
});

@ObjectType('HourPackage', { description: 'Prepaid minutes per month (R-CON-3).' })
export class HourPackage {
  @Field(() => ID, { description: "The package's id." })
  id!: string;

  @Field(() => ID, { description: 'The contract it belongs to.' })
  contractId!: string;

  @Field(() => HourPackageKindEnum, { description: 'SUBSCRIPTION or ONE_OFF (R-CON-3).' })
  kind!: HourPackageKindEnum;

  @Field(() => Int, { description: 'Minutes granted each month it runs.' })
  minutesPerMonth!: number;

  @Field(() => DateScalar, { description: "The first day (contract zone); its first month is this date's month." })
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

  @Field(() => Int, { description: 'Granted by the packages for this month.' })
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

  @Field(() => Int, { description: 'What is left: granted + carried in + corrections - used - carried out - expired.' })
  remainingMinutes!: number;

  @Field(() => Boolean, { description: 'Nothing left: reaction time is no longer guaranteed (R-CON-6).' })
  exhausted!: boolean;

  @Field(() => Boolean, { description: 'The month is over.' })
  closed!: boolean;
}

@ObjectType('LedgerEntry', { description: 'An entry of the append-only prepaid ledger; corrections are new entries.' })
export class LedgerEntry {
  @Field(() => ID, { description: "The entry's id." })
  id!: string;

  @Field(() => String, { description: 'The month it counts in, YYYY-MM (contract zone).' })
  month!: string;

  @Field(() => LedgerEntryKindEnum, { description: 'What moved the balance.' })
  kind!: LedgerEntryKindEnum;

  @Field(() => Int, { description: 'Signed: positive adds to the balance.' })
  minutes!: number;

  @Field(() => ID, { description: 'The hour package it concerns, if any.', nullable: true })
  packageId!: string | null;

  @Field(() => ID, { description: 'The time entry it debits, if any.', nullable: true })
  timeEntryId!: string | null;

  @Field(() => String, { description: 'Reason or comment (corrections always have one).', nullable: true })
  note!: string | null;

  @Field(() => Date, { description: 'When it was written (UTC).' })
  at!: Date;

  @Field(() => String, { description: 'Who wrote it: a user id, or system:<part>.', nullable: true })
  by!: string | null;
}

export const LedgerEntryConnection = connectionType(LedgerEntry, 'LedgerEntry');

@ObjectType('Payment', { description: 'A month paid; on time when before the month began (R-CON-3 carry-over).' })
export class Payment {
  @Field(() => String, { description: 'The month paid, YYYY-MM (contract zone).' })
  month!: string;

  @Field(() => Date, { description: 'When the payment was recorded (UTC).' })
  paidAt!: Date;

  @Field(() => Boolean, {
    description:
      "Paid before the month began (contract zone): the previous month's unused subscription minutes carry into it (R-CON-3).",
  })
  onTime!: boolean;
}

@ObjectType('TimeEntry', { description: 'Work logged on a ticket and how it was billed.' })
export class TimeEntry {
  @Field(() => ID, { description: "The entry's id." })
  id!: string;

  @Field(() => ID, { description: 'The ticket the work was for.' })
  ticketId!: string;

  @Field(() => ID, { description: 'The contract billed.' })
  contractId!: string;

  @Field(() => TimeEntryKindEnum, { description: 'TIME (per minute) or SERVICE_WORK (norm).' })
  kind!: TimeEntryKindEnum;

  @Field(() => Int, { description: 'Minutes billed: actual time, or the norm for service work.' })
  minutes!: number;

  @Field(() => Int, {
    description: 'Minutes it really took, if known (service work is billed by norm).',
    nullable: true,
  })
  actualMinutes!: number | null;

  @Field(() => Int, { description: 'Taken from prepaid time (0 when free or not prepaid).' })
  debitedMinutes!: number;

  @Field(() => WorkBillingEnum, { description: 'How it was billed.' })
  billing!: WorkBillingEnum;

  @Field(() => String, { description: 'The catalog item for service work.', nullable: true })
  serviceCode!: string | null;

  @Field(() => Float, { nullable: true, description: 'Customisation: the price at the contract rate.' })
  amount!: number | null;

  @Field(() => Boolean, { description: 'Logged beyond the customisation cap by an ADMIN (R-CON-7).' })
  capOverridden!: boolean;

  @Field(() => String, { description: 'What was done.', nullable: true })
  note!: string | null;

  @Field(() => String, { description: "YYYY-MM in the contract's zone." })
  month!: string;

  @Field(() => Date, { description: 'When it was logged (UTC).' })
  loggedAt!: Date;

  @Field(() => String, { description: 'Who logged it: a user id, or system:<part>.', nullable: true })
  loggedBy!: string | null;
}

export const TimeEntryConnection = connectionType(TimeEntry, 'TimeEntry');

@InputType('AddHourPackageInput', {
  description:
    'A prepaid hour package for a contract (R-CON-3); only presets with prepaid time (infocraft-365) take one.',
})
export class AddHourPackageInput {
  @Field(() => ID, { description: 'The contract the package belongs to.' })
  contractId!: string;

  @Field(() => HourPackageKindEnum, {
    description: 'SUBSCRIPTION (minutes every month, may carry over) or ONE_OFF (one month, nothing carries).',
  })
  kind!: HourPackageKindEnum;

  @Field(() => Int, { description: 'Minutes granted each month, 1-100,000.' })
  minutesPerMonth!: number;

  @Field(() => DateScalar, { description: 'In the current month or later (contract zone).' })
  startsOn!: string;

  @Field(() => DateScalar, {
    description: "Last day of a subscription (contract zone); null: it runs to the contract's end.",
    nullable: true,
  })
  endsOn?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Default false: a debit below zero is refused.' })
  allowOverdraft?: boolean | null;

  @Field(() => Int, {
    description:
      "Guaranteed reaction in working minutes while prepaid time remains (R-CON-6); null: the preset's default (240 for infocraft-365).",
    nullable: true,
  })
  reactionWorkingMinutes?: number | null;
}

@InputType('CorrectPrepaidInput', {
  description: "A correction of a contract's prepaid balance (ADMIN): a new ledger entry, nothing is rewritten.",
})
export class CorrectPrepaidInput {
  @Field(() => ID, { description: 'The contract whose balance is corrected.' })
  contractId!: string;

  @Field(() => Int, { description: 'Signed: positive gives minutes back, negative takes them.' })
  minutes!: number;

  @Field(() => String, { description: 'Why, kept in the ledger (required).' })
  reason!: string;
}

@InputType('LogTimeInput', { description: 'Time spent on a ticket, billed per minute unless free (R-CON-3, R-CON-5).' })
export class LogTimeInput {
  @Field(() => ID, { description: 'The ticket the time was spent on.' })
  ticketId!: string;

  @Field(() => Int, { description: 'Minutes spent, 1-1440 (one entry is one day at most).' })
  minutes!: number;

  @Field(() => String, { description: 'What was done (optional).', nullable: true })
  note?: string | null;

  @Field(() => String, { nullable: true, description: "The service this work is for, when not the ticket's." })
  serviceCode?: string | null;

  @Field(() => String, { nullable: true, description: 'A retry with the same key applies once.' })
  idempotencyKey?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'ADMIN only: log customisation beyond the cap (R-CON-7).' })
  overrideCustomizationCap?: boolean | null;
}

@InputType('LogServiceWorkInput', {
  description: "A service task done on a ticket, billed by the catalog's norm time whatever it took (R-CON-4).",
})
export class LogServiceWorkInput {
  @Field(() => ID, { description: 'The ticket the work was for.' })
  ticketId!: string;

  @Field(() => String, { description: 'The service catalog item, e.g. IC.3.' })
  serviceCode!: string;

  @Field(() => Int, { nullable: true, description: 'For the record only: norm time is debited (R-CON-4).' })
  actualMinutes?: number | null;

  @Field(() => String, { description: 'What was done (optional).', nullable: true })
  note?: string | null;

  @Field(() => String, { description: 'Any string: a retry with the same key is applied once.', nullable: true })
  idempotencyKey?: string | null;

  @Field(() => Boolean, { description: 'ADMIN only: log customisation work beyond the cap (R-CON-7).', nullable: true })
  overrideCustomizationCap?: boolean | null;
}
