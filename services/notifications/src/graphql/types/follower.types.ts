import { connectionType } from '@reglament/shared/platform';
import { Field, ID, ObjectType } from 'type-graphql';
import { type NotificationKind } from '../../domain/kinds';
import { NotificationKindEnum } from './notification.types';

@ObjectType('TicketNotification', {
  description:
    "A notification about a ticket, as its history shows it (R-TKT-13): who was told what, when. A customer sees only her organization's side.",
})
export class TicketNotification {
  @Field(() => ID, { description: "The notification's id." })
  id!: string;

  @Field(() => NotificationKindEnum, { description: 'What it was about.' })
  kind!: NotificationKind;

  @Field(() => String, { description: "Its title, in the recipient's language." })
  title!: string;

  @Field(() => String, { description: "Its text, in the recipient's language." })
  body!: string;

  @Field(() => String, { description: 'The name of the person told (null if no longer known).', nullable: true })
  recipientName!: string | null;

  @Field(() => String, { description: 'CUSTOMER (a contact was told) or PROVIDER (staff were told).' })
  recipientSide!: string;

  @Field(() => Date, { description: 'When it was recorded (UTC).' })
  createdAt!: Date;
}

@ObjectType('TicketFollower', { description: "A contact of the ticket's organization who follows it." })
export class TicketFollower {
  @Field(() => ID, { description: "The contact's id." })
  contactId!: string;

  @Field(() => String, { description: "The contact's name (null if no longer known).", nullable: true })
  name!: string | null;

  @Field(() => Date, { description: 'Since when (UTC).' })
  since!: Date;
}

export const TicketNotificationConnection = connectionType(TicketNotification, 'TicketNotification');
