import { Directive, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';

export enum ReleaseKindEnum {
  PLANNED = 'PLANNED',
  UNPLANNED = 'UNPLANNED',
}
registerEnumType(ReleaseKindEnum, { name: 'ReleaseKind' });

@Directive('@key(fields: "id")')
@ObjectType('Release', {
  description: "A release in a product's schedule; release-bound deadlines follow it (R-SLA-7).",
})
export class Release {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  product!: string;

  @Field(() => ReleaseKindEnum)
  kind!: ReleaseKindEnum;

  @Field(() => Date)
  plannedAt!: Date;

  @Field(() => String, { nullable: true })
  version!: string | null;
}

@InputType('ScheduleReleaseInput')
export class ScheduleReleaseInput {
  @Field(() => String)
  product!: string;

  @Field(() => ReleaseKindEnum)
  kind!: ReleaseKindEnum;

  @Field(() => Date)
  plannedAt!: Date;

  @Field(() => String, { nullable: true })
  version?: string | null;
}
