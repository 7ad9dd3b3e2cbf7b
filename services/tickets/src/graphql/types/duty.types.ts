import { PartyEnum } from '@reglament/shared/platform';
import type { Party } from '@reglament/shared/domain';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum DutyOccurrenceStatusEnum {
  OPEN = 'OPEN',
  DONE = 'DONE',
}
registerEnumType(DutyOccurrenceStatusEnum, {
  valuesConfig: {
    OPEN: { description: 'Not done yet: its clock runs (or is breached).' },
    DONE: { description: 'Completed with completeDutyOccurrence: the DUTY ticket is CLOSED (DONE).' },
  },
  name: 'DutyOccurrenceStatus',
  description: 'Whether an occurrence of a contract duty is done (issue 18).',
});

@ObjectType('DutyOccurrence', {
  description:
    "One occurrence of a contract duty (issue 18): a DUTY ticket of the same id whose clock (Ticket.sla, metric RESOLUTION) runs for the responsible party until it is done; due by the close of dueWorkingDays working days after periodStartsOn in the contract's calendar.",
})
export class DutyOccurrence {
  @Field(() => ID, { description: 'The occurrence, and its DUTY ticket (the same id).' })
  id!: string;

  @Field(() => ID, { description: 'The contract duty (Contract.duties).' })
  dutyId!: string;

  @Field(() => ID, { description: 'The contract.' })
  contractId!: string;

  @Field(() => String, { description: 'The duty and its period, e.g. "... (2026-07-01)".' })
  title!: string;

  @Field(() => PartyEnum, { description: 'Who does it: PROVIDER or CUSTOMER.' })
  party!: Party;

  @Field(() => Date, { description: "The period's first instant (UTC)." })
  periodStart!: Date;

  @Field(() => String, { description: "The period's start date in the contract's zone (YYYY-MM-DD)." })
  periodStartsOn!: string;

  @Field(() => Int, { description: 'Due by the close of this many working days after periodStartsOn.' })
  dueWorkingDays!: number;

  @Field(() => String, { description: 'The seed clause of a preset duty, e.g. "003 §10".', nullable: true })
  seedClause!: string | null;

  @Field(() => DutyOccurrenceStatusEnum, { description: 'OPEN or DONE.' })
  status!: DutyOccurrenceStatusEnum;

  @Field(() => Date, { description: 'When it was completed; null while open.', nullable: true })
  completedAt!: Date | null;

  @Field(() => ID, { description: 'Who completed it (a contact or staff id).', nullable: true })
  completedBy!: string | null;

  @Field(() => String, { description: 'The completion note.', nullable: true })
  note!: string | null;

  @Field(() => ID, { description: 'The file it was completed with (Ticket.attachments).', nullable: true })
  attachmentId!: string | null;
}

@InputType('DutyOccurrenceFilter', {
  description: 'Which occurrences of contract duties to list; all given must hold.',
})
export class DutyOccurrenceFilter {
  @Field(() => ID, { description: 'Of this contract.', nullable: true })
  contractId?: string | null;

  @Field(() => ID, { description: 'Of this duty.', nullable: true })
  dutyId?: string | null;

  @Field(() => PartyEnum, { description: "Only the provider's or only the customer's.", nullable: true })
  party?: Party | null;

  @Field(() => DutyOccurrenceStatusEnum, { description: 'OPEN or DONE.', nullable: true })
  status?: DutyOccurrenceStatusEnum | null;

  @Field(() => String, { description: 'Periods starting on or after this date (YYYY-MM-DD).', nullable: true })
  periodFrom?: string | null;

  @Field(() => String, { description: 'Periods starting on or before this date (YYYY-MM-DD).', nullable: true })
  periodTo?: string | null;
}
