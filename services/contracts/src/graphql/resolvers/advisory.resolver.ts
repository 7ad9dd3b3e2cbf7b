import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ContractsContext } from '../context';
import { toAdvisory, toRelease } from '../mappers';
import { Advisory, AdvisoryRecipient, PublishAdvisoryInput } from '../types/advisory.types';
import { Release } from '../types/release.types';

@Resolver(() => Advisory)
export class AdvisoryResolver {
  @Mutation(() => Advisory, {
    description:
      'Publishes a security advisory (R-NTF-2; ADMIN): every active contact of every organization with a contract in force for the product gets it alone by e-mail and in the portal (kind ADVISORY), and the fix clock starts (R-SLA-6). At most 10 per product and 30 in all in any 24 hours (RATE_LIMITED).',
  })
  async publishAdvisory(
    @Arg('input', () => PublishAdvisoryInput, { description: 'The advisory.' }) input: PublishAdvisoryInput,
    @Ctx() ctx: ContractsContext,
  ): Promise<Advisory> {
    return toAdvisory(await ctx.app.advisories.publish(ctx.caller, input));
  }

  @Mutation(() => Advisory, {
    description:
      "The advisory's fix is out in a published release of its product (ADMIN): the fix clock stops (R-SLA-6) and the same recipients are told (ADVISORY_FIXED). Linking the same release again changes nothing; another release is a CONFLICT.",
  })
  async linkAdvisoryFix(
    @Arg('advisoryId', () => ID, { description: 'The advisory.' }) advisoryId: string,
    @Arg('releaseId', () => ID, { description: 'A published release of the same product.' }) releaseId: string,
    @Ctx() ctx: ContractsContext,
  ): Promise<Advisory> {
    return toAdvisory(await ctx.app.advisories.linkFix(ctx.caller, advisoryId, releaseId));
  }

  @Query(() => [Advisory], {
    description:
      'Security advisories, newest first (at most 200): staff see all; a customer those of the products its contracts cover.',
  })
  async advisories(
    @Arg('product', () => String, { description: "Only this product's advisories.", nullable: true })
    product: string | null,
    @Ctx() ctx: ContractsContext,
  ): Promise<Advisory[]> {
    return (await ctx.app.advisories.list(ctx.caller, product ?? null)).map(toAdvisory);
  }

  @FieldResolver(() => [AdvisoryRecipient], {
    description:
      "Whom the advisory was addressed to, by organization: staff see every recipient, a customer only its own organization's contacts.",
  })
  async recipients(@Root() advisory: Advisory, @Ctx() ctx: ContractsContext): Promise<AdvisoryRecipient[]> {
    return (await ctx.loaders.advisoryRecipients.load(advisory.id)).map((r) => ({
      contactId: r.contactId,
      organizationId: r.organizationId,
      fullName: r.fullName,
      email: r.email,
    }));
  }

  @FieldResolver(() => Release, { description: 'The release the fix shipped in; null: not fixed yet.', nullable: true })
  async fixedInRelease(@Root() advisory: Advisory, @Ctx() ctx: ContractsContext): Promise<Release | null> {
    if (!advisory.fixedInReleaseId) return null;
    const row = await ctx.loaders.release.load(advisory.fixedInReleaseId);
    return row && toRelease(row);
  }
}
