/**
 * Every TypeORM entity of this part: the classes (defined in the `*.entities.ts` files beside
 * this one) and the list its data source opens. `infra/entities.ts` means this in every service.
 */
import {
  NotificationEntity,
  KnownTicketEntity,
  KnownPersonEntity,
  KnownContractEntity,
  KnownTimerEntity,
} from './notification.entities';
import { DeliveryEntity } from './delivery.entities';
import { TicketFollowerEntity } from './follower.entities';
import { EmailIntakeEntity, KnownOrganizationEntity } from './intake.entities';
import { WebhookDeliveryEntity, WebhookEntity } from './webhook.entities';

export * from './notification.entities';
export * from './delivery.entities';
export * from './follower.entities';
export * from './intake.entities';
export * from './webhook.entities';

export const notificationsEntities = [
  NotificationEntity,
  KnownTicketEntity,
  KnownPersonEntity,
  KnownContractEntity,
  KnownTimerEntity,
  DeliveryEntity,
  TicketFollowerEntity,
  EmailIntakeEntity,
  KnownOrganizationEntity,
  WebhookEntity,
  WebhookDeliveryEntity,
];
