import { connectionType, DateScalar } from '@reglament/shared/platform';
import { Directive, Field, Float, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';

export enum ContractStatusEnum {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(ContractStatusEnum, {
  valuesConfig: {
    DRAFT: { description: 'Before its start date: no support yet.' },
    ACTIVE: { description: 'In force: tickets may be registered (R-CON-1).' },
    SUSPENDED: { description: 'Suspended by hand, or while a contract-wide prerequisite has lapsed: no new tickets.' },
    EXPIRED: { description: 'From midnight after its end date (contract zone).' },
  },
  name: 'ContractStatus',
  description:
    'DRAFT before the start date; ACTIVE; SUSPENDED by hand or while a contract-wide prerequisite has lapsed (R-CON-1); ' +
    "EXPIRED after the end date (inclusive), in the contract's zone.",
});

@ObjectType('Prerequisite', {
  description: 'What must stay valid for support to be given (R-CON-1), e.g. a 1C:ITS subscription.',
})
export class Prerequisite {
  @Field(() => String, { description: 'What kind, e.g. ITS (1C:ITS subscription) or UPDATES (update access).' })
  kind!: string;

  @Field(() => String, { description: 'What it is, in words.' })
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

@InputType('PrerequisiteInput', { description: 'What must stay valid for support (R-CON-1).' })
export class PrerequisiteInput {
  @Field(() => String, { description: 'e.g. ITS, UPDATES' })
  kind!: string;

  @Field(() => String, { description: 'What it is, in words (optional).', nullable: true })
  description?: string | null;

  @Field(() => DateScalar, {
    description: 'Valid through this date (contract zone); null: open-ended.',
    nullable: true,
  })
  validUntil?: string | null;

  @Field(() => String, {
    description: "Only this product's support depends on it; null: the whole contract.",
    nullable: true,
  })
  product?: string | null;
}

@ObjectType('Customization', {
  description: 'R-CON-7: customisation work priced by the hour, capped at a share of the total value.',
})
export class Customization {
  @Field(() => Float, { description: 'Price of an hour of customisation work; null: not set.', nullable: true })
  hourlyRate!: number | null;

  @Field(() => Float, {
    description: "The cap as a share of the contract's total value, in percent (15 by default, R-CON-7).",
  })
  capPercent!: number;

  @Field(() => Float, { nullable: true, description: 'capPercent of totalValue; null without a total value (no cap).' })
  capAmount!: number | null;

  @Field(() => Float, { description: 'Customisation priced so far (minutes x hourlyRate / 60).' })
  spentAmount!: number;

  @Field(() => Float, { description: 'capAmount minus spentAmount; null without a cap.', nullable: true })
  remainingAmount!: number | null;
}

@ObjectType('SupportContacts', {
  description:
    'Where the customer reaches the provider (seed 001): the main line, backup numbers, the support e-mail, the portal.',
})
export class SupportContactsType {
  @Field(() => String, { nullable: true, description: 'The main support line.' })
  mainPhone!: string | null;

  @Field(() => [String], { description: 'Backup numbers (e.g. first-line mobiles).' })
  backupPhones!: string[];

  @Field(() => String, { nullable: true, description: 'The support e-mail address.' })
  email!: string | null;

  @Field(() => String, { nullable: true, description: "The support portal's address." })
  portalUrl!: string | null;

  @Field(() => String, { description: "PRESET: as the preset's seed says; CONTRACT: set for this contract." })
  source!: string;
}

@InputType('SupportContactsInput', { description: "The provider's contact points for one contract (seed 001)." })
export class SupportContactsInput {
  @Field(() => String, { nullable: true, description: 'The main line: 5-40 digits, spaces, +, ( ) and -.' })
  mainPhone?: string | null;

  @Field(() => [String], { nullable: true, description: 'At most 5 backup numbers.' })
  backupPhones?: string[] | null;

  @Field(() => String, { nullable: true, description: 'The support e-mail address.' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'The portal, an http(s) URL of at most 500 characters.' })
  portalUrl?: string | null;
}

@Directive('@key(fields: "id")')
@ObjectType('Contract', { description: 'A support contract: the regulation (preset) a customer is served under.' })
export class Contract {
  @Field(() => ID, { description: "The contract's id." })
  id!: string;

  @Field(() => String, { description: "The contract's number, as the parties write it." })
  number!: string;

  @Field(() => ID, { description: 'The customer organization.' })
  organizationId!: string;

  @Field(() => ContractStatusEnum, {
    description: "DRAFT, ACTIVE, SUSPENDED or EXPIRED, as of today in the contract's zone (R-CON-1).",
  })
  status!: ContractStatusEnum;

  @Field(() => DateScalar, { description: 'The first day of the contract (inclusive, contract zone).' })
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

  @Field(() => Float, {
    description: 'Total value of the contract; the customisation cap is a share of it (R-CON-7). Null: none given.',
    nullable: true,
  })
  totalValue!: number | null;

  @Field(() => [String], { description: 'Products covered; empty: every product.' })
  products!: string[];

  @Field(() => [Prerequisite], { description: 'What must stay valid for support under this contract (R-CON-1).' })
  prerequisites!: Prerequisite[];

  @Field(() => Boolean, { description: 'Warranty support (R-CON-1, 000): at most 12 months.' })
  warranty!: boolean;

  @Field(() => String, {
    description: 'Why it is suspended (by hand or a lapsed prerequisite); null unless SUSPENDED.',
    nullable: true,
  })
  suspensionReason!: string | null;

  @Field(() => [DateScalar], { description: "Days off added to the preset's calendar." })
  holidays!: string[];

  @Field(() => SupportContactsType, {
    description: "Where the customer reaches the provider (seed 001): the contract's own, else its preset's.",
  })
  supportContacts!: SupportContactsType;

  @Field(() => Date, { description: 'When the contract was recorded (UTC).' })
  createdAt!: Date;
}

export const ContractConnection = connectionType(Contract, 'Contract');

@InputType('ContractFilter', {
  description: "Which contracts to list; a customer always sees its own organization's only.",
})
export class ContractFilter {
  @Field(() => ID, { description: "Only this organization's contracts.", nullable: true })
  organizationId?: string | null;

  @Field(() => [ContractStatusEnum], { description: 'Only contracts in one of these statuses.', nullable: true })
  status?: ContractStatusEnum[] | null;

  @Field(() => String, { description: 'Only contracts under this preset, e.g. kz-supplier.', nullable: true })
  preset?: string | null;
}

@InputType('CreateContractInput', {
  description: 'A new contract with a customer organization under one of the five presets.',
})
export class CreateContractInput {
  @Field(() => ID, { description: 'The customer organization.' })
  organizationId!: string;

  @Field(() => String, { description: "The contract's number, as the parties write it." })
  number!: string;

  @Field(() => String, {
    description: 'One of the presets: imc-typical, asmo, altec-8x5x4, kz-supplier, infocraft-365.',
  })
  preset!: string;

  @Field(() => DateScalar, { description: "First day (inclusive), in the contract's zone." })
  startsOn!: string;

  @Field(() => DateScalar, { description: 'Last day (inclusive), not before startsOn.' })
  endsOn!: string;

  @Field(() => Float, { description: 'Total value; needed for the customisation cap (R-CON-7).', nullable: true })
  totalValue?: number | null;

  @Field(() => [String], { description: 'Products covered; omitted or empty: every product.', nullable: true })
  products?: string[] | null;

  @Field(() => String, { nullable: true, description: "R-CON-8, e.g. 8x5x4 or 24x7 (default: the preset's)." })
  coverage?: string | null;

  @Field(() => [PrerequisiteInput], {
    description: 'What must stay valid for support (R-CON-1), e.g. a 1C:ITS subscription for infocraft-365.',
    nullable: true,
  })
  prerequisites?: PrerequisiteInput[] | null;

  @Field(() => Boolean, {
    description: "Warranty support (R-CON-1): the contract may then last at most the preset's warranty months (12).",
    nullable: true,
  })
  warranty?: boolean | null;

  @Field(() => Float, { nullable: true, description: 'R-CON-7: price of an hour of customisation work.' })
  customizationHourlyRate?: number | null;

  @Field(() => Float, { nullable: true, description: 'R-CON-7: cap as percent of totalValue (default 15).' })
  customizationCapPercent?: number | null;

  @Field(() => [DateScalar], {
    description: "Extra days off on top of the preset's calendar (kz-supplier: the contract lists its own).",
    nullable: true,
  })
  holidays?: string[] | null;

  @Field(() => SupportContactsInput, {
    nullable: true,
    description: "The provider's contact points for this contract (seed 001); omitted: the preset's.",
  })
  supportContacts?: SupportContactsInput | null;

  @Field(() => String, {
    nullable: true,
    description:
      "R-CON-8: the contract's own IANA zone, e.g. Asia/Yekaterinburg (default: the preset's); its calendar's hours " +
      'and its prepaid months are in this zone.',
  })
  timeZone?: string | null;
}

@InputType('UpdateContractInput', { description: 'Changes to a contract; omitted fields stay.' })
export class UpdateContractInput {
  @Field(() => String, { description: 'New number.', nullable: true })
  number?: string | null;

  @Field(() => DateScalar, { description: 'New first day (contract zone).', nullable: true })
  startsOn?: string | null;

  @Field(() => DateScalar, { description: 'New last day (inclusive).', nullable: true })
  endsOn?: string | null;

  @Field(() => Float, { description: 'New total value.', nullable: true })
  totalValue?: number | null;

  @Field(() => [String], { description: 'New list of products covered.', nullable: true })
  products?: string[] | null;

  @Field(() => String, {
    description: 'New coverage (R-CON-8), e.g. 24x7 or 8x5x4; clocks are recomputed.',
    nullable: true,
  })
  coverage?: string | null;

  @Field(() => [PrerequisiteInput], {
    description: 'New prerequisites (R-CON-1), replacing the old ones.',
    nullable: true,
  })
  prerequisites?: PrerequisiteInput[] | null;

  @Field(() => Boolean, { description: 'Warranty support on or off.', nullable: true })
  warranty?: boolean | null;

  @Field(() => Float, { description: 'New price of an hour of customisation.', nullable: true })
  customizationHourlyRate?: number | null;

  @Field(() => Float, { description: 'New cap, percent of the total value (R-CON-7).', nullable: true })
  customizationCapPercent?: number | null;

  @Field(() => [DateScalar], { description: 'New list of extra days off.', nullable: true })
  holidays?: string[] | null;

  @Field(() => SupportContactsInput, {
    nullable: true,
    description: "New contact points of the provider for this contract (seed 001); null: back to the preset's.",
  })
  supportContacts?: SupportContactsInput | null;

  @Field(() => String, {
    nullable: true,
    description: "R-CON-8: the contract's own IANA zone; null: back to the preset's.",
  })
  timeZone?: string | null;
}
