import { DateScalar } from '@reglament/shared';
import { Directive, Field, Float, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';

export enum ContractStatusEnum {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(ContractStatusEnum, { name: 'ContractStatus' });

@Directive('@key(fields: "id")')
@ObjectType('Organization', { description: 'A customer organization.' })
export class Organization {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  email!: string;

  @Field(() => [String])
  emailDomains!: string[];
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

  @Field(() => DateScalar)
  endsOn!: string;

  @Field(() => String, { description: 'The preset (regulation) id, e.g. imc-typical.' })
  preset!: string;

  @Field(() => Float, { nullable: true })
  totalValue!: number | null;

  @Field(() => [String])
  products!: string[];
}

@InputType('CreateOrganizationInput')
export class CreateOrganizationInput {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  email!: string;

  @Field(() => [String], { nullable: true })
  emailDomains?: string[] | null;
}

@InputType('CreateContractInput')
export class CreateContractInput {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => String)
  number!: string;

  @Field(() => String)
  preset!: string;

  @Field(() => DateScalar)
  startsOn!: string;

  @Field(() => DateScalar)
  endsOn!: string;

  @Field(() => Float, { nullable: true })
  totalValue?: number | null;

  @Field(() => [String], { nullable: true })
  products?: string[] | null;
}
