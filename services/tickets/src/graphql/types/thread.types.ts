import type { TicketTransition } from '@reglament/shared/domain';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { TicketChangeKind } from '../../domain/changes';
import { TicketHistoryTypeEnum, TicketTransitionEnum } from './enums';

@ObjectType('Message', { description: 'A message in a ticket: public, or internal (provider staff only).' })
export class Message {
  @Field(() => ID, { description: "The message's id." })
  id!: string;

  @Field(() => ID, { description: 'The ticket it belongs to.' })
  ticketId!: string;

  @Field(() => String, { description: 'The text, plain; control characters are shown as <U+XXXX>.' })
  body!: string;

  @Field(() => Boolean, { description: 'Internal notes are never shown to the customer.' })
  internal!: boolean;

  @Field(() => Boolean, { description: 'Written by provider staff (a public one is a response to the customer).' })
  fromProvider!: boolean;

  @Field(() => ID, { description: 'Who wrote it: a contact or staff id; null for the system.', nullable: true })
  authorId!: string | null;

  @Field(() => String, { description: 'CUSTOMER, DISPATCHER, ENGINEER, ADMIN or SYSTEM' })
  authorRole!: string;

  @Field(() => String, { description: "The author's name at the time, for display.", nullable: true })
  authorName!: string | null;

  @Field(() => TicketTransitionEnum, {
    nullable: true,
    description: 'The move the message came with (question, answer, solution, remarks).',
  })
  transition!: TicketTransition | null;

  @Field(() => Date, { description: 'When it was written (UTC).' })
  createdAt!: Date;
}

@ObjectType('TicketHistoryEntry', {
  description: 'One recorded change (R-TKT-13): who, when, what, before and after.',
})
export class TicketHistoryEntry {
  @Field(() => ID, { description: "The entry's id." })
  id!: string;

  @Field(() => Date, { description: 'When it happened (UTC).' })
  at!: Date;

  @Field(() => String, { description: 'Who made the change, for display: "Name (ROLE)".' })
  actor!: string;

  @Field(() => ID, { description: 'Who: a contact or staff id; null for the system.', nullable: true })
  actorId!: string | null;

  @Field(() => String, { description: 'CUSTOMER, DISPATCHER, ENGINEER, ADMIN, PARTNER or SYSTEM' })
  actorRole!: string;

  @Field(() => String, { description: "The actor's name at the time.", nullable: true })
  actorName!: string | null;

  @Field(() => TicketHistoryTypeEnum, { description: 'What happened.' })
  type!: TicketChangeKind;

  @Field(() => TicketTransitionEnum, {
    description: 'For status moves: which move of the transition table.',
    nullable: true,
  })
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
  @Field(() => ID, { description: "The attachment's id." })
  id!: string;

  @Field(() => ID, { description: 'The ticket the file belongs to.' })
  ticketId!: string;

  @Field(() => String, { description: 'File name as uploaded.' })
  name!: string;

  @Field(() => String, { description: 'MIME type as uploaded, e.g. application/pdf.' })
  contentType!: string;

  @Field(() => Int, { description: 'Bytes.' })
  size!: number;

  @Field(() => String, { description: 'SHA-256 of the content, hex.' })
  sha256!: string;

  @Field(() => Boolean, { description: 'True for a provider-internal file: visible to staff only.' })
  internal!: boolean;

  @Field(() => Date, { description: 'When it was uploaded (UTC).' })
  uploadedAt!: Date;

  @Field(() => String, { description: '"Name (ROLE)"' })
  uploadedBy!: string;
}
