import { buildFederatedSchema } from '@reglament/shared/platform';
import type { GraphQLSchema } from 'graphql';
import { AttachmentFieldsResolver } from './resolvers/attachment-fields.resolver';
import { CallResolver } from './resolvers/call.resolver';
import type { TicketsContext } from './context';
import { toTicket } from './mappers';
import { DutyResolver } from './resolvers/duty.resolver';
import { TicketFieldsResolver } from './resolvers/ticket-fields.resolver';
import { TicketResolver } from './resolvers/ticket.resolver';
import { WorkflowResolver } from './resolvers/workflow.resolver';

export function buildTicketsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        TicketResolver,
        CallResolver,
        WorkflowResolver,
        TicketFieldsResolver,
        AttachmentFieldsResolver,
        DutyResolver,
      ],
    },
    {
      Ticket: {
        // Batched, and scoped like every read: another organization's ticket resolves to null.
        __resolveReference: async (ref: { id: string }, ctx: TicketsContext) => {
          const row = await ctx.loaders.ticket.load(ref.id);
          return row ? toTicket(row) : null;
        },
      },
    },
  );
}
