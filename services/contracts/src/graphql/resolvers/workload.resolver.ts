import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { type ContractsContext } from '../context';
import { toStaffUser } from '../mappers';
import { Workload } from '../types/workload.types';

@Resolver()
export class WorkloadResolver {
  @Query(() => Workload, {
    description:
      'Open tickets per engineer and status now, and minutes logged in a period (default the last 30 days, at most 366). ' +
      'Staff only: a customer is refused (FORBIDDEN).',
  })
  async workload(
    @Arg('from', () => Date, { nullable: true, description: 'Start of the period of logged minutes.' })
    from: Date | null,
    @Arg('to', () => Date, { nullable: true, description: 'End of the period (default now).' }) to: Date | null,
    @Ctx() ctx: ContractsContext,
  ): Promise<Workload> {
    const view = await ctx.app.workload.of(ctx.caller, { from: from ?? null, to: to ?? null });
    const engineers = await Promise.all(
      view.engineers.map(async (e) => {
        const row = e.engineerId === null ? null : await ctx.loaders.staffMember.load(e.engineerId);
        return { ...e, engineer: row && toStaffUser(row) };
      }),
    );
    return { ...view, engineers };
  }
}
