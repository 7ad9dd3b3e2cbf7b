import DataLoader from 'dataloader';
import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Advisory } from '../types/notification.types';
import type { NotificationsContext } from './notification.resolver';

/** One loader per request (the context object), batching every advisory of the answer. */
const loaders = new WeakMap<NotificationsContext, DataLoader<string, number>>();

/** What notifications adds to the contracts subgraph's Advisory: how many of its e-mails went out. */
@Resolver(() => Advisory)
export class AdvisoryNotificationsResolver {
  @FieldResolver(() => Int, {
    description:
      "How many of the advisory's individual e-mails were delivered (SENT) so far: staff count all, a customer its own organization's (R-NTF-2).",
  })
  async delivered(@Root() advisory: Advisory, @Ctx() ctx: NotificationsContext): Promise<number> {
    let loader = loaders.get(ctx);
    if (!loader) {
      loader = new DataLoader<string, number>(async (ids) => {
        const sent = await ctx.app.advisoryDeliveries.sentOf(ctx.caller, ids);
        return ids.map((id) => sent.get(id) ?? 0);
      });
      loaders.set(ctx, loader);
    }
    return loader.load(advisory.id);
  }
}
