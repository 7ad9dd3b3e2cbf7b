import {
  type Category,
  type Channel,
  type Priority,
  type TicketKind,
  type TicketStatus,
} from '@reglament/shared/domain';
import { CategoryEnum, ChannelEnum, PriorityEnum, TicketStatusEnum } from '@reglament/shared/platform';
import { Field, ID, InputType } from 'type-graphql';
import { TicketKindEnum } from './enums';

@InputType('AttachmentInput', {
  description: 'A file; GraphQL has no binary type, so the content travels base64-encoded.',
})
export class AttachmentInput {
  @Field(() => String, { description: 'File name, at most 255 characters, no path.' })
  name!: string;

  @Field(() => String, { description: 'Media type, e.g. application/pdf' })
  contentType!: string;

  @Field(() => String, { description: 'The bytes, base64 (standard alphabet, padded).' })
  contentBase64!: string;

  @Field(() => Boolean, { nullable: true, description: 'Provider staff only: hidden from the customer.' })
  internal?: boolean | null;
}

@InputType('CustomFieldInput', { description: "A value of one of the preset's own registration fields." })
export class CustomFieldInput {
  @Field(() => String, { description: "The field's name as the preset declares it, e.g. profileCustomizer." })
  name!: string;

  @Field(() => String, { description: "The value; blank means none. At most the field's length." })
  value!: string;
}

@InputType('RegisterTicketInput', {
  description: 'A new ticket (R-TKT-5): for a registered, active contact under a contract in force.',
})
export class RegisterTicketInput {
  @Field(() => ID, { description: 'The contract the request comes under (R-CON-1).' })
  contractId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The contact the ticket is for (staff and partners); a customer registers for itself.',
  })
  requesterId?: string | null;

  @Field(() => ChannelEnum, { description: 'How it came in; customers: PORTAL or API, partners: API (R-TKT-3).' })
  channel!: Channel;

  @Field(() => String, { description: 'One line, 1-300 characters.' })
  title!: string;

  @Field(() => String, { description: 'The problem, at most 20,000 characters.' })
  description!: string;

  @Field(() => CategoryEnum, { nullable: true, description: 'Expected category (R-TKT-6)' })
  category?: Category | null;

  @Field(() => PriorityEnum, { nullable: true, description: 'Expected priority (R-TKT-7)' })
  priority?: Priority | null;

  @Field(() => String, { description: 'The product it is about; must be covered by the contract.', nullable: true })
  product?: string | null;

  @Field(() => String, { nullable: true, description: 'Service catalog code (R-CON-2)' })
  serviceCode?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'PHONE: false starts a CALLBACK timer (R-TKT-3)' })
  answeredOnCall?: boolean | null;

  @Field(() => ID, {
    nullable: true,
    description: 'R-TKT-2: the ticket during whose work this new problem was found.',
  })
  linkedTicketId?: string | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'The date the customer expects the resolution by (R-TKT-5, seed 001 §2): after now, within 10 years; shown as Ticket.expectedResolutionAt.',
  })
  expectedResolutionAt?: Date | null;

  @Field(() => [CustomFieldInput], {
    nullable: true,
    description:
      'Values of the fields the preset adds (Preset.ticketFields), e.g. altec-8x5x4 profileCustomizer (seed 002 §2.2); unknown names and bad values are refused.',
  })
  customFields?: CustomFieldInput[] | null;

  @Field(() => TicketKindEnum, {
    nullable: true,
    description:
      'REQUEST (the default) or WISH: a suggestion recorded for later analysis without an SLA clock (seed 004); infocraft-365 service IC.7 is a wish by itself. DUTY is refused.',
  })
  kind?: TicketKind | null;

  @Field(() => [AttachmentInput], { nullable: true, description: 'Up to 10 files (R-TKT-5).' })
  attachments?: AttachmentInput[] | null;
}

@InputType('TriageTicketInput', { description: 'Primary analysis done (R-TKT-8).' })
export class TriageTicketInput {
  @Field(() => CategoryEnum, { description: 'ERROR, SUPPORT or IMPROVEMENT (R-TKT-6).' })
  category!: Category;

  @Field(() => PriorityEnum, { description: 'URGENT, HIGH, NORMAL or LOW (R-TKT-7).' })
  priority!: Priority;

  @Field(() => ID, { description: 'An active staff member.' })
  assigneeId!: string;

  @Field(() => Date, {
    nullable: true,
    description: "Required unless the preset's resolution target is bound to a release (R-TKT-10, R-SLA-7).",
  })
  plannedResolutionAt?: Date | null;
}

@InputType('TicketFilter', { description: 'Which tickets to list; every condition given must hold.' })
export class TicketFilter {
  @Field(() => ID, { description: "Only this organization's (customers: their own only).", nullable: true })
  organizationId?: string | null;

  @Field(() => ID, { description: "Only this contract's.", nullable: true })
  contractId?: string | null;

  @Field(() => ID, { description: "Only this contact's.", nullable: true })
  requesterId?: string | null;

  @Field(() => ID, { description: 'Only those assigned to this staff member.', nullable: true })
  assigneeId?: string | null;

  @Field(() => [TicketStatusEnum], { nullable: true, description: 'Any of these statuses.' })
  status?: TicketStatus[] | null;

  @Field(() => [PriorityEnum], { nullable: true, description: 'Any of these priorities.' })
  priority?: Priority[] | null;

  @Field(() => [TicketKindEnum], {
    nullable: true,
    description: 'Any of these kinds, e.g. [WISH] for the wishes product managers analyse (seed 004).',
  })
  kind?: TicketKind[] | null;

  @Field(() => [CategoryEnum], { nullable: true, description: 'Any of these categories.' })
  category?: Category[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "true: only tickets nobody is assigned to (the dispatcher's queue); false: only assigned ones.",
  })
  unassigned?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "true: only open tickets whose next step is the customer's: AWAITING_CLARIFICATION (an answer), RESOLVED (accept or return) or a proposed planned date to agree; false: only the others.",
  })
  awaitingCustomer?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether an SLA deadline of the ticket was breached.' })
  breached?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: 'Case-insensitive text in the title, description or registration number.',
  })
  search?: string | null;
}

@InputType('LogCallInput', {
  description:
    'A call the hotline took (R-TKT-3): answered, it is recorded on a ticket; not answered, it registers a PHONE ticket with a call-back deadline (the CALLBACK clock).',
})
export class LogCallInput {
  @Field(() => ID, { nullable: true, description: 'The registered contact who called (or give callerPhone).' })
  contactId?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The caller's number, 3-15 digits (spaces, + ( ) - . allowed): the one active contact with that phone (last 10 digits, so +7 and 8 match). Instead of contactId.",
  })
  callerPhone?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "The contract; default: the one in force of the contact's organization (the latest started).",
  })
  contractId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "Answered calls only: the caller's ticket the call was about; the summary becomes a public message on it (a call-back made stops its CALLBACK clock).",
  })
  ticketId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "A new ticket's title, 1-300 characters; default: the summary's first line.",
  })
  title?: string | null;

  @Field(() => String, { description: 'What the caller said, 1-20,000 characters (the description of a new ticket).' })
  summary!: string;

  @Field(() => Boolean, {
    description: 'Whether the engineer answered on the call; false: a call-back is owed (the CALLBACK clock).',
  })
  answered!: boolean;

  @Field(() => Date, {
    nullable: true,
    description:
      "Unanswered calls: the call-back the hotline promised, after now and within 31 days. The CALLBACK clock runs to it when it lies within 3 working days of the contract's business calendar, else to that limit (R-TKT-3); default: the limit.",
  })
  callbackBy?: Date | null;
}
