import {
  type Category,
  type Channel,
  type CloseReason,
  type Priority,
  type TicketKind,
  type TicketStatus,
} from '@reglament/shared/domain';
import { CategoryEnum, ChannelEnum, CloseReasonEnum, PriorityEnum, TicketStatusEnum } from '@reglament/shared/platform';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import type { SolutionDelivery } from '../../domain/ticket';
import { SolutionDeliveryEnum, TicketKindEnum } from './enums';

@Directive('@key(fields: "id")')
@ObjectType('Ticket', { description: 'A support request ("обращение") and its lifecycle.' })
export class Ticket {
  @Field(() => ID, { description: "The ticket's id." })
  id!: string;

  @Field(() => String, { description: 'Registration number told to the requester (R-TKT-1).' })
  number!: string;

  @Field(() => ID, { description: 'The customer organization.' })
  organizationId!: string;

  @Field(() => ID, { description: 'The contract it was registered under.' })
  contractId!: string;

  @Field(() => String, { description: "The contract's preset (regulation), e.g. kz-supplier: decides its rules." })
  preset!: string;

  @Field(() => TicketKindEnum, { description: 'REQUEST, DUTY or WISH (seed 004: a wish runs no SLA clock).' })
  kind!: TicketKind;

  @Field(() => [TicketCustomField], {
    description: "The preset's own registration fields given (seed 002: the Exprof profile customiser), with labels.",
  })
  customFields!: TicketCustomField[];

  @Field(() => ID, {
    description: 'The contact it is for (R-ACC-1); null for e-mail from outside (R-TKT-4).',
    nullable: true,
  })
  requesterId!: string | null;

  @Field(() => ChannelEnum, { description: 'How it came in (R-TKT-3).' })
  channel!: Channel;

  @Field(() => String, { description: 'One-line summary.' })
  title!: string;

  @Field(() => String, { description: 'The problem as registered.' })
  description!: string;

  @Field(() => CategoryEnum, {
    description: 'ERROR, SUPPORT or IMPROVEMENT (R-TKT-6); null until triage unless given.',
    nullable: true,
  })
  category!: Category | null;

  @Field(() => PriorityEnum, {
    description: 'URGENT, HIGH, NORMAL or LOW (R-TKT-7); null until triage unless given.',
    nullable: true,
  })
  priority!: Priority | null;

  @Field(() => TicketStatusEnum, { description: 'Where it is in its life (R-TKT-14).' })
  status!: TicketStatus;

  @Field(() => CloseReasonEnum, { description: 'Why it was closed; null while open.', nullable: true })
  closeReason!: CloseReason | null;

  @Field(() => ID, { description: 'The assigned engineer; null until triage.', nullable: true })
  assigneeId!: string | null;

  @Field(() => String, { description: 'The product it is about, if named.', nullable: true })
  product!: string | null;

  @Field(() => String, { nullable: true, description: 'Service catalog code (R-CON-2).' })
  serviceCode!: string | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'When the provider plans to resolve it (UTC); set at triage unless the target is bound to a release (R-TKT-10, R-SLA-7).',
  })
  plannedResolutionAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'The date the customer said at registration it expects the resolution by (R-TKT-5, seed 001 §2); staff see it when they plan.',
  })
  expectedResolutionAt!: Date | null;

  @Field(() => SolutionDeliveryEnum, {
    nullable: true,
    description: 'How the latest solution reached the customer (seed 002); null until a solution is provided.',
  })
  solutionDeliveredVia!: SolutionDelivery | null;

  @Field(() => Date, {
    nullable: true,
    description:
      "When it was marked as a product failure (003 §7: markAsFailure, or the preset's failure class); a failure report is then owed before it closes (R-SLA-11).",
  })
  markedAsFailureAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'A planned date the provider proposed (proposePlannedDate) that the customer has not agreed or objected to yet (003 item 2).',
  })
  proposedResolutionAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When the customer agreed the planned date (agreePlannedDate): the term agreement of 003 item 2.',
  })
  plannedDateAgreedAt!: Date | null;

  @Field(() => Date, { description: 'When it was registered (UTC): the start of most clocks.' })
  registeredAt!: Date;

  @Field(() => Date, { nullable: true, description: 'The first response (acknowledgeTicket).' })
  acknowledgedAt!: Date | null;

  @Field(() => Date, { description: 'When the latest solution was provided (UTC).', nullable: true })
  resolvedAt!: Date | null;

  @Field(() => Date, { description: 'When it was closed (UTC).', nullable: true })
  closedAt!: Date | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'PHONE tickets: false means the provider owes a call-back (R-TKT-3).',
  })
  answeredOnCall!: boolean | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The ticket during whose work this new problem was found (R-TKT-2).',
  })
  linkedTicketId!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the last clarification was asked for (R-TKT-9).' })
  clarificationRequestedAt!: Date | null;

  @Field(() => Int, { description: 'How often the customer returned the solution with remarks (R-TKT-11).' })
  reworkCount!: number;

  @Field(() => Date, {
    description: 'When an on-site visit was requested (UTC), if one is pending or was.',
    nullable: true,
  })
  onSiteRequestedAt!: Date | null;

  @Field(() => Date, { description: 'When the engineer arrived on site (UTC).', nullable: true })
  onSiteArrivedAt!: Date | null;

  @Field(() => Int, { description: 'Increments with every change; matches `ticket.version` in events.' })
  version!: number;
}

@ObjectType('TicketCustomField', {
  description: "A value of one of the preset's own registration fields (R-TKT-5; seed 002 §2.2).",
})
export class TicketCustomField {
  @Field(() => String, { description: "The field's name, e.g. profileCustomizer." })
  name!: string;

  @Field(() => String, { description: 'Its label in Russian, as the seed says it.' })
  label!: string;

  @Field(() => String, { description: 'Its label in English.' })
  labelEn!: string;

  @Field(() => String, { description: 'The value given at registration.' })
  value!: string;
}

@ObjectType('TicketRequester', { description: 'The registered contact a ticket is for (R-ACC-1, R-TKT-5).' })
export class TicketRequester {
  @Field(() => ID, { description: "The contact's id." })
  id!: string;

  @Field(() => String, { description: 'Full name.' })
  fullName!: string;

  @Field(() => String, { description: 'E-mail address.' })
  email!: string;

  @Field(() => String, { description: 'Phone number, if given.', nullable: true })
  phone!: string | null;

  @Field(() => Boolean, { description: 'False once the contact was deactivated.' })
  active!: boolean;
}

@ObjectType('TicketAssignee', { description: 'The provider staff member working on a ticket.' })
export class TicketAssignee {
  @Field(() => ID, { description: "The staff member's id." })
  id!: string;

  @Field(() => String, { description: 'Full name.' })
  fullName!: string;

  @Field(() => String, { description: 'DISPATCHER, ENGINEER or ADMIN' })
  role!: string;

  @Field(() => Boolean, { description: 'False once deactivated.' })
  active!: boolean;
}
