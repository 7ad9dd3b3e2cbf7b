import { connectionType } from '@reglament/shared/platform';
import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('Notification', { description: 'An in-app notification (R-NTF-1).' })
export class Notification {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  kind!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  body!: string;

  @Field(() => ID, { nullable: true })
  ticketId!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  readAt!: Date | null;
}

export const NotificationConnection = connectionType(Notification, 'Notification');
