import type { Caller } from '@reglament/shared/domain';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Deliveries } from '../../application/deliveries';
import type { Followers } from '../../application/followers';
import type { AdvisoryDeliveries } from '../../application/advisory-deliveries';
import type { NotificationInbox } from '../../application/inbox';
import type { EmailIntake } from '../../application/intake';
import type { Webhooks } from '../../application/webhooks';
import type { EmailQuarantine } from '../../application/quarantine';
import type { NotificationEntity } from '../../infra/entities';
import { Notification, NotificationConnection, Ticket } from '../types/notification.types';

export interface NotificationsContext {
  caller: Caller;
  app: {
    inbox: NotificationInbox;
    deliveries: Deliveries;
    followers: Followers;
    intake: EmailIntake;
    advisoryDeliveries: AdvisoryDeliveries;
    webhooks: Webhooks;
    quarantine: EmailQuarantine;
  };
}

@Resolver(() => Notification)
export class NotificationResolver {
  @Query(() => NotificationConnection, { description: "The caller's in-app notifications, newest first." })
  async myNotifications(
    @Ctx() ctx: NotificationsContext,
    @Arg('unreadOnly', () => Boolean, { description: 'Only unread ones (default false).', nullable: true })
    unreadOnly?: boolean | null,
    @Arg('first', () => Int, { description: 'Page size, 1-100 (default 20).', nullable: true }) first?: number | null,
    @Arg('after', () => String, {
      description: 'Cursor of the last item seen (pages go forward only).',
      nullable: true,
    })
    after?: string | null,
  ) {
    return ctx.app.inbox.list(ctx.caller, {
      unreadOnly: unreadOnly ?? false,
      first: first ?? null,
      after: after ?? null,
    });
  }

  @Query(() => Int, { description: "How many of the caller's notifications are unread." })
  async unreadNotificationCount(@Ctx() ctx: NotificationsContext): Promise<number> {
    return ctx.app.inbox.unreadCount(ctx.caller);
  }

  @Query(() => Notification, {
    nullable: true,
    description: "One of the caller's own notifications (null for anyone else's).",
  })
  async notification(
    @Arg('id', () => ID, { description: "The notification's id (one of the caller's own)." }) id: string,
    @Ctx() ctx: NotificationsContext,
  ) {
    return ctx.app.inbox.get(ctx.caller, id);
  }

  @Mutation(() => Int, {
    description: 'Marks the given notifications of the caller read (at most 500 ids); returns how many changed.',
  })
  async markNotificationsRead(
    @Arg('ids', () => [ID], {
      description: "The caller's notifications to mark read (others are ignored), at most 500.",
    })
    ids: string[],
    @Ctx() ctx: NotificationsContext,
  ): Promise<number> {
    return ctx.app.inbox.markRead(ctx.caller, ids);
  }

  @Mutation(() => Int, { description: "Marks all the caller's notifications read; returns how many changed." })
  async markAllNotificationsRead(@Ctx() ctx: NotificationsContext): Promise<number> {
    return ctx.app.inbox.markAllRead(ctx.caller);
  }

  @FieldResolver(() => Ticket, { nullable: true })
  ticket(@Root() notification: NotificationEntity): Ticket | null {
    return notification.ticketId ? { id: notification.ticketId } : null;
  }
}
