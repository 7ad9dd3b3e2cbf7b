import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { DeliveryEntity } from '../../infra/entities';
import { Delivery, DeliveryAttempt, DeliveryConnection, DeliveryFilter } from '../types/delivery.types';
import type { NotificationsContext } from './notification.resolver';

@Resolver(() => Delivery)
export class DeliveryResolver {
  @Query(() => DeliveryConnection, {
    description: 'The delivery log (ADMIN): every notification on every channel with its attempts, newest first.',
  })
  async deliveries(
    @Ctx() ctx: NotificationsContext,
    @Arg('filter', () => DeliveryFilter, { description: 'Which deliveries.', nullable: true })
    filter?: DeliveryFilter | null,
    @Arg('first', () => Int, { description: 'Page size, 1-100 (default 20).', nullable: true }) first?: number | null,
    @Arg('after', () => String, {
      description: 'Cursor of the last item seen (pages go forward only).',
      nullable: true,
    })
    after?: string | null,
  ) {
    return ctx.app.deliveries.list(ctx.caller, filter ?? {}, { first: first ?? null, after: after ?? null });
  }

  @FieldResolver(() => [DeliveryAttempt])
  attemptLog(@Root() delivery: DeliveryEntity): DeliveryAttempt[] {
    return (delivery.attemptLog ?? []).map((a) => ({ at: new Date(a.at), status: a.status, error: a.error }));
  }
}
