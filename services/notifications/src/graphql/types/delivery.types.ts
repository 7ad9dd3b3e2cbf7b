import { connectionType } from '@reglament/shared/platform';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DELIVERY_CHANNELS, DELIVERY_STATUSES } from '../../application/deliveries';
import { type NotificationKind } from '../../domain/kinds';
import { NotificationKindEnum } from './notification.types';

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const DeliveryChannelEnum = enumOf(DELIVERY_CHANNELS);
export const DeliveryStatusEnum = enumOf(DELIVERY_STATUSES);
registerEnumType(DeliveryChannelEnum, { name: 'DeliveryChannel', description: 'How a notification travels.' });
registerEnumType(DeliveryStatusEnum, {
  name: 'DeliveryStatus',
  description: 'PENDING (not tried yet), SENT, FAILED (will be retried), DEAD (retries used up).',
});

@ObjectType('Delivery', { description: 'One notification on one channel to one recipient, with its attempts.' })
export class Delivery {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  notificationId!: string;

  @Field(() => DeliveryChannelEnum)
  channel!: string;

  @Field(() => NotificationKindEnum)
  kind!: NotificationKind;

  @Field(() => ID)
  recipientId!: string;

  @Field(() => String, { description: 'The e-mail address (EMAIL) or the user id (IN_APP).' })
  recipient!: string;

  @Field(() => ID, { nullable: true })
  ticketId!: string | null;

  @Field(() => DeliveryStatusEnum)
  status!: string;

  @Field(() => Int)
  attempts!: number;

  @Field(() => String, { nullable: true })
  lastError!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  lastAttemptAt!: Date | null;

  @Field(() => Date, { nullable: true })
  nextAttemptAt!: Date | null;

  @Field(() => Date, { nullable: true })
  sentAt!: Date | null;
}

export const DeliveryConnection = connectionType(Delivery, 'Delivery');

@InputType('DeliveryFilter')
export class DeliveryFilter {
  @Field(() => ID, { nullable: true })
  ticketId?: string | null;

  @Field(() => DeliveryChannelEnum, { nullable: true })
  channel?: string | null;

  @Field(() => DeliveryStatusEnum, { nullable: true })
  status?: string | null;

  @Field(() => String, { nullable: true, description: 'An e-mail address or a user id.' })
  recipient?: string | null;
}
