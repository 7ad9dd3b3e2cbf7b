import {
  type Category,
  CategoryEnum,
  type Channel,
  ChannelEnum,
  type Priority,
  PriorityEnum,
  type TicketStatus,
  TicketStatusEnum,
} from '@reglament/shared';
import { Directive, Field, ID, InputType, ObjectType } from 'type-graphql';

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

  @Field(() => ID, { nullable: true })
  assigneeId!: string | null;

  @Field(() => String, { nullable: true })
  product!: string | null;

  @Field(() => Date, { nullable: true })
  plannedResolutionAt!: Date | null;

  @Field(() => Date)
  registeredAt!: Date;
}

@InputType('RegisterTicketInput')
export class RegisterTicketInput {
  @Field(() => ID)
  contractId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The contact the ticket is for (staff and partners); a customer registers for itself.',
  })
  requesterId?: string | null;

  @Field(() => ChannelEnum)
  channel!: Channel;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  description!: string;

  @Field(() => CategoryEnum, { nullable: true, description: 'Expected category (R-TKT-6)' })
  category?: Category | null;

  @Field(() => PriorityEnum, { nullable: true, description: 'Expected priority (R-TKT-7)' })
  priority?: Priority | null;

  @Field(() => String, { nullable: true })
  product?: string | null;

  @Field(() => String, { nullable: true, description: 'Service catalog code (R-CON-2)' })
  serviceCode?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'PHONE: false starts a CALLBACK timer (R-TKT-3)' })
  answeredOnCall?: boolean | null;
}
