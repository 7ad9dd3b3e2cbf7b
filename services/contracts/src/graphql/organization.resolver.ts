import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ContractsContext } from './context';
import { toContract, toOrganization } from './mappers';
import { Contract, CreateOrganizationInput, Organization } from './types';

@Resolver(() => Organization)
export class OrganizationResolver {
  @Mutation(() => Organization, { description: 'Registers a customer organization (staff).' })
  async createOrganization(
    @Arg('input', () => CreateOrganizationInput) input: CreateOrganizationInput,
    @Ctx() ctx: ContractsContext,
  ): Promise<Organization> {
    const row = await ctx.app.organizations.create(ctx.caller, {
      name: input.name,
      email: input.email,
      emailDomains: input.emailDomains ?? [],
    });
    return toOrganization(row);
  }

  @Query(() => Organization, { nullable: true })
  async organization(@Arg('id', () => ID) id: string, @Ctx() ctx: ContractsContext): Promise<Organization> {
    return toOrganization(await ctx.app.organizations.get(ctx.caller, id));
  }

  @FieldResolver(() => [Contract])
  async contracts(@Root() organization: Organization, @Ctx() ctx: ContractsContext): Promise<Contract[]> {
    const rows = await ctx.loaders.contractsByOrganization.load(organization.id);
    return rows.map((row) => toContract(row, ctx.app.contracts.statusOf(row)));
  }
}
