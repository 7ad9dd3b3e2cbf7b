import { PartyEnum } from '@reglament/shared/platform';
import type { Party } from '@reglament/shared/domain';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { DutyScheduleKind } from '../../domain/duties';

export enum DutyScheduleKindEnum {
  ONCE = 'ONCE',
  WEEKLY = 'WEEKLY',
  MONTHLY = 'MONTHLY',
  QUARTERLY = 'QUARTERLY',
  CRON = 'CRON',
}
registerEnumType(DutyScheduleKindEnum, {
  valuesConfig: {
    ONCE: { description: "Once: the period starts on `on` (default: the contract's first day)." },
    WEEKLY: { description: "Every week: periods start Mondays 00:00 in the contract's zone." },
    MONTHLY: { description: "Every month: periods start on the 1st, 00:00 in the contract's zone." },
    QUARTERLY: {
      description: "Every quarter: periods start 1 January, April, July, October, 00:00 in the contract's zone.",
    },
    CRON: {
      description: "A five-field cron expression in the contract's zone (read with cron-parser), at most once a day.",
    },
  },
  name: 'DutyScheduleKind',
  description: 'When the occurrences of a contract duty start (issue 18).',
});

@ObjectType('DutySchedule', { description: "When a duty's occurrences start." })
export class DutySchedule {
  @Field(() => DutyScheduleKindEnum, { description: 'ONCE, WEEKLY, MONTHLY, QUARTERLY or CRON.' })
  kind!: DutyScheduleKind;

  @Field(() => String, { description: 'ONCE: the date the period starts (YYYY-MM-DD); else null.', nullable: true })
  on!: string | null;

  @Field(() => String, { description: 'CRON: the expression; else null.', nullable: true })
  cron!: string | null;
}

@ObjectType('ContractDuty', {
  description:
    "Work the contract obliges a party to do, once or on a schedule, due in the contract's business calendar; each occurrence becomes a DUTY ticket with its own clock (issue 18).",
})
export class ContractDuty {
  @Field(() => ID, { description: "The duty's id." })
  id!: string;

  @Field(() => ID, { description: 'The contract.' })
  contractId!: string;

  @Field(() => String, { description: 'What is to be done.' })
  title!: string;

  @Field(() => String, { description: 'The clause in full and how it is read.' })
  description!: string;

  @Field(() => PartyEnum, { description: 'Who does it: PROVIDER or CUSTOMER.' })
  party!: Party;

  @Field(() => DutySchedule, { description: 'When its occurrences start.' })
  schedule!: DutySchedule;

  @Field(() => Int, {
    description:
      "Each occurrence is due by the close of this many working days after its period's start date, in the contract's business calendar.",
  })
  dueWorkingDays!: number;

  @Field(() => String, { description: 'The day it was added: no occurrence starts before it.' })
  addedOn!: string;

  @Field(() => String, {
    description: "The last day an occurrence may start; null: the contract's last day.",
    nullable: true,
  })
  endsOn!: string | null;

  @Field(() => String, {
    description: 'The seed clause a preset created it from (e.g. "003 §10"); null: added by hand.',
    nullable: true,
  })
  seedClause!: string | null;
}

@InputType('DutyScheduleInput', { description: "When a duty's occurrences start." })
export class DutyScheduleInput {
  @Field(() => DutyScheduleKindEnum, { description: 'ONCE, WEEKLY, MONTHLY, QUARTERLY or CRON.' })
  kind!: DutyScheduleKind;

  @Field(() => String, {
    description: 'ONCE only: the date (YYYY-MM-DD), today or later, within the contract; default: its first day.',
    nullable: true,
  })
  on?: string | null;

  @Field(() => String, {
    description: 'CRON only: five fields "minute hour day-of-month month day-of-week", at most once a day.',
    nullable: true,
  })
  cron?: string | null;
}

@InputType('AddContractDutyInput', { description: 'A new duty of a contract (issue 18).' })
export class AddContractDutyInput {
  @Field(() => ID, { description: 'The contract.' })
  contractId!: string;

  @Field(() => String, { description: 'What is to be done, 1-200 characters.' })
  title!: string;

  @Field(() => String, { description: 'The clause and how it is read, at most 2000 characters.', nullable: true })
  description?: string | null;

  @Field(() => PartyEnum, { description: 'Who does it.' })
  party!: Party;

  @Field(() => DutyScheduleInput, { description: 'When its occurrences start.' })
  schedule!: DutyScheduleInput;

  @Field(() => Int, { description: 'Due by the close of this many working days (1-60) after the period starts.' })
  dueWorkingDays!: number;

  @Field(() => String, {
    description: "The last day an occurrence may start (today or later); null: the contract's last day.",
    nullable: true,
  })
  endsOn?: string | null;
}

@InputType('UpdateContractDutyInput', {
  description: 'Changes of a duty; they apply to occurrences that start later. Omitted fields stay.',
})
export class UpdateContractDutyInput {
  @Field(() => String, { description: 'What is to be done, 1-200 characters.', nullable: true })
  title?: string | null;

  @Field(() => String, { description: 'The clause and how it is read, at most 2000 characters.', nullable: true })
  description?: string | null;

  @Field(() => Int, { description: 'Due by the close of this many working days (1-60).', nullable: true })
  dueWorkingDays?: number | null;

  @Field(() => String, { description: 'The last day an occurrence may start (today or later).', nullable: true })
  endsOn?: string | null;
}
