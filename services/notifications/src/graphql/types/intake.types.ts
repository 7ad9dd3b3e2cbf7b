import { connectionType } from '@reglament/shared/platform';
import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('EmailIntakeResult', { description: 'What became of an inbound e-mail (docs/email.md).' })
export class EmailIntakeResult {
  @Field(() => ID, {
    description: 'The intake record of the mail (null when it was refused before being recorded).',
    nullable: true,
  })
  intakeId!: string | null;

  @Field(() => Boolean, {
    description:
      'A ticket was registered (or requested: its number may still be pending) for a registered contact (R-TKT-4).',
  })
  registered!: boolean;

  @Field(() => ID, { description: 'The ticket registered or replied to.', nullable: true })
  ticketId!: string | null;

  @Field(() => String, {
    description: 'Its number, when known within a few seconds (else it reaches the sender by e-mail, R-TKT-1).',
    nullable: true,
  })
  ticketNumber!: string | null;

  @Field(() => Boolean, {
    description: 'A reply was added to its ticket as a public message (R-TKT-9 answer when awaited).',
  })
  messageAdded!: boolean;

  @Field(() => String, {
    description:
      "The organization's address the mail was forwarded to (a sender of its domain who is not a registered contact).",
    nullable: true,
  })
  forwardedTo!: string | null;

  @Field(() => Boolean, { description: 'The sender is unknown: the mail waits in quarantine (emailQuarantine).' })
  quarantined!: boolean;

  @Field(() => Boolean, { description: 'The same Message-ID was taken before: nothing new happened.' })
  duplicate!: boolean;

  @Field(() => String, { description: 'Why, in words.', nullable: true })
  reason!: string | null;
}

@ObjectType('QuarantinedEmail', {
  description: 'An e-mail from an unknown sender, waiting for an administrator (R-TKT-4).',
})
export class QuarantinedEmail {
  @Field(() => ID, { description: 'Its id (for releaseQuarantinedEmail / dropQuarantinedEmail).' })
  id!: string;

  @Field(() => String, { description: 'The sender address.' })
  sender!: string;

  @Field(() => String, { description: 'The subject.' })
  subject!: string;

  @Field(() => String, { description: 'Its Message-ID.' })
  messageId!: string;

  @Field(() => Int, { description: 'Size of the raw mail in bytes.' })
  size!: number;

  @Field(() => String, { description: 'Why it is in quarantine.' })
  reason!: string;

  @Field(() => Date, { description: 'When it was received (UTC).' })
  receivedAt!: Date;
}

export const QuarantinedEmailConnection = connectionType(QuarantinedEmail, 'QuarantinedEmail');
