import { type Party, type Priority, type SlaMetric, type TimerStatus } from '@reglament/shared/domain';
import { PartyEnum, PriorityEnum, SlaMetricEnum, TimerStatusEnum } from '@reglament/shared/platform';
import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum SlaState {
  ON_TRACK = 'ON_TRACK',
  AT_RISK = 'AT_RISK',
  BREACHED = 'BREACHED',
  PAUSED = 'PAUSED',
  MET = 'MET',
}
registerEnumType(SlaState, { name: 'SlaState', description: 'The SLA standing of a ticket as a whole.' });

@ObjectType('FailureReport', { description: 'R-SLA-11: causes of a provider breach and the measures taken.' })
export class FailureReport {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  ticketId!: string;

  @Field(() => String)
  causes!: string;

  @Field(() => String)
  measures!: string;

  @Field(() => Date)
  submittedAt!: Date;

  @Field(() => ID, { nullable: true })
  submittedBy!: string | null;
}

@ObjectType('SlaTimer', { description: 'One SLA clock of a ticket (R-SLA-3), for one party (R-SLA-8).' })
export class SlaTimer {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  ticketId!: string;

  @Field(() => SlaMetricEnum)
  metric!: SlaMetric;

  @Field(() => PartyEnum)
  party!: Party;

  @Field(() => TimerStatusEnum)
  status!: TimerStatus;

  @Field(() => Int, { description: 'The occurrence of this metric on the ticket (2 = the second rework ...).' })
  cycle!: number;

  @Field(() => Date)
  startedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'Null while paused (duration targets) or not yet known.' })
  deadline!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When both parties are warned (R-SLA-9).' })
  warnAt!: Date | null;

  @Field(() => Date, { nullable: true })
  stoppedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  breachedAt!: Date | null;

  @Field(() => Float, {
    description: 'Time the clock ran, in working minutes (calendar minutes for calendar-time targets).',
  })
  elapsedWorkingMinutes!: number;

  @Field(() => Float, { nullable: true, description: 'Time left to the deadline, same unit; negative when late.' })
  remainingWorkingMinutes!: number | null;

  @Field(() => Boolean, {
    description:
      'True while the clock runs into a year the production calendar has no data for (R-SLA-2): its time there is ' +
      'counted from the weekly hours alone. Loading that year recomputes the clock and clears it.',
  })
  provisional!: boolean;

  /** Resolved by a field resolver (R-SLA-11). */
  failureReportId!: string | null;

  /** What the countdown resolver needs (not fields). */
  policyId!: string;
  contractId!: string | null;
  category!: string | null;
  priority!: string;
}

@ObjectType('SlaPolicyRef')
export class SlaPolicyRef {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;
}

@ObjectType('TicketSla')
export class TicketSla {
  @Field(() => SlaState)
  state!: SlaState;

  @Field(() => Date, { nullable: true, description: 'The nearest deadline of a running timer.' })
  nextDeadline!: Date | null;

  @Field(() => [SlaTimer])
  timers!: SlaTimer[];

  @Field(() => SlaPolicyRef, { nullable: true })
  policy!: SlaPolicyRef | null;

  @Field(() => Boolean, { description: 'R-SLA-11: a failure report is required before the ticket can close.' })
  failureReportPending!: boolean;
}

@Directive('@key(fields: "id")')
@ObjectType('Ticket')
export class Ticket {
  @Field(() => ID)
  id!: string;
}

@ObjectType('SlaTarget', { description: 'One target of a policy: what it measures, for whom, for which tickets.' })
export class SlaTarget {
  @Field(() => SlaMetricEnum)
  metric!: SlaMetric;

  @Field(() => PartyEnum)
  party!: Party;

  @Field(() => [String], { nullable: true, description: 'Categories it applies to (null: all).' })
  categories!: string[] | null;

  @Field(() => [PriorityEnum], { nullable: true, description: 'Priorities it applies to (null: all).' })
  priorities!: Priority[] | null;

  @Field(() => [String], { nullable: true, description: 'Channels it applies to (null: all).' })
  channels!: string[] | null;

  @Field(() => String, { description: 'e.g. WORKING_DAYS 3, RELEASE NEXT_PLANNED, AGREED' })
  measure!: string;

  @Field(() => String, { nullable: true, description: 'How early both parties are warned.' })
  warning!: string | null;
}

@ObjectType('SlaPolicy', { description: 'Calendar + targets + warnings + pause rules of a preset.' })
export class SlaPolicy {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  preset!: string;

  @Field(() => String)
  seed!: string;

  @Field(() => String)
  description!: string;

  @Field(() => ID)
  calendarId!: string;

  @Field(() => [SlaTarget])
  targets!: SlaTarget[];

  @Field(() => Boolean)
  failureReportRequired!: boolean;

  @Field(() => Boolean)
  reactionRequiresPrepaid!: boolean;
}

@ObjectType('ComplianceRow', { description: 'R-SLA-12: share of timers met, by metric and priority.' })
export class ComplianceRow {
  @Field(() => SlaMetricEnum)
  metric!: SlaMetric;

  @Field(() => PartyEnum)
  party!: Party;

  @Field(() => PriorityEnum)
  priority!: Priority;

  @Field(() => Int)
  total!: number;

  @Field(() => Int)
  met!: number;

  @Field(() => Int)
  breached!: number;

  @Field(() => Float, { description: 'met / total, 0..1' })
  metShare!: number;
}
