import { connectionType } from '@reglament/shared/platform';
import { Directive, Field, ID, InputType, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType('Organization', { description: 'A customer organization.' })
export class Organization {
  @Field(() => ID, { description: "The organization's id." })
  id!: string;

  @Field(() => String, { description: "The organization's name." })
  name!: string;

  @Field(() => String, { description: 'Where mail from unregistered senders is forwarded (R-TKT-4).' })
  email!: string;

  @Field(() => [String], { description: 'Mail domains of the organization (e-mail intake).' })
  emailDomains!: string[];

  @Field(() => Date, { description: 'When it was recorded (UTC).' })
  createdAt!: Date;
}

export const OrganizationConnection = connectionType(Organization, 'Organization');

@InputType('CreateOrganizationInput', { description: 'A new customer organization.' })
export class CreateOrganizationInput {
  @Field(() => String, { description: "The organization's name, one line." })
  name!: string;

  @Field(() => String, {
    description: "The organization's general address: mail from unregistered senders is forwarded there (R-TKT-4).",
  })
  email!: string;

  @Field(() => [String], {
    description: 'Mail domains of its people, e.g. ["example.com"]: how unregistered mail finds its organization.',
    nullable: true,
  })
  emailDomains?: string[] | null;
}

@InputType('UpdateOrganizationInput', { description: 'Changes to an organization; omitted fields stay.' })
export class UpdateOrganizationInput {
  @Field(() => String, { description: 'New name.', nullable: true })
  name?: string | null;

  @Field(() => String, { description: 'New general address (R-TKT-4).', nullable: true })
  email?: string | null;

  @Field(() => [String], { description: 'New mail domains.', nullable: true })
  emailDomains?: string[] | null;
}
