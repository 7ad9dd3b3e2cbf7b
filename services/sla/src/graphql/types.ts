import {
  type Party,
  PartyEnum,
  type SlaMetric,
  SlaMetricEnum,
  type TimerStatus,
  TimerStatusEnum,
} from '@reglament/shared';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum SlaState {
  ON_TRACK = 'ON_TRACK',
  AT_RISK = 'AT_RISK',
  BREACHED = 'BREACHED',
  PAUSED = 'PAUSED',
  MET = 'MET',
}
registerEnumType(SlaState, { name: 'SlaState', description: 'The SLA standing of a ticket as a whole.' });

@ObjectType('SlaTimer', { description: 'One SLA clock of a ticket (R-SLA-3), for one party (R-SLA-8).' })
export class SlaTimer {
  @Field(() => ID)
  id!: string;

  @Field(() => SlaMetricEnum)
  metric!: SlaMetric;

  @Field(() => PartyEnum)
  party!: Party;

  @Field(() => TimerStatusEnum)
  status!: TimerStatus;

  @Field(() => Date)
  startedAt!: Date;

  @Field(() => Date, { nullable: true })
  deadline!: Date | null;

  @Field(() => Date, { nullable: true })
  warnAt!: Date | null;

  @Field(() => Date, { nullable: true })
  stoppedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  breachedAt!: Date | null;
}

@ObjectType('TicketSla')
export class TicketSla {
  @Field(() => SlaState)
  state!: SlaState;

  @Field(() => Date, { nullable: true, description: 'The nearest deadline of a running timer.' })
  nextDeadline!: Date | null;

  @Field(() => [SlaTimer])
  timers!: SlaTimer[];
}

@Directive('@key(fields: "id")')
@ObjectType('Ticket')
export class Ticket {
  @Field(() => ID)
  id!: string;
}
