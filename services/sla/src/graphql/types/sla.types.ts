import { type Party, type Priority, type SlaMetric, type TimerStatus } from '@reglament/shared/domain';
import { connectionType, PartyEnum, PriorityEnum, SlaMetricEnum, TimerStatusEnum } from '@reglament/shared/platform';
import { Directive, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum SlaState {
  ON_TRACK = 'ON_TRACK',
  AT_RISK = 'AT_RISK',
  BREACHED = 'BREACHED',
  PAUSED = 'PAUSED',
  MET = 'MET',
}
registerEnumType(SlaState, {
  valuesConfig: {
    ON_TRACK: { description: 'Provider clocks run and none is past its warning.' },
    AT_RISK: { description: 'A running provider clock is past its warning (R-SLA-9).' },
    BREACHED: { description: 'A provider clock is breached.' },
    PAUSED: {
      description:
        'No provider clock runs: they are paused (the ticket waits for the customer, R-SLA-8) or not guaranteed (R-CON-6), or only customer clocks run.',
    },
    MET: { description: 'No clock runs and no provider clock was breached.' },
  },
  name: 'SlaState',
  description: 'The SLA standing of a ticket as a whole.',
});

@Directive('@key(fields: "id")')
@ObjectType('Ticket')
export class Ticket {
  @Field(() => ID, { description: "The ticket's id." })
  id!: string;
}

@ObjectType('FailureReport', {
  description: 'R-SLA-11, 003 §7: causes of a provider breach or of a product failure, and the measures taken.',
})
export class FailureReport {
  @Field(() => ID, { description: "The report's id." })
  id!: string;

  @Field(() => ID, { description: 'The ticket whose provider clock was breached, or that was marked as a failure.' })
  ticketId!: string;

  @Field(() => Ticket, { description: 'The ticket (any field of it, through the gateway).' })
  ticket!: Ticket;

  @Field(() => ID, { description: 'The customer organization of the ticket.' })
  organizationId!: string;

  @Field(() => Boolean, {
    description: 'It covers a product failure the ticket was marked as (003 §7, markAsFailure).',
  })
  forFailure!: boolean;

  @Field(() => [SlaMetricEnum], { description: 'The breached provider clocks it covers (empty: the failure alone).' })
  metrics!: SlaMetric[];

  @Field(() => String, { description: 'What caused the failure.' })
  causes!: string;

  @Field(() => String, { description: 'What was done, and will be, so that it does not happen again.' })
  measures!: string;

  @Field(() => Date, { description: 'When it was submitted (UTC).' })
  submittedAt!: Date;

  @Field(() => ID, { description: 'The staff member who submitted it.', nullable: true })
  submittedBy!: string | null;
}

@ObjectType('SlaTimer', { description: 'One SLA clock of a ticket (R-SLA-3), for one party (R-SLA-8).' })
export class SlaTimer {
  @Field(() => ID, { description: "The timer's id." })
  id!: string;

  @Field(() => ID, { description: 'The ticket it times.' })
  ticketId!: string;

  @Field(() => SlaMetricEnum, { description: 'What it measures.' })
  metric!: SlaMetric;

  @Field(() => PartyEnum, { description: 'Who owes the deadline (R-SLA-8).' })
  party!: Party;

  @Field(() => TimerStatusEnum, {
    description: 'Where it stands: RUNNING, PAUSED, NOT_GUARANTEED, MET, BREACHED or CANCELLED.',
  })
  status!: TimerStatus;

  @Field(() => Int, { description: 'The occurrence of this metric on the ticket (2 = the second rework ...).' })
  cycle!: number;

  @Field(() => Date, { description: 'When the clock started (UTC).' })
  startedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'Null while paused (duration targets) or not yet known.' })
  deadline!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When both parties are warned (R-SLA-9).' })
  warnAt!: Date | null;

  @Field(() => Date, {
    description: 'When it stopped (met, breached and stopped, or cancelled); null while running.',
    nullable: true,
  })
  stoppedAt!: Date | null;

  @Field(() => Date, { description: 'When the deadline passed (R-SLA-11); null if it has not.', nullable: true })
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

