import { connectionType } from '@reglament/shared/platform';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { TicketOrder } from '../../infra/ticket-reads';
import type { TicketsContext } from '../context';
import { toAttachment, toTicket } from '../mappers';
import { TicketOrderEnum } from '../types/enums';
import { RegisterTicketInput, TicketFilter } from '../types/inputs';
import { Attachment } from '../types/thread.types';
import { Ticket } from '../types/ticket.types';

export const TicketConnection = connectionType(Ticket, 'Ticket');

@Resolver(() => Ticket)
export class TicketResolver {
  @Mutation(() => Ticket, {
    description:
      'Registers a ticket from any channel for a registered, active contact under a contract in force (R-TKT-1..5, R-ACC-1, R-CON-1).',
  })
  async registerTicket(
    @Arg('input', () => RegisterTicketInput, { description: 'The ticket.' }) input: RegisterTicketInput,
    @Ctx() ctx: TicketsContext,
  ): Promise<Ticket> {
    const row = await ctx.app.registration.register(
      ctx.caller,
      {
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
        linkedTicketId: input.linkedTicketId ?? null,
        expectedResolutionAt: input.expectedResolutionAt ?? null,
        kind: input.kind ?? null,
        customFields: input.customFields ?? null,
      },
      (input.attachments ?? []).map((a) => ({ ...a, internal: a.internal ?? false })),
    );
    return toTicket(row);
  }

  @Query(() => Ticket, { description: 'One ticket by id; NOT_FOUND if the caller may not see it.', nullable: true })
  async ticket(
    @Arg('id', () => ID, { description: "The ticket's id." }) id: string,
    @Ctx() ctx: TicketsContext,
  ): Promise<Ticket> {
    return toTicket(await ctx.app.queries.byId(ctx.caller, id, (valid) => ctx.loaders.ticket.load(valid)));
  }

  @Query(() => Ticket, {
    description: 'One ticket by its number; NOT_FOUND if the caller may not see it.',
    nullable: true,
  })
  async ticketByNumber(
    @Arg('number', () => String, { description: 'The number, T-YYYY-NNNNNN (R-TKT-1).' }) number: string,
    @Ctx() ctx: TicketsContext,
  ): Promise<Ticket> {
    return toTicket(await ctx.app.queries.byNumber(ctx.caller, number));
  }

  @Query(() => TicketConnection, { description: 'Tickets the caller may see, filtered, a page at a time.' })
  async tickets(
    @Arg('filter', () => TicketFilter, {
      description: "Which tickets; a customer sees its own organization's only.",
      nullable: true,
    })
    filter: TicketFilter | null | undefined,
    @Arg('orderBy', () => TicketOrderEnum, {
      description: 'Order of the list (default REGISTERED_AT, oldest first).',
      nullable: true,
      defaultValue: 'REGISTERED_AT',
    })
    orderBy: TicketOrder | undefined,
    @Arg('first', () => Int, { description: 'Page size, 1-100 (default 20).', nullable: true })
    first: number | null | undefined,
    @Arg('after', () => String, {
      description: 'Cursor of the last item seen (pages go forward only).',
      nullable: true,
    })
    after: string | null | undefined,
    @Ctx() ctx: TicketsContext,
  ) {
    const page = await ctx.app.queries.list(ctx.caller, {
      filter: filter ?? {},
      orderBy: orderBy ?? 'REGISTERED_AT',
      first: first ?? null,
      after: after ?? null,
    });
    return { ...page, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: toTicket(edge.node) })) };
  }

  @Query(() => Attachment, {
    nullable: true,
    description: 'One attachment (with its content), if the caller may see it.',
  })
  async attachment(
    @Arg('id', () => ID, { description: "The attachment's id." }) id: string,
    @Ctx() ctx: TicketsContext,
  ): Promise<Attachment> {
    return toAttachment(await ctx.app.queries.attachment(ctx.caller, id));
  }
}
