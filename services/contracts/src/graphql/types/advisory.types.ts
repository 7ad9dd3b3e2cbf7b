import { Directive, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';

export enum AdvisorySeverityEnum {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
  CRITICAL = 'CRITICAL',
}
registerEnumType(AdvisorySeverityEnum, {
  name: 'AdvisorySeverity',
  description: 'How serious a security advisory is (R-NTF-2).',
  valuesConfig: {
    LOW: { description: 'Little risk; fix in the ordinary course.' },
    MEDIUM: { description: 'A real risk under some conditions.' },
    HIGH: { description: 'A serious risk to the customer systems or data.' },
    CRITICAL: { description: 'Exploitable now with grave consequences.' },
  },
});

@ObjectType('AdvisoryRecipient', {
  description: 'A contact an advisory was addressed to, individually by e-mail and in the portal (R-NTF-2).',
})
export class AdvisoryRecipient {
  @Field(() => ID, { description: "The contact's id." })
  contactId!: string;

  @Field(() => ID, { description: "The contact's organization." })
  organizationId!: string;

  @Field(() => String, { description: "The contact's name when the advisory was published." })
  fullName!: string;

  @Field(() => String, { description: 'The address the advisory went to.' })
  email!: string;
}

@Directive('@key(fields: "id")')
@ObjectType('Advisory', {
  description:
    'A security advisory about a product (R-NTF-2): every contact of every customer with a contract in force for the product is told alone; the fix is due within 3 days of discovery (R-SLA-6, seed 001 §8-9).',
})
export class Advisory {
  @Field(() => ID, { description: "The advisory's id." })
  id!: string;

  @Field(() => String, { description: 'The product affected.' })
  product!: string;

  @Field(() => String, { description: 'A one-line title (the e-mail subject).' })
  title!: string;

  @Field(() => String, { description: 'What was found and what to do until the fix (the e-mail text).' })
  body!: string;

  @Field(() => AdvisorySeverityEnum, { description: 'How serious it is.' })
  severity!: AdvisorySeverityEnum;

  @Field(() => Date, { description: 'When the problem was discovered: the fix clock starts here (R-SLA-6).' })
  discoveredAt!: Date;

  @Field(() => Date, {
    description:
      "When the fix is due: discovery + the shortest fix term of the affected contracts' presets (3 calendar days, 001 §8-9).",
  })
  fixDueAt!: Date;

  @Field(() => Date, { description: 'When it was published (and its recipients fixed).' })
  publishedAt!: Date;

  @Field(() => Date, { description: 'When the fix was linked (the fix clock stopped); null: not yet.', nullable: true })
  fixedAt!: Date | null;

  /** Resolved by a field resolver (the release, as the caller may see it). */
  fixedInReleaseId!: string | null;
}

@InputType('PublishAdvisoryInput', { description: 'A security advisory to publish (R-NTF-2).' })
export class PublishAdvisoryInput {
  @Field(() => String, { description: 'The product affected (1-200 characters, as contracts and releases name it).' })
  product!: string;

  @Field(() => String, { description: 'A one-line title, 1-200 characters.' })
  title!: string;

  @Field(() => String, { description: 'The text, 1-20000 characters.' })
  body!: string;

  @Field(() => AdvisorySeverityEnum, { description: 'How serious it is.' })
  severity!: AdvisorySeverityEnum;

  @Field(() => Date, { description: 'When it was discovered: not in the future, at most 30 days ago.' })
  discoveredAt!: Date;
}
