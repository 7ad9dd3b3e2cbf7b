import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { ReleaseKind } from '../../domain/release';
import type { ContractsContext } from '../context';
import { toRelease } from '../mappers';
import { Release, ScheduleReleaseInput } from '../types/release.types';

@Resolver(() => Release)
export class ReleaseResolver {
  @Mutation(() => Release, { description: "Adds a release to a product's schedule (R-SLA-7; ADMIN, DISPATCHER)." })
  async scheduleRelease(
    @Arg('input', () => ScheduleReleaseInput, { description: 'The release.' }) input: ScheduleReleaseInput,
    @Ctx() ctx: ContractsContext,
  ): Promise<Release> {
    const row = await ctx.app.releases.schedule(ctx.caller, {
      product: input.product,
      kind: input.kind as ReleaseKind,
      plannedAt: input.plannedAt,
      version: input.version ?? null,
    });
    return toRelease(row);
  }

  @Mutation(() => Release, { description: 'Moves a release; deadlines bound to it move too (R-SLA-7).' })
  async moveRelease(
    @Arg('id', () => ID, { description: 'The release to move.' }) id: string,
    @Arg('plannedAt', () => Date, {
      description: 'The new planned instant; deadlines bound to the release move with it (R-SLA-7).',
    })
    plannedAt: Date,
    @Ctx() ctx: ContractsContext,
  ): Promise<Release> {
    return toRelease(await ctx.app.releases.move(ctx.caller, id, plannedAt));
  }

  @Mutation(() => Release, {
    description:
      'The release is out (ADMIN, DISPATCHER): customers with a contract in force for its product are told (RELEASE_PUBLISHED, in the portal and by e-mail unless they turned it off). Publishing again changes nothing.',
  })
  async publishRelease(
    @Arg('id', () => ID, { description: 'The release to publish.' }) id: string,
    @Ctx() ctx: ContractsContext,
  ): Promise<Release> {
    return toRelease(await ctx.app.releases.publish(ctx.caller, id));
  }

  @Query(() => [Release], { description: 'Release schedules, by planned time (at most 500).' })
  async releases(
    @Arg('product', () => String, { description: "Only this product's releases.", nullable: true })
    product: string | null,
    @Arg('from', () => Date, { description: 'Planned at or after this instant.', nullable: true }) from: Date | null,
    @Arg('to', () => Date, { description: 'Planned before this instant (exclusive).', nullable: true }) to: Date | null,
    @Ctx() ctx: ContractsContext,
  ): Promise<Release[]> {
    return (await ctx.app.releases.list(ctx.caller, { product, from, to })).map(toRelease);
  }
}
