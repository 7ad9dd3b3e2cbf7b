import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { Ticket } from '../types/notification.types';
import { TicketFollower, TicketNotificationConnection } from '../types/follower.types';
import type { NotificationsContext } from './notification.resolver';

/** What notifications adds to the tickets subgraph's Ticket: followers and its notifications (R-TKT-13). */
@Resolver(() => Ticket)
export class TicketNotificationsResolver {
  @Mutation(() => Ticket, {
    description:
      'A customer contact follows a ticket of her organization: she is told what its requester is told. Idempotent; at most 50 followers per ticket and 500 followed tickets per contact.',
  })
  async followTicket(
    @Arg('id', () => ID, { description: "The ticket's id (of the caller's organization)." }) id: string,
    @Ctx() ctx: NotificationsContext,
  ): Promise<Ticket> {
    return ctx.app.followers.follow(ctx.caller, id);
  }

  @Mutation(() => Ticket, { description: 'The caller stops following a ticket (idempotent).' })
  async unfollowTicket(
    @Arg('id', () => ID, { description: "The ticket's id (of the caller's organization)." }) id: string,
    @Ctx() ctx: NotificationsContext,
  ): Promise<Ticket> {
    return ctx.app.followers.unfollow(ctx.caller, id);
  }

  @FieldResolver(() => [TicketFollower], {
    description:
      "The contacts following this ticket, oldest first (at most 50): for staff, and for the customer's own organization.",
  })
  async followers(@Root() ticket: Ticket, @Ctx() ctx: NotificationsContext): Promise<TicketFollower[]> {
    return ctx.app.followers.followersOf(ctx.caller, ticket.id);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the caller (a customer contact) follows this ticket.' })
  async followedByMe(@Root() ticket: Ticket, @Ctx() ctx: NotificationsContext): Promise<boolean> {
    return ctx.app.followers.follows(ctx.caller, ticket.id);
  }

  @FieldResolver(() => TicketNotificationConnection, {
    description:
      "Who was told what about this ticket, oldest first (R-TKT-13): a customer sees what her organization's contacts were told, staff see everything.",
  })
  async notifications(
    @Root() ticket: Ticket,
    @Ctx() ctx: NotificationsContext,
    @Arg('first', () => Int, { description: 'Page size, 1-100 (default 20).', nullable: true }) first?: number | null,
    @Arg('after', () => String, {
      description: 'Cursor of the last item seen (pages go forward only).',
      nullable: true,
    })
    after?: string | null,
  ) {
    return ctx.app.followers.notices(ctx.caller, ticket.id, { first: first ?? null, after: after ?? null });
  }
}
