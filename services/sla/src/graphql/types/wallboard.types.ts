import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { ComplianceRow } from './sla.types';

@ObjectType('SlaCountdown', {
  description:
    'What a screen needs to count a running clock down by itself in the working time of its calendar: from `at`, ' +
    'while `ticking`, one working minute passes per minute until `changesAt`; then ask again (or wait for slaChanged).',
})
export class SlaCountdown {
  @Field(() => Date, { description: 'The platform instant the figures are for (the test clock when it is on).' })
  at!: Date;

  @Field(() => Float, {
    description:
      'Working minutes from `at` to the deadline in the calendar of the ticket (calendar minutes for calendar-time ' +
      'targets such as auto-close); negative when late.',
  })
  remainingWorkingMinutes!: number;

  @Field(() => Boolean, { description: 'Whether the clock loses time at `at` (working time of its calendar).' })
  ticking!: boolean;

  @Field(() => Date, {
    nullable: true,
    description: 'When `ticking` changes next (the close of working hours, or the next opening); null: never.',
  })
  changesAt!: Date | null;

  @Field(() => Boolean, {
    description: 'False when the platform runs on the test clock: time stands still until it is set or advanced.',
  })
  realTime!: boolean;
}

@ObjectType('SlaDay', {
  description: "R-SLA-12 for one local day of a contract: its clocks that ended that day (today's compliance).",
})
export class SlaDay {
  @Field(() => String, { description: 'The local date (YYYY-MM-DD) in `timeZone`.' })
  date!: string;

  @Field(() => String, {
    description: "IANA zone the day is taken in: the contract's own, else its preset's calendar.",
  })
  timeZone!: string;

  @Field(() => Int, { description: 'Clocks that ended that day (met or breached; cancelled ones do not count).' })
  total!: number;

  @Field(() => Int, { description: 'Of those, met in time.' })
  met!: number;

  @Field(() => Int, { description: 'Of those, breached (R-SLA-11).' })
  breached!: number;

  @Field(() => Float, { nullable: true, description: 'met / total, 0..1; null when no clock ended that day.' })
  metShare!: number | null;

  @Field(() => [ComplianceRow], { description: 'The same by metric, party and priority.' })
  rows!: ComplianceRow[];
}

@Directive('@key(fields: "id")')
@ObjectType('Contract')
export class Contract {
  @Field(() => ID)
  id!: string;
}
