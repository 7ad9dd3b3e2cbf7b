import { connectionType } from '@reglament/shared/platform';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DELIVERY_CHANNELS, DELIVERY_STATUSES } from '../../application/deliveries';
import { type NotificationKind } from '../../domain/kinds';
import { NotificationKindEnum } from './notification.types';

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const DeliveryChannelEnum = enumOf(DELIVERY_CHANNELS);
export const DeliveryStatusEnum = enumOf(DELIVERY_STATUSES);
registerEnumType(DeliveryChannelEnum, {
  valuesConfig: {
    EMAIL: { description: 'By e-mail.' },
    IN_APP: { description: "To the recipient's in-app inbox (myNotifications)." },
    WEBHOOK: { description: "To a partner system's webhook." },
  },
  name: 'DeliveryChannel',
  description: 'How a notification travels.',
});
registerEnumType(DeliveryStatusEnum, {
  valuesConfig: {
    DEAD: { description: 'Retries used up: not sent.' },
    FAILED: { description: 'The last attempt failed; it will be retried.' },
    PENDING: { description: 'Not tried yet.' },
    SENT: { description: 'Sent.' },
  },
  name: 'DeliveryStatus',
  description: 'PENDING (not tried yet), SENT, FAILED (will be retried), DEAD (retries used up).',
});

@ObjectType('DeliveryAttempt', { description: 'One attempt to deliver a notification on its channel.' })
export class DeliveryAttempt {
  @Field(() => Date, { description: 'When it was tried (UTC).' })
  at!: Date;

  @Field(() => DeliveryStatusEnum, { description: 'SENT, FAILED (tried again later) or DEAD (the last try allowed).' })
  status!: string;

  @Field(() => String, { description: 'Why it failed, if it did.', nullable: true })
  error!: string | null;
}

@ObjectType('Delivery', { description: 'One notification on one channel to one recipient, with its attempts.' })
export class Delivery {
  @Field(() => ID, { description: "The delivery's id." })
  id!: string;

  @Field(() => ID, { description: 'The notification delivered.' })
  notificationId!: string;

  @Field(() => DeliveryChannelEnum, { description: 'IN_APP, EMAIL or WEBHOOK.' })
  channel!: string;

  @Field(() => NotificationKindEnum, { description: 'What the notification is about.' })
  kind!: NotificationKind;

  @Field(() => ID, { description: "The recipient's id (a contact or staff member)." })
  recipientId!: string;

  @Field(() => String, { description: 'The e-mail address (EMAIL) or the user id (IN_APP).' })
  recipient!: string;

  @Field(() => ID, { description: 'The ticket it is about, if any.', nullable: true })
  ticketId!: string | null;

  @Field(() => DeliveryStatusEnum, { description: 'PENDING, SENT, FAILED or DEAD.' })
  status!: string;

  @Field(() => Int, { description: 'How many times sending was tried.' })
  attempts!: number;

  @Field(() => String, { description: 'Why the last attempt failed, if it did.', nullable: true })
  lastError!: string | null;

  @Field(() => [DeliveryAttempt], { description: 'Every attempt, oldest first (at most MAIL_MAX_ATTEMPTS).' })
  attemptLog!: DeliveryAttempt[];

  @Field(() => Date, { description: 'When the delivery was created (UTC).' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When it was last tried (UTC).', nullable: true })
  lastAttemptAt!: Date | null;

  @Field(() => Date, { description: 'When it will be tried again (UTC); null when sent or dead.', nullable: true })
  nextAttemptAt!: Date | null;

  @Field(() => Date, { description: 'When it was sent (UTC).', nullable: true })
  sentAt!: Date | null;
}

export const DeliveryConnection = connectionType(Delivery, 'Delivery');

@InputType('DeliveryFilter', { description: 'Which deliveries to list; every condition given must hold.' })
export class DeliveryFilter {
  @Field(() => ID, { description: 'Only about this ticket.', nullable: true })
  ticketId?: string | null;

  @Field(() => DeliveryChannelEnum, { description: 'Only this channel.', nullable: true })
  channel?: string | null;

  @Field(() => DeliveryStatusEnum, { description: 'Only this status.', nullable: true })
  status?: string | null;

  @Field(() => String, { nullable: true, description: 'An e-mail address or a user id.' })
  recipient?: string | null;
}
