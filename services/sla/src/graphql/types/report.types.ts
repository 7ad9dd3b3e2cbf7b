import type { Party, Priority, SlaMetric } from '@reglament/shared/domain';
import { connectionType, PartyEnum, PriorityEnum, SlaMetricEnum } from '@reglament/shared/platform';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { FailureReportState as FailureReportStateName, ReportGrouping } from '../../application/reports';
import { Ticket } from './sla.types';

export enum SlaReportGroupBy {
  CONTRACT = 'CONTRACT',
  ORGANIZATION = 'ORGANIZATION',
  PRIORITY = 'PRIORITY',
  CATEGORY = 'CATEGORY',
  PRODUCT = 'PRODUCT',
  ENGINEER = 'ENGINEER',
  MONTH = 'MONTH',
}
registerEnumType(SlaReportGroupBy, {
  name: 'SlaReportGroupBy',
  description: 'How the rows of an SLA report are grouped (besides metric and party).',
  valuesConfig: {
    CONTRACT: { description: "By contract: group is the contract's id." },
    ORGANIZATION: { description: "By customer organization: group is the organization's id." },
    PRIORITY: { description: "By the ticket's priority: group is URGENT, HIGH, NORMAL or LOW." },
    CATEGORY: { description: "By the ticket's category: group is ERROR, SUPPORT or IMPROVEMENT." },
    PRODUCT: { description: 'By product: group is the product code (null: none).' },
    ENGINEER: {
      description: "By the engineer the ticket is assigned to now: group is the staff member's id (null: nobody).",
    },
    MONTH: { description: 'By calendar month in the filter\'s timeZone: group is "YYYY-MM".' },
  },
});
export const toGrouping = (g: SlaReportGroupBy | null | undefined): ReportGrouping | null => g ?? null;

export enum FailureReportState {
  SUBMITTED = 'SUBMITTED',
  REQUIRED = 'REQUIRED',
  MISSING = 'MISSING',
  NOT_REQUIRED = 'NOT_REQUIRED',
}
registerEnumType(FailureReportState, {
  name: 'FailureReportState',
  description: 'R-SLA-11: where the failure report of a breach stands.',
  valuesConfig: {
    SUBMITTED: { description: 'A report of causes and measures covers this breach.' },
    REQUIRED: {
      description:
        "A provider's breach without a report, under a preset that blocks closing until it is in (kz-supplier).",
    },
    MISSING: { description: "A provider's breach without a report (the preset does not block closing for it)." },
    NOT_REQUIRED: { description: "The customer's own late answer (R-SLA-8): no report is owed." },
  },
});
export const toReportState = (s: FailureReportStateName): FailureReportState => s as FailureReportState;

@InputType('SlaReportFilter', {
  description:
    'Which SLA clocks a report covers: a period of at most 366 days and, optionally, lists (at most 100 values each) every clock must match. A customer sees only its own organization whatever it asks.',
})
export class SlaReportFilter {
  @Field(() => Date, { description: 'Start of the period (inclusive).' })
  from!: Date;

  @Field(() => Date, { description: 'End of the period (exclusive); at most 366 days after from.' })
  to!: Date;

  @Field(() => [ID], { nullable: true, description: 'Only these customer organizations.' })
  organizationIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Only these contracts.' })
  contractIds?: string[] | null;

  @Field(() => [PriorityEnum], { nullable: true, description: 'Only tickets of these priorities.' })
  priorities?: Priority[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Only tickets of these categories (ERROR, SUPPORT, IMPROVEMENT).',
  })
  categories?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Only tickets about these products (product codes).' })
  products?: string[] | null;

  @Field(() => [PartyEnum], { nullable: true, description: "Only these parties' clocks (R-SLA-8)." })
  parties?: Party[] | null;

  @Field(() => [ID], { nullable: true, description: 'Only tickets assigned now to these engineers (staff ids).' })
  engineerIds?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'IANA zone months are cut in for MONTH grouping (default Europe/Moscow).',
  })
  timeZone?: string | null;
}

@ObjectType('SlaReportRow', {
  description:
    'One metric and party (of one group): clocks started, met and breached in the period, running clocks at risk now, and the time used.',
})
export class SlaReportRow {
  @Field(() => String, {
    nullable: true,
    description: "The group's value (see SlaReportGroupBy); null when ungrouped.",
  })
  group!: string | null;

  @Field(() => SlaMetricEnum, { description: 'The SLA metric.' })
  metric!: SlaMetric;

  @Field(() => PartyEnum, { description: "Whose clocks: the provider's or the customer's own (R-SLA-8)." })
  party!: Party;

  @Field(() => Int, { description: 'Clocks started in the period.' })
  started!: number;

  @Field(() => Int, { description: 'Clocks met in the period (counted at the instant they stopped in time).' })
  met!: number;

  @Field(() => Int, { description: 'Clocks breached in the period (counted at the instant of the breach).' })
  breached!: number;

  @Field(() => Int, {
    description: 'Clocks running now past their warning (R-SLA-9), of those started before the end of the period.',
  })
  openAtRisk!: number;

  @Field(() => Float, { nullable: true, description: 'met / (met + breached), 0..1; null when none ended.' })
  complianceShare!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Median time used by the clocks that ended in the period, in working minutes (calendar minutes for calendar-time targets).',
  })
  medianUsedMinutes!: number | null;

  @Field(() => Float, { nullable: true, description: '90th percentile of the same time used.' })
  p90UsedMinutes!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Median target of those clocks, in the same minutes (null for dated targets such as a release).',
  })
  medianTargetMinutes!: number | null;
}

@ObjectType('SlaBreach', { description: 'R-SLA-11: one breached SLA clock and the state of its failure report.' })
export class SlaBreach {
  @Field(() => ID, { description: 'The breached clock (SlaTimer id).' })
  timerId!: string;

  @Field(() => ID, { description: 'Its ticket.' })
  ticketId!: string;

  @Field(() => Ticket, { description: 'The ticket (any field of it, through the gateway).' })
  ticket!: Ticket;

  @Field(() => ID, { description: 'The customer organization.' })
  organizationId!: string;

  @Field(() => ID, { nullable: true, description: 'The contract.' })
  contractId!: string | null;

  @Field(() => SlaMetricEnum, { description: 'The metric breached.' })
  metric!: SlaMetric;

  @Field(() => PartyEnum, { description: 'Whose deadline it was (R-SLA-8: the customer may be late too).' })
  party!: Party;

  @Field(() => String, { description: "The ticket's priority when it was breached." })
  priority!: string;

  @Field(() => String, { description: "The ticket's category when it was breached." })
  category!: string;

  @Field(() => Date, { description: 'The instant of the breach (its deadline).' })
  breachedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the clock stopped; null while it still runs.' })
  stoppedAt!: Date | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'How late, in working minutes (calendar minutes for calendar-time targets): at its stop, or at its last evaluation while it runs; null for dated targets.',
  })
  lateMinutes!: number | null;

  @Field(() => FailureReportState, { description: 'R-SLA-11: the failure report of this breach.' })
  failureReportState!: FailureReportState;

  @Field(() => ID, { nullable: true, description: 'The failure report, when submitted.' })
  failureReportId!: string | null;
}

export const SlaBreachConnection = connectionType(SlaBreach, 'SlaBreach');
