import { connectionType, DateScalar } from '@reglament/shared/platform';
import { Directive, Field, Float, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';

export enum ContractStatusEnum {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(ContractStatusEnum, {
  name: 'ContractStatus',
  description:
    'DRAFT before the start date; ACTIVE; SUSPENDED by hand or while a contract-wide prerequisite has lapsed (R-CON-1); ' +
    "EXPIRED after the end date (inclusive), in the contract's zone.",
});

@ObjectType('Prerequisite', {
  description: 'What must stay valid for support to be given (R-CON-1), e.g. a 1C:ITS subscription.',
})
export class Prerequisite {
  @Field(() => String)
  kind!: string;

  @Field(() => String)
  description!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Valid through this date; null: open-ended.' })
  validUntil!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Only this product's support depends on it; null: the whole contract.",
  })
  product!: string | null;

  @Field(() => Boolean, { description: "Valid today (in the contract's zone)." })
  valid!: boolean;
}

@InputType('PrerequisiteInput')
export class PrerequisiteInput {
  @Field(() => String, { description: 'e.g. ITS, UPDATES' })
  kind!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => DateScalar, { nullable: true })
  validUntil?: string | null;

  @Field(() => String, { nullable: true })
  product?: string | null;
}

@ObjectType('Customization', {
  description: 'R-CON-7: customisation work priced by the hour, capped at a share of the total value.',
})
export class Customization {
  @Field(() => Float, { nullable: true })
  hourlyRate!: number | null;

  @Field(() => Float)
  capPercent!: number;

  @Field(() => Float, { nullable: true, description: 'capPercent of totalValue; null without a total value (no cap).' })
  capAmount!: number | null;

  @Field(() => Float)
  spentAmount!: number;

  @Field(() => Float, { nullable: true })
  remainingAmount!: number | null;
}

@Directive('@key(fields: "id")')
@ObjectType('Contract', { description: 'A support contract: the regulation (preset) a customer is served under.' })
export class Contract {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  number!: string;

  @Field(() => ID)
  organizationId!: string;

  @Field(() => ContractStatusEnum)
  status!: ContractStatusEnum;

  @Field(() => DateScalar)
  startsOn!: string;

  @Field(() => DateScalar, { description: 'The last day of the contract (inclusive).' })
  endsOn!: string;

  @Field(() => String, { description: 'The preset (regulation) id, e.g. imc-typical.' })
  preset!: string;

  @Field(() => String, {
    description:
      "IANA zone of the contract's dates, its calendar's hours and prepaid months (the preset's unless named).",
  })
  timeZone!: string;

  @Field(() => String, { description: 'R-CON-8: hours a day x days a week [x hours to the answer for priority 1].' })
  coverage!: string;

  @Field(() => Float, { nullable: true })
  totalValue!: number | null;

  @Field(() => [String])
  products!: string[];

  @Field(() => [Prerequisite])
  prerequisites!: Prerequisite[];

  @Field(() => Boolean, { description: 'Warranty support (R-CON-1, 000): at most 12 months.' })
  warranty!: boolean;

  @Field(() => String, { nullable: true })
  suspensionReason!: string | null;

  @Field(() => [DateScalar], { description: "Days off added to the preset's calendar." })
  holidays!: string[];

  @Field(() => Date)
  createdAt!: Date;
}

export const ContractConnection = connectionType(Contract, 'Contract');

@InputType('ContractFilter')
export class ContractFilter {
  @Field(() => ID, { nullable: true })
  organizationId?: string | null;

  @Field(() => [ContractStatusEnum], { nullable: true })
  status?: ContractStatusEnum[] | null;

  @Field(() => String, { nullable: true })
  preset?: string | null;
}

@InputType('CreateContractInput')
export class CreateContractInput {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => String)
  number!: string;

  @Field(() => String, {
    description: 'One of the presets: imc-typical, asmo, altec-8x5x4, kz-supplier, infocraft-365.',
  })
  preset!: string;

  @Field(() => DateScalar)
  startsOn!: string;

  @Field(() => DateScalar)
  endsOn!: string;

  @Field(() => Float, { nullable: true })
  totalValue?: number | null;

  @Field(() => [String], { nullable: true })
  products?: string[] | null;

  @Field(() => String, { nullable: true, description: "R-CON-8, e.g. 8x5x4 or 24x7 (default: the preset's)." })
  coverage?: string | null;

  @Field(() => [PrerequisiteInput], { nullable: true })
  prerequisites?: PrerequisiteInput[] | null;

  @Field(() => Boolean, { nullable: true })
  warranty?: boolean | null;

  @Field(() => Float, { nullable: true, description: 'R-CON-7: price of an hour of customisation work.' })
  customizationHourlyRate?: number | null;

  @Field(() => Float, { nullable: true, description: 'R-CON-7: cap as percent of totalValue (default 15).' })
  customizationCapPercent?: number | null;

  @Field(() => [DateScalar], { nullable: true })
  holidays?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description:
      "R-CON-8: the contract's own IANA zone, e.g. Asia/Yekaterinburg (default: the preset's); its calendar's hours " +
      'and its prepaid months are in this zone.',
  })
  timeZone?: string | null;
}

@InputType('UpdateContractInput')
export class UpdateContractInput {
  @Field(() => String, { nullable: true })
  number?: string | null;

  @Field(() => DateScalar, { nullable: true })
  startsOn?: string | null;

  @Field(() => DateScalar, { nullable: true })
  endsOn?: string | null;

  @Field(() => Float, { nullable: true })
  totalValue?: number | null;

  @Field(() => [String], { nullable: true })
  products?: string[] | null;

  @Field(() => String, { nullable: true })
  coverage?: string | null;

  @Field(() => [PrerequisiteInput], { nullable: true })
  prerequisites?: PrerequisiteInput[] | null;

  @Field(() => Boolean, { nullable: true })
  warranty?: boolean | null;

  @Field(() => Float, { nullable: true })
  customizationHourlyRate?: number | null;

  @Field(() => Float, { nullable: true })
  customizationCapPercent?: number | null;

  @Field(() => [DateScalar], { nullable: true })
  holidays?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: "R-CON-8: the contract's own IANA zone; null: back to the preset's.",
  })
  timeZone?: string | null;
}
