import { buildFederatedSchema } from '@reglament/shared/platform';
import type { GraphQLSchema } from 'graphql';
import { DeliveryResolver } from './resolvers/delivery.resolver';
import { IntakeResolver } from './resolvers/intake.resolver';
import { NotificationResolver } from './resolvers/notification.resolver';
import { TicketNotificationsResolver } from './resolvers/ticket.resolver';
import { WebhookResolver } from './resolvers/webhook.resolver';
import { Ticket } from './types/notification.types';

export function buildNotificationsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [NotificationResolver, DeliveryResolver, TicketNotificationsResolver, IntakeResolver, WebhookResolver],
      orphanedTypes: [Ticket],
    },
    { Ticket: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) } },
  );
}
