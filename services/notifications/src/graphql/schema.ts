import { buildFederatedSchema } from '@reglament/shared/platform';
import type { GraphQLSchema } from 'graphql';
import { AdvisoryNotificationsResolver } from './resolvers/advisory.resolver';
import { DeliveryResolver } from './resolvers/delivery.resolver';
import { IntakeResolver } from './resolvers/intake.resolver';
import { NotificationResolver } from './resolvers/notification.resolver';
import { TicketNotificationsResolver } from './resolvers/ticket.resolver';
import { WebhookResolver } from './resolvers/webhook.resolver';
import { Advisory, Ticket } from './types/notification.types';

export function buildNotificationsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        NotificationResolver,
        DeliveryResolver,
        TicketNotificationsResolver,
        IntakeResolver,
        AdvisoryNotificationsResolver,
        WebhookResolver,
      ],
      orphanedTypes: [Ticket, Advisory],
    },
    {
      Ticket: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
      // Contracts decided whether the caller may see the advisory; `delivered` is scoped to the caller too.
      Advisory: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
    },
  );
}