@ObjectType('SlaPolicyRef', { description: "The SLA policy a ticket's clocks follow." })
export class SlaPolicyRef {
  @Field(() => ID, { description: "The policy's id (the preset's id)." })
  id!: string;

  @Field(() => String, { description: "The policy's name." })
  name!: string;
}

@ObjectType('TicketSla', { description: "A ticket's SLA: its standing, next deadline and clocks (R-SLA-3)." })
export class TicketSla {
  @Field(() => SlaState, { description: "The standing of the provider's clocks as a whole." })
  state!: SlaState;

  @Field(() => Date, { nullable: true, description: 'The nearest deadline of a running timer.' })
  nextDeadline!: Date | null;

  @Field(() => [SlaTimer], { description: 'Every clock of the ticket, both parties, running and ended.' })
  timers!: SlaTimer[];

  @Field(() => SlaPolicyRef, { description: 'The policy (preset) its clocks follow.', nullable: true })
  policy!: SlaPolicyRef | null;

  @Field(() => Boolean, { description: 'R-SLA-11: a failure report is required before the ticket can close.' })
  failureReportPending!: boolean;
}

@ObjectType('SlaTarget', { description: 'One target of a policy: what it measures, for whom, for which tickets.' })
export class SlaTarget {
  @Field(() => SlaMetricEnum, { description: 'The metric.' })
  metric!: SlaMetric;

  @Field(() => PartyEnum, { description: 'Who owes it.' })
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
  @Field(() => ID, { description: "The policy's id (the preset's id)." })
  id!: string;

  @Field(() => String, { description: "The policy's name." })
  name!: string;

  @Field(() => String, { description: 'The preset it belongs to.' })
  preset!: string;

  @Field(() => String, { description: 'The seed document it reads, e.g. 002.' })
  seed!: string;

  @Field(() => String, {
    description: 'How it reads its seed: targets, starts, pauses, warnings, where the seed was silent.',
  })
  description!: string;

  @Field(() => ID, { description: 'The business calendar its clocks count in (R-SLA-1).' })
  calendarId!: string;

  @Field(() => [SlaTarget], { description: 'Its targets, each for a metric, a party and a set of tickets.' })
  targets!: SlaTarget[];

  @Field(() => Boolean, {
    description: 'A breached provider clock blocks closing until a failure report is in (R-SLA-11; kz-supplier).',
  })
  failureReportRequired!: boolean;

  @Field(() => Boolean, {
    description: 'The reaction target holds only while prepaid time remains (R-CON-6; infocraft-365).',
  })
  reactionRequiresPrepaid!: boolean;
}

@ObjectType('ComplianceRow', { description: 'R-SLA-12: share of timers met, by metric and priority.' })
export class ComplianceRow {
  @Field(() => SlaMetricEnum, { description: 'The SLA metric counted.' })
  metric!: SlaMetric;

  @Field(() => PartyEnum, { description: "Whose clocks: the provider's or the customer's." })
  party!: Party;

  @Field(() => PriorityEnum, { description: "The tickets' priority." })
  priority!: Priority;

  @Field(() => Int, {
    description: 'Clocks of this metric, party and priority that ended in the period (met or breached).',
  })
  total!: number;

  @Field(() => Int, { description: 'Of those, met in time.' })
  met!: number;

  @Field(() => Int, { description: 'Of those, breached.' })
  breached!: number;

  @Field(() => Float, { description: 'met / total, 0..1' })
  metShare!: number;
}

@InputType('FailureReportFilter', { description: 'Which failure reports to list; every condition given must hold.' })
export class FailureReportFilter {
  @Field(() => ID, { nullable: true, description: "Only this organization's (customers: their own only)." })
  organizationId?: string | null;

  @Field(() => ID, { nullable: true, description: "Only this ticket's." })
  ticketId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: reports of marked product failures (003 §7); false: reports of breaches only.',
  })
  forFailure?: boolean | null;

  @Field(() => Date, { nullable: true, description: 'Submitted at or after this instant.' })
  submittedFrom?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Submitted before this instant.' })
  submittedTo?: Date | null;
}

export const FailureReportConnection = connectionType(FailureReport, 'FailureReport');
