import { type Category } from '@reglament/shared/domain';
import { CategoryEnum } from '@reglament/shared/platform';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum ServiceBillingEnum {
  FREE = 'FREE',
  NORM = 'NORM',
  PER_MINUTE = 'PER_MINUTE',
  PROJECT = 'PROJECT',
}
registerEnumType(ServiceBillingEnum, {
  name: 'ServiceBilling',
  description:
    'FREE (R-CON-5), NORM time (R-CON-4), PER_MINUTE (R-CON-3), PROJECT (agreed scope / customisation, R-CON-7).',
});

@ObjectType('CategoryLabel', { description: "A preset's own name for a category (R-TKT-6)." })
export class CategoryLabel {
  @Field(() => CategoryEnum)
  category!: Category;

  @Field(() => String)
  label!: string;
}

@ObjectType('Preset', { description: 'A regulation that ships with the product (one of the five seeds).' })
export class Preset {
  @Field(() => String)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'The seed document it comes from, e.g. 000.' })
  seed!: string;

  @Field(() => String)
  vendor!: string;

  @Field(() => String, { description: "What it says, and how it reads the seed's silent or ambiguous parts." })
  description!: string;

  @Field(() => [String], { description: 'Readings of ambiguous tables and assumptions where the seed is silent.' })
  readings!: string[];

  @Field(() => String, { description: "The SLA service's business calendar id." })
  calendarId!: string;

  @Field(() => String)
  timeZone!: string;

  @Field(() => String)
  workingHours!: string;

  @Field(() => String, { description: 'R-CON-8 coverage of a new contract.' })
  defaultCoverage!: string;

  @Field(() => Boolean, { description: 'Hour packages (R-CON-3) are part of this regulation.' })
  prepaidTime!: boolean;

  @Field(() => Int, { nullable: true })
  defaultReactionWorkingMinutes!: number | null;

  @Field(() => Int)
  customizationCapPercent!: number;

  @Field(() => Int, { nullable: true })
  warrantyMaxMonths!: number | null;

  @Field(() => [CategoryLabel])
  categoryLabels!: CategoryLabel[];

  @Field(() => [String], { description: 'Names of priorities Urgent, High, Normal, Low in the seed.' })
  priorityLabels!: string[];

  @Field(() => [String], { description: 'What must stay valid for support (R-CON-1).' })
  prerequisites!: string[];
}

@ObjectType('ServiceItem', { description: 'An item of the service catalog (R-CON-2) and how its work is billed.' })
export class ServiceItem {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  seed!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  nameEn!: string;

  @Field(() => String, { nullable: true })
  result!: string | null;

  @Field(() => ServiceBillingEnum)
  billing!: ServiceBillingEnum;

  @Field(() => Int, { nullable: true, description: 'Norm time debited whatever the actual time (R-CON-4).' })
  normMinutes!: number | null;

  @Field(() => Boolean, { description: 'Free of charge (R-CON-5).' })
  free!: boolean;

  @Field(() => String, { description: 'Where the billing and the norm come from.' })
  source!: string;
}
