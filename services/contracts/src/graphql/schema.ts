import { buildFederatedSchema } from '@reglament/shared';
import type { GraphQLSchema } from 'graphql';
import type { ContractsContext } from './context';
import { ContractResolver } from './contract.resolver';
import { toContract, toOrganization } from './mappers';
import { OrganizationResolver } from './organization.resolver';

export function buildContractsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    { resolvers: [OrganizationResolver, ContractResolver] },
    {
      Organization: {
        __resolveReference: async (ref: { id: string }, ctx: ContractsContext) =>
          toOrganization(await ctx.app.organizations.get(ctx.caller, ref.id)),
      },
      Contract: {
        __resolveReference: async (ref: { id: string }, ctx: ContractsContext) => {
          const row = await ctx.app.contracts.get(ctx.caller, ref.id);
          return toContract(row, ctx.app.contracts.statusOf(row));
        },
      },
    },
  );
}
