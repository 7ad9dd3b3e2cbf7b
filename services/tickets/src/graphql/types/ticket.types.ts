import {
  type Category,
  type Channel,
  type CloseReason,
  type Priority,
  type TicketStatus,
} from '@reglament/shared/domain';
import { CategoryEnum, ChannelEnum, CloseReasonEnum, PriorityEnum, TicketStatusEnum } from '@reglament/shared/platform';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType('Ticket', { description: 'A support request ("обращение") and its lifecycle.' })
export class Ticket {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Registration number told to the requester (R-TKT-1).' })
  number!: string;

  @Field(() => ID)
  organizationId!: string;

  @Field(() => ID)
  contractId!: string;

  @Field(() => ID, { nullable: true })
  requesterId!: string | null;

  @Field(() => ChannelEnum)
  channel!: Channel;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  description!: string;

  @Field(() => CategoryEnum, { nullable: true })
  category!: Category | null;

  @Field(() => PriorityEnum, { nullable: true })
  priority!: Priority | null;

  @Field(() => TicketStatusEnum)
  status!: TicketStatus;

  @Field(() => CloseReasonEnum, { nullable: true })
  closeReason!: CloseReason | null;

  @Field(() => ID, { nullable: true })
  assigneeId!: string | null;

  @Field(() => String, { nullable: true })
  product!: string | null;

  @Field(() => String, { nullable: true, description: 'Service catalog code (R-CON-2).' })
  serviceCode!: string | null;

  @Field(() => Date, { nullable: true, description: 'R-TKT-10' })
  plannedResolutionAt!: Date | null;

  @Field(() => Date)
  registeredAt!: Date;

  @Field(() => Date, { nullable: true, description: 'The first response (acknowledgeTicket).' })
  acknowledgedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  resolvedAt!: Date | null;

  @Field(() => Date, { nullable: true })
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

  @Field(() => Date, { nullable: true })
  onSiteRequestedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  onSiteArrivedAt!: Date | null;

  @Field(() => Int, { description: 'Increments with every change; matches `ticket.version` in events.' })
  version!: number;
}

@ObjectType('TicketRequester', { description: 'The registered contact a ticket is for (R-ACC-1, R-TKT-5).' })
export class TicketRequester {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  fullName!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => Boolean)
  active!: boolean;
}

@ObjectType('TicketAssignee', { description: 'The provider staff member working on a ticket.' })
export class TicketAssignee {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  fullName!: string;

  @Field(() => String, { description: 'DISPATCHER, ENGINEER or ADMIN' })
  role!: string;

  @Field(() => Boolean)
  active!: boolean;
}
