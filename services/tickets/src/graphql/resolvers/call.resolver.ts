import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { TicketsContext } from '../context';
import { toTicket } from '../mappers';
import { LogCallInput } from '../types/inputs';
import { Ticket } from '../types/ticket.types';

@Resolver(() => Ticket)
export class CallResolver {
  @Mutation(() => Ticket, {
    description:
      'Staff: a phone call to the hotline (R-TKT-3). Answered: recorded on the ticket it was about, or a new PHONE ticket answered on the call. Not answered: a new PHONE ticket whose CALLBACK clock runs to callbackBy, at most 3 working days of the contract.',
  })
  async logCall(
    @Arg('input', () => LogCallInput, { description: 'The call.' }) input: LogCallInput,
    @Ctx() ctx: TicketsContext,
  ): Promise<Ticket> {
    const row = await ctx.app.calls.logCall(ctx.caller, {
      contactId: input.contactId ?? null,
      callerPhone: input.callerPhone ?? null,
      contractId: input.contractId ?? null,
      ticketId: input.ticketId ?? null,
      title: input.title ?? null,
      summary: input.summary,
      answered: input.answered,
      callbackBy: input.callbackBy ?? null,
    });
    return toTicket(row);
  }
}
