import type { TicketTransition } from '@reglament/shared/domain';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { TicketChangeKind } from '../../domain/changes';
import { TicketHistoryTypeEnum, TicketTransitionEnum } from './enums';

@ObjectType('Message', { description: 'A message in a ticket: public, or internal (provider staff only).' })
export class Message {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  ticketId!: string;

  @Field(() => String)
  body!: string;

  @Field(() => Boolean, { description: 'Internal notes are never shown to the customer.' })
  internal!: boolean;

  @Field(() => Boolean, { description: 'Written by provider staff (a public one is a response to the customer).' })
  fromProvider!: boolean;

  @Field(() => ID, { nullable: true })
  authorId!: string | null;

  @Field(() => String, { description: 'CUSTOMER, DISPATCHER, ENGINEER, ADMIN or SYSTEM' })
  authorRole!: string;

  @Field(() => String, { nullable: true })
  authorName!: string | null;

  @Field(() => TicketTransitionEnum, {
    nullable: true,
    description: 'The move the message came with (question, answer, solution, remarks).',
  })
  transition!: TicketTransition | null;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType('TicketHistoryEntry', {
  description: 'One recorded change (R-TKT-13): who, when, what, before and after.',
})
export class TicketHistoryEntry {
  @Field(() => ID)
  id!: string;

  @Field(() => Date)
  at!: Date;

  @Field(() => String, { description: 'Who made the change, for display: "Name (ROLE)".' })
  actor!: string;

  @Field(() => ID, { nullable: true })
  actorId!: string | null;

  @Field(() => String, { description: 'CUSTOMER, DISPATCHER, ENGINEER, ADMIN, PARTNER or SYSTEM' })
  actorRole!: string;

  @Field(() => String, { nullable: true })
  actorName!: string | null;

  @Field(() => TicketHistoryTypeEnum)
  type!: TicketChangeKind;

  @Field(() => TicketTransitionEnum, { nullable: true })
  transition!: TicketTransition | null;

  @Field(() => String, { nullable: true, description: 'The value before (a status, priority, assignee id, date).' })
  from!: string | null;

  @Field(() => String, { nullable: true, description: 'The value after.' })
  to!: string | null;

  @Field(() => String, { nullable: true, description: 'The text that went with it (question, answer, comment).' })
  note!: string | null;

  @Field(() => String, { nullable: true, description: 'Close reason or the reason given for a change.' })
  reason!: string | null;

  @Field(() => Int, { description: 'The ticket version this change produced.' })
  version!: number;
}

@ObjectType('Attachment', { description: 'A file attached to a ticket (R-TKT-5).' })
export class Attachment {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  ticketId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  contentType!: string;

  @Field(() => Int, { description: 'Bytes.' })
  size!: number;

  @Field(() => String, { description: 'SHA-256 of the content, hex.' })
  sha256!: string;

  @Field(() => Boolean)
  internal!: boolean;

  @Field(() => Date)
  uploadedAt!: Date;

  @Field(() => String, { description: '"Name (ROLE)"' })
  uploadedBy!: string;
}
