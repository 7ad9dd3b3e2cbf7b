import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { ContractsContext } from './context';
import { toContract } from './mappers';
import { Contract, CreateContractInput } from './types';

@Resolver(() => Contract)
export class ContractResolver {
  @Mutation(() => Contract, { description: 'Signs a contract under one of the presets (staff).' })
  async createContract(
    @Arg('input', () => CreateContractInput) input: CreateContractInput,
    @Ctx() ctx: ContractsContext,
  ): Promise<Contract> {
    const row = await ctx.app.contracts.create(ctx.caller, {
      organizationId: input.organizationId,
      number: input.number,
      preset: input.preset,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      totalValue: input.totalValue ?? null,
      products: input.products ?? [],
    });
    return toContract(row, ctx.app.contracts.statusOf(row));
  }

  @Query(() => Contract, { nullable: true })
  async contract(@Arg('id', () => ID) id: string, @Ctx() ctx: ContractsContext): Promise<Contract> {
    const row = await ctx.app.contracts.get(ctx.caller, id);
    return toContract(row, ctx.app.contracts.statusOf(row));
  }
}
