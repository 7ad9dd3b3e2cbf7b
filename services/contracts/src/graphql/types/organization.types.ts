import { connectionType } from '@reglament/shared/platform';
import { Directive, Field, ID, InputType, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType('Organization', { description: 'A customer organization.' })
export class Organization {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'Where mail from unregistered senders is forwarded (R-TKT-4).' })
  email!: string;

  @Field(() => [String], { description: 'Mail domains of the organization (e-mail intake).' })
  emailDomains!: string[];

  @Field(() => Date)
  createdAt!: Date;
}

export const OrganizationConnection = connectionType(Organization, 'Organization');

@InputType('CreateOrganizationInput')
export class CreateOrganizationInput {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  email!: string;

  @Field(() => [String], { nullable: true })
  emailDomains?: string[] | null;
}

@InputType('UpdateOrganizationInput')
export class UpdateOrganizationInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => [String], { nullable: true })
  emailDomains?: string[] | null;
}
