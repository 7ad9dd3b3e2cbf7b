import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { NotificationInbox } from '../application/inbox';
import type { Caller } from '@reglament/shared/domain';
import { Notification, NotificationConnection } from './types';

export interface NotificationsContext {
  caller: Caller;
  app: { inbox: NotificationInbox };
}

@Resolver(() => Notification)
export class NotificationResolver {
  @Query(() => NotificationConnection, { description: "The caller's in-app notifications, newest first." })
  async myNotifications(
    @Ctx() ctx: NotificationsContext,
    @Arg('unreadOnly', () => Boolean, { nullable: true }) unreadOnly?: boolean | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return ctx.app.inbox.list(ctx.caller, {
      unreadOnly: unreadOnly ?? false,
      first: first ?? null,
      after: after ?? null,
    });
  }

  @Mutation(() => Int, { description: 'Marks the given notifications of the caller read; returns how many changed.' })
  async markNotificationsRead(
    @Arg('ids', () => [ID]) ids: string[],
    @Ctx() ctx: NotificationsContext,
  ): Promise<number> {
    return ctx.app.inbox.markRead(ctx.caller, ids);
  }
}
