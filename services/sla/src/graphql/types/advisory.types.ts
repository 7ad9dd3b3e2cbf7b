import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum AdvisoryFixStatusEnum {
  RUNNING = 'RUNNING',
  BREACHED = 'BREACHED',
  MET = 'MET',
}
registerEnumType(AdvisoryFixStatusEnum, {
  name: 'AdvisoryFixStatus',
  description: 'Where the fix clock of an advisory stands (R-SLA-6).',
  valuesConfig: {
    RUNNING: { description: 'The fix is not out yet and its deadline has not passed.' },
    BREACHED: { description: 'The deadline passed before the fix was out (stopped or not).' },
    MET: { description: 'The fix was linked before the deadline.' },
  },
});

@ObjectType('AdvisoryFixClock', {
  description:
    "The provider's clock to ship an advisory's fix (R-SLA-6): calendar time from discovery; warned 1 day before (R-SLA-9), breached at the deadline, stopped by linkAdvisoryFix.",
})
export class AdvisoryFixClock {
  @Field(() => AdvisoryFixStatusEnum, { description: 'RUNNING, BREACHED or MET.' })
  status!: AdvisoryFixStatusEnum;

  @Field(() => Date, { description: 'The discovery: the clock runs from here.' })
  startedAt!: Date;

  @Field(() => Date, { description: 'When the fix is due.' })
  deadline!: Date;

  @Field(() => Date, { description: 'When both parties are warned (R-SLA-9).' })
  warnAt!: Date;

  @Field(() => Date, { description: 'When the warning was given; null: not yet.', nullable: true })
  warnedAt!: Date | null;

  @Field(() => Date, { description: 'When the deadline passed without the fix; null: it did not.', nullable: true })
  breachedAt!: Date | null;

  @Field(() => Date, {
    description: 'When the fix was linked (the clock stopped); null: still running.',
    nullable: true,
  })
  stoppedAt!: Date | null;
}

/** The contracts subgraph's advisory; the SLA part adds its fix clock. */
@Directive('@key(fields: "id")')
@ObjectType('Advisory')
export class Advisory {
  @Field(() => ID, { description: "The advisory's id." })
  id!: string;
}
