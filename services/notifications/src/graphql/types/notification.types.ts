import { connectionType } from '@reglament/shared/platform';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { NOTIFICATION_KINDS, type NotificationKind } from '../../domain/kinds';

export const NotificationKindEnum = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, k])) as {
  [K in NotificationKind]: K;
};
registerEnumType(NotificationKindEnum, {
  name: 'NotificationKind',
  description: 'What a notification is about (the rules table: README "Notifications").',
});

/** The tickets subgraph's entity; notifications only names it by id. */
@Directive('@key(fields: "id")')
@ObjectType('Ticket')
export class Ticket {
  @Field(() => ID)
  id!: string;
}

@ObjectType('Notification', { description: 'An in-app notification (R-NTF-1), only ever shown to its recipient.' })
export class Notification {
  @Field(() => ID)
  id!: string;

  @Field(() => NotificationKindEnum)
  kind!: NotificationKind;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  body!: string;

  @Field(() => ID, { nullable: true })
  ticketId!: string | null;

  @Field(() => Ticket, { nullable: true, description: 'The ticket it is about (federated), if any.' })
  ticket!: Ticket | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  readAt!: Date | null;
}

export const NotificationConnection = connectionType(Notification, 'Notification');
