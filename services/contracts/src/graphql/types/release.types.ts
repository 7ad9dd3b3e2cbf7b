import { Directive, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';

export enum ReleaseKindEnum {
  PLANNED = 'PLANNED',
  UNPLANNED = 'UNPLANNED',
}
registerEnumType(ReleaseKindEnum, {
  valuesConfig: {
    PLANNED: { description: 'A scheduled update: "by the next planned update" targets.' },
    UNPLANNED: { description: 'An extra update: "by the next unplanned update" targets.' },
  },
  description: 'Planned (scheduled) or unplanned (hot-fix) update of a product (R-SLA-7).',
  name: 'ReleaseKind',
});

@Directive('@key(fields: "id")')
@ObjectType('Release', {
  description: "A release in a product's schedule; release-bound deadlines follow it (R-SLA-7).",
})
export class Release {
  @Field(() => ID, { description: "The release's id." })
  id!: string;

  @Field(() => String, { description: 'The product released.' })
  product!: string;

  @Field(() => ReleaseKindEnum, { description: 'PLANNED or UNPLANNED: which deadlines it resolves (R-SLA-7).' })
  kind!: ReleaseKindEnum;

  @Field(() => Date, { description: 'When it is planned (UTC); moving it moves the deadlines bound to it.' })
  plannedAt!: Date;

  @Field(() => String, { description: 'Version label, e.g. 3.1.2 (optional).', nullable: true })
  version!: string | null;

  @Field(() => Date, {
    description: 'When the release went out (publishRelease; its customers were told); null: only scheduled.',
    nullable: true,
  })
  publishedAt!: Date | null;
}

@InputType('ScheduleReleaseInput', { description: 'A product release on the release schedule (R-SLA-7).' })
export class ScheduleReleaseInput {
  @Field(() => String, { description: 'The product.' })
  product!: string;

  @Field(() => ReleaseKindEnum, { description: 'PLANNED or UNPLANNED.' })
  kind!: ReleaseKindEnum;

  @Field(() => Date, { description: 'When it is planned (within ten years).' })
  plannedAt!: Date;

  @Field(() => String, { description: 'Version label (optional).', nullable: true })
  version?: string | null;
}
