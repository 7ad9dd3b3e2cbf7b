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
  valuesConfig: {
    FREE: { description: 'Free of charge (R-CON-5).' },
    NORM: { description: 'Debited by a fixed norm time (R-CON-4).' },
    PER_MINUTE: { description: 'Debited per minute from prepaid time (R-CON-3).' },
    PROJECT: { description: 'Priced as a project (agreed scope, customisation, R-CON-7).' },
  },
  name: 'ServiceBilling',
  description:
    'FREE (R-CON-5), NORM time (R-CON-4), PER_MINUTE (R-CON-3), PROJECT (agreed scope / customisation, R-CON-7).',
});

@ObjectType('CategoryLabel', { description: "A preset's own name for a category (R-TKT-6)." })
export class CategoryLabel {
  @Field(() => CategoryEnum, { description: "The product's category." })
  category!: Category;

  @Field(() => String, {
    description: "The preset's own name for it, as the seed writes it (e.g. Инцидент for ERROR in 002).",
  })
  label!: string;
}

@ObjectType('PresetTicketField', {
  description:
    'A registration field a preset adds to its tickets (R-TKT-5), e.g. seed 002 "Переработчик профиля Exprof".',
})
export class PresetTicketField {
  @Field(() => String, { description: 'The name clients send in RegisterTicketInput.customFields.' })
  name!: string;

  @Field(() => String, { description: 'The label in Russian, as the seed says it.' })
  labelRu!: string;

  @Field(() => String, { description: 'The label in English.' })
  labelEn!: string;

  @Field(() => String, { description: 'STRING (any text) or NUMBER (a decimal number).' })
  type!: string;

  @Field(() => Boolean, { description: 'Registration is refused without it.' })
  required!: boolean;

  @Field(() => Int, { description: 'The longest value accepted, in characters.' })
  maxLength!: number;
}

@ObjectType('Preset', { description: 'A regulation that ships with the product (one of the five seeds).' })
export class Preset {
  @Field(() => String, {
    description: "The preset's id: imc-typical, asmo, altec-8x5x4, kz-supplier or infocraft-365.",
  })
  id!: string;

  @Field(() => [PresetTicketField], {
    description: 'The registration fields the preset adds to its tickets (Ticket.customFields); empty: none.',
  })
  ticketFields!: PresetTicketField[];

  @Field(() => String, { description: 'Name of the regulation (Russian, with an English gloss).' })
  name!: string;

  @Field(() => String, { description: 'The seed document it comes from, e.g. 000.' })
  seed!: string;

  @Field(() => String, { description: 'The vendor whose regulation it is.' })
  vendor!: string;

  @Field(() => String, { description: "What it says, and how it reads the seed's silent or ambiguous parts." })
  description!: string;

  @Field(() => [String], { description: 'Readings of ambiguous tables and assumptions where the seed is silent.' })
  readings!: string[];

  @Field(() => String, { description: "The SLA service's business calendar id." })
  calendarId!: string;

  @Field(() => String, { description: 'IANA zone of its calendar, e.g. Europe/Moscow, Asia/Almaty.' })
  timeZone!: string;

  @Field(() => String, {
    description: 'Its working hours in words, e.g. "Mon-Fri 09:00-18:00 Europe/Moscow, production calendar".',
  })
  workingHours!: string;

  @Field(() => String, { description: 'R-CON-8 coverage of a new contract.' })
  defaultCoverage!: string;

  @Field(() => Boolean, { description: 'Hour packages (R-CON-3) are part of this regulation.' })
  prepaidTime!: boolean;

  @Field(() => Int, {
    description: 'Guaranteed reaction of a new hour package, in working minutes (infocraft-365: 240); null: none.',
    nullable: true,
  })
  defaultReactionWorkingMinutes!: number | null;

  @Field(() => Int, { description: "Customisation cap, percent of the contract's total value (R-CON-7)." })
  customizationCapPercent!: number;

  @Field(() => Int, {
    description: 'Longest warranty support in months (R-CON-1); null: no warranty rule.',
    nullable: true,
  })
  warrantyMaxMonths!: number | null;

  @Field(() => [CategoryLabel], { description: "The seed's own names of the three categories (R-TKT-6)." })
  categoryLabels!: CategoryLabel[];

  @Field(() => [String], { description: 'Names of priorities Urgent, High, Normal, Low in the seed.' })
  priorityLabels!: string[];

  @Field(() => [String], { description: 'What must stay valid for support (R-CON-1).' })
  prerequisites!: string[];
}

@ObjectType('ServiceItem', { description: 'An item of the service catalog (R-CON-2) and how its work is billed.' })
export class ServiceItem {
  @Field(() => String, { description: 'Catalog code, e.g. 3.2 (seed 000), AL.2 (seed 002) or IC.3 (seed 004).' })
  code!: string;

  @Field(() => String, { description: 'The seed whose catalog it belongs to: 000, 002 or 004.' })
  seed!: string;

  @Field(() => String, { description: 'Name as the seed writes it (Russian).' })
  name!: string;

  @Field(() => String, { description: 'Name in English.' })
  nameEn!: string;

  @Field(() => String, { description: 'What the customer gets, if the seed says.', nullable: true })
  result!: string | null;

  @Field(() => ServiceBillingEnum, { description: 'How it is billed.' })
  billing!: ServiceBillingEnum;

  @Field(() => Int, { nullable: true, description: 'Norm time debited whatever the actual time (R-CON-4).' })
  normMinutes!: number | null;

  @Field(() => Boolean, { description: 'Free of charge (R-CON-5).' })
  free!: boolean;

  @Field(() => String, { description: 'Where the billing and the norm come from.' })
  source!: string;
}
