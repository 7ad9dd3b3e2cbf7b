/**
 * Every TypeORM entity of this part: the classes (defined in the `*.entities.ts` files beside
 * this one) and the list its data source opens. `infra/entities.ts` means this in every service.
 */
import { TicketEntity } from './ticket.entities';
import { TicketMessageEntity, TicketHistoryEntity } from './thread.entities';
import { TicketAttachmentEntity, TicketAttachmentContentEntity } from './attachment.entities';
import { KnownContractEntity, KnownContactEntity, KnownStaffEntity, TicketSlaStateEntity } from './read-model.entities';

export * from './ticket.entities';
export * from './thread.entities';
export * from './attachment.entities';
export * from './read-model.entities';

export const ticketsEntities = [
  TicketEntity,
  TicketMessageEntity,
  TicketHistoryEntity,
  TicketAttachmentEntity,
  TicketAttachmentContentEntity,
  KnownContractEntity,
  KnownContactEntity,
  KnownStaffEntity,
  TicketSlaStateEntity,
];
