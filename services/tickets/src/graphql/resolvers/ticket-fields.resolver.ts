import type { Caller } from '@reglament/shared/domain';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { allowedMoves, type ActorRole, type TicketMove } from '../../domain/transitions';
import type { TicketsContext } from '../context';
import { toAssignee, toAttachment, toHistoryEntry, toMessage, toRequester, toTicket } from '../mappers';
import { TicketMoveEnum } from '../types/enums';
import { Attachment, Message, TicketHistoryEntry } from '../types/thread.types';
import { Ticket, TicketAssignee, TicketRequester } from '../types/ticket.types';

/** What hangs off a ticket, each through a per-request DataLoader (constant queries per page). */
@Resolver(() => Ticket)
export class TicketFieldsResolver {
  @FieldResolver(() => [Message], { description: 'The conversation; a customer never sees internal notes.' })
  async messages(@Root() ticket: Ticket, @Ctx() ctx: TicketsContext): Promise<Message[]> {
    return (await ctx.loaders.messages.load(ticket.id)).map(toMessage);
  }

  @FieldResolver(() => [TicketHistoryEntry], { description: 'Every change, oldest first (R-TKT-13).' })
  async history(@Root() ticket: Ticket, @Ctx() ctx: TicketsContext): Promise<TicketHistoryEntry[]> {
    return (await ctx.loaders.history.load(ticket.id)).map(toHistoryEntry);
  }

  @FieldResolver(() => [Attachment], { description: 'Its files; internal ones for staff only.' })
  async attachments(@Root() ticket: Ticket, @Ctx() ctx: TicketsContext): Promise<Attachment[]> {
    return (await ctx.loaders.attachments.load(ticket.id)).map(toAttachment);
  }

  @FieldResolver(() => TicketRequester, {
    description: 'The contact it is for, with name and addresses.',
    nullable: true,
  })
  async requester(@Root() ticket: Ticket, @Ctx() ctx: TicketsContext): Promise<TicketRequester | null> {
    if (!ticket.requesterId) return null;
    const row = await ctx.loaders.requester.load(ticket.requesterId);
    return row ? toRequester(row) : null;
  }

  @FieldResolver(() => TicketAssignee, { description: "The assigned engineer's name and state.", nullable: true })
  async assignee(@Root() ticket: Ticket, @Ctx() ctx: TicketsContext): Promise<TicketAssignee | null> {
    if (!ticket.assigneeId) return null;
    const row = await ctx.loaders.assignee.load(ticket.assigneeId);
    return row ? toAssignee(row) : null;
  }

  @FieldResolver(() => Ticket, { nullable: true, description: 'The ticket this one was split from (R-TKT-2).' })
  async linkedTicket(@Root() ticket: Ticket, @Ctx() ctx: TicketsContext): Promise<Ticket | null> {
    if (!ticket.linkedTicketId) return null;
    const row = await ctx.loaders.ticket.load(ticket.linkedTicketId);
    return row ? toTicket(row) : null;
  }

  @FieldResolver(() => [Ticket], { description: 'New problems found while working on this ticket (R-TKT-2).' })
  async linkedTickets(@Root() ticket: Ticket, @Ctx() ctx: TicketsContext): Promise<Ticket[]> {
    return (await ctx.loaders.linkedTickets.load(ticket.id)).map(toTicket);
  }

  @FieldResolver(() => [TicketMoveEnum], {
    description: "The moves the caller's role may make from the current status (the transition table).",
  })
  allowedMoves(@Root() ticket: Ticket, @Ctx() ctx: TicketsContext): TicketMove[] {
    const role = roleOf(ctx.caller);
    return role ? allowedMoves(ticket, role) : [];
  }
}

function roleOf(caller: Caller): ActorRole | null {
  if (caller.kind === 'system') return 'SYSTEM';
  return caller.kind === 'user' ? caller.role : null;
}
