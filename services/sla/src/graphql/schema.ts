import { buildFederatedSchema } from '@reglament/shared';
import type { GraphQLSchema } from 'graphql';
import { ClockResolver } from './clock.resolver';
import { TicketSlaResolver } from './ticket-sla.resolver';
import { Ticket } from './types';

export function buildSlaSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    { resolvers: [TicketSlaResolver, ClockResolver], orphanedTypes: [Ticket] },
    {
      // Any ticket id the gateway brings: its timers are filtered by the caller's visibility.
      Ticket: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
    },
  );
}
