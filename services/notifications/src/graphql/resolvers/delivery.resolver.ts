import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { Delivery, DeliveryConnection, DeliveryFilter } from '../types/delivery.types';
import type { NotificationsContext } from './notification.resolver';

@Resolver(() => Delivery)
export class DeliveryResolver {
  @Query(() => DeliveryConnection, {
    description: 'The delivery log (ADMIN): every notification on every channel with its attempts, newest first.',
  })
  async deliveries(
    @Ctx() ctx: NotificationsContext,
    @Arg('filter', () => DeliveryFilter, { nullable: true }) filter?: DeliveryFilter | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return ctx.app.deliveries.list(ctx.caller, filter ?? {}, { first: first ?? null, after: after ?? null });
  }
}
