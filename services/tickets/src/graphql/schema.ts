import { buildFederatedSchema } from '@reglament/shared';
import type { GraphQLSchema } from 'graphql';
import type { TicketsContext } from './context';
import { toTicket } from './mappers';
import { TicketResolver } from './ticket.resolver';

export function buildTicketsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    { resolvers: [TicketResolver] },
    {
      Ticket: {
        __resolveReference: async (ref: { id: string }, ctx: TicketsContext) =>
          toTicket(await ctx.app.queries.byId(ctx.caller, ref.id)),
      },
    },
  );
}
