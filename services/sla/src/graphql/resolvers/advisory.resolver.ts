import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SlaContext } from '../context';
import { Advisory, AdvisoryFixClock, AdvisoryFixStatusEnum } from '../types/advisory.types';

/** What the SLA part adds to the contracts subgraph's Advisory: its fix clock (R-SLA-6). */
@Resolver(() => Advisory)
export class AdvisoryFixClockResolver {
  @FieldResolver(() => AdvisoryFixClock, {
    description:
      'The fix clock (R-SLA-6); null for a moment after publishing, until the SLA part has heard of the advisory.',
    nullable: true,
  })
  async fixClock(@Root() advisory: Advisory, @Ctx() ctx: SlaContext): Promise<AdvisoryFixClock | null> {
    const row = await ctx.loaders.advisoryClock.load(advisory.id);
    if (!row) return null;
    return {
      status: AdvisoryFixStatusEnum[row.status],
      startedAt: row.startedAt,
      deadline: row.deadline,
      warnAt: row.warnAt,
      warnedAt: row.warnedAt,
      breachedAt: row.breachedAt,
      stoppedAt: row.stoppedAt,
    };
  }
}
