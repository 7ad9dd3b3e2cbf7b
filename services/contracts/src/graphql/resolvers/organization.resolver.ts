import { pageSize } from '@reglament/shared/platform';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { type ContractsContext, contractOut } from '../context';
import { toContact, toOrganization } from '../mappers';
import { Contract } from '../types/contract.types';
import {
  CreateOrganizationInput,
  Organization,
  OrganizationConnection,
  UpdateOrganizationInput,
} from '../types/organization.types';
import { Contact } from '../types/people.types';

@Resolver(() => Organization)
export class OrganizationResolver {
  @Mutation(() => Organization, { description: 'Registers a customer organization (ADMIN, DISPATCHER).' })
  async createOrganization(
    @Arg('input', () => CreateOrganizationInput, { description: 'The organization.' }) input: CreateOrganizationInput,
    @Ctx() ctx: ContractsContext,
  ): Promise<Organization> {
    const row = await ctx.app.organizations.create(ctx.caller, {
      name: input.name,
      email: input.email,
      emailDomains: input.emailDomains ?? [],
    });
    return toOrganization(row);
  }

  @Mutation(() => Organization, { description: 'Changes an organization (ADMIN, DISPATCHER).' })
  async updateOrganization(
    @Arg('id', () => ID, { description: 'The organization to change.' }) id: string,
    @Arg('input', () => UpdateOrganizationInput, { description: 'The fields to change; omitted fields stay.' })
    input: UpdateOrganizationInput,
    @Ctx() ctx: ContractsContext,
  ): Promise<Organization> {
    const row = await ctx.app.organizations.update(ctx.caller, id, {
      ...(input.name != null ? { name: input.name } : {}),
      ...(input.email != null ? { email: input.email } : {}),
      ...(input.emailDomains != null ? { emailDomains: input.emailDomains } : {}),
    });
    return toOrganization(row);
  }

  @Query(() => Organization, { nullable: true, description: 'A customer sees only its own organization.' })
  async organization(
    @Arg('id', () => ID, { description: "The organization's id." }) id: string,
    @Ctx() ctx: ContractsContext,
  ): Promise<Organization> {
    return toOrganization(await ctx.app.organizations.get(ctx.caller, id));
  }

  @Query(() => OrganizationConnection, { description: 'Staff: every organization; a customer: its own.' })
  async organizations(
    @Arg('first', () => Int, { description: 'Page size, 1-100 (default 20).', nullable: true }) first: number | null,
    @Arg('after', () => String, {
      description: 'Cursor of the last item seen (pages go forward only).',
      nullable: true,
    })
    after: string | null,
    @Ctx() ctx: ContractsContext,
  ) {
    const page = await ctx.app.organizations.list(ctx.caller, { first: pageSize(first), after });
    return { ...page, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: toOrganization(edge.node) })) };
  }

  @FieldResolver(() => [Contact], { description: 'Registered contacts (R-ACC-1).' })
  async contacts(
    @Root() organization: Organization,
    @Arg('includeInactive', () => Boolean, {
      description: 'Also deactivated contacts (default false).',
      nullable: true,
    })
    includeInactive: boolean | null,
    @Ctx() ctx: ContractsContext,
  ): Promise<Contact[]> {
    const rows = await ctx.loaders.contactsByOrganization.load(organization.id);
    return rows.filter((row) => includeInactive || row.active).map(toContact);
  }

  @FieldResolver(() => [Contract], { description: "The organization's contracts." })
  async contracts(@Root() organization: Organization, @Ctx() ctx: ContractsContext): Promise<Contract[]> {
    const rows = await ctx.loaders.contractsByOrganization.load(organization.id);
    return rows.map((row) => contractOut(ctx, row));
  }
}
