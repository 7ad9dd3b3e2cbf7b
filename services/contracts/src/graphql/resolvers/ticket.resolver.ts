import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { type ContractsContext, contractOut } from '../context';
import { toContact, toTimeEntry } from '../mappers';
import { Contract } from '../types/contract.types';
import { Contact } from '../types/people.types';
import { TimeEntry } from '../types/prepaid.types';
import { Ticket } from '../types/ticket.types';

/** Ticket.contract and Ticket.requesterContact for the supergraph, batched (DataLoader) and tenant-scoped. */
@Resolver(() => Ticket)
export class TicketResolver {
  @Directive('@requires(fields: "contractId")')
  @FieldResolver(() => Contract, { nullable: true, description: 'The contract the ticket is served under.' })
  async contract(@Root() ticket: Ticket, @Ctx() ctx: ContractsContext): Promise<Contract | null> {
    if (!ticket.contractId) return null;
    const row = await ctx.loaders.contract.load(ticket.contractId);
    return row && contractOut(ctx, row);
  }

  /**
   * The tickets subgraph serves Ticket.requester (TicketRequester, from its read model of
   * contacts); this is the same person as the Contact entity, with its organization.
   */
  @Directive('@requires(fields: "requesterId")')
  @FieldResolver(() => Contact, {
    nullable: true,
    description: 'The contact who asked (R-TKT-5), as the Contact of the contracts subgraph.',
  })
  async requesterContact(@Root() ticket: Ticket, @Ctx() ctx: ContractsContext): Promise<Contact | null> {
    if (!ticket.requesterId) return null;
    const row = await ctx.loaders.contact.load(ticket.requesterId);
    return row && toContact(row);
  }

  @FieldResolver(() => [TimeEntry], { description: 'Work logged on the ticket.' })
  async timeEntries(@Root() ticket: Ticket, @Ctx() ctx: ContractsContext): Promise<TimeEntry[]> {
    return (await ctx.loaders.timeEntriesByTicket.load(ticket.id)).map(toTimeEntry);
  }
}
