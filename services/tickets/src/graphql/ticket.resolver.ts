import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { TicketsContext } from './context';
import { toTicket } from './mappers';
import { RegisterTicketInput, Ticket } from './types';

@Resolver(() => Ticket)
export class TicketResolver {
  @Mutation(() => Ticket, { description: 'Registers a ticket from any channel (R-TKT-1, R-TKT-3, R-TKT-5).' })
  async registerTicket(
    @Arg('input', () => RegisterTicketInput) input: RegisterTicketInput,
    @Ctx() ctx: TicketsContext,
  ): Promise<Ticket> {
    const row = await ctx.app.registration.register(ctx.caller, {
      contractId: input.contractId,
      requesterId: input.requesterId ?? null,
      channel: input.channel,
      title: input.title,
      description: input.description,
      category: input.category ?? null,
      priority: input.priority ?? null,
      product: input.product ?? null,
      serviceCode: input.serviceCode ?? null,
      answeredOnCall: input.answeredOnCall ?? null,
    });
    return toTicket(row);
  }

  @Query(() => Ticket, { nullable: true })
  async ticket(@Arg('id', () => ID) id: string, @Ctx() ctx: TicketsContext): Promise<Ticket> {
    return toTicket(await ctx.app.queries.byId(ctx.caller, id));
  }

  @Query(() => Ticket, { nullable: true })
  async ticketByNumber(@Arg('number', () => String) number: string, @Ctx() ctx: TicketsContext): Promise<Ticket> {
    return toTicket(await ctx.app.queries.byNumber(ctx.caller, number));
  }
}
