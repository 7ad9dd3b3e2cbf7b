import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { ContractDutyEntity } from '../../infra/duty.entities';
import type { ContractsContext } from '../context';
import { Contract } from '../types/contract.types';
import { AddContractDutyInput, ContractDuty, UpdateContractDutyInput } from '../types/duty.types';

function toDuty(row: ContractDutyEntity): ContractDuty {
  return {
    id: row.id,
    contractId: row.contractId,
    title: row.title,
    description: row.description,
    party: row.party,
    schedule: { kind: row.schedule.kind, on: row.schedule.on, cron: row.schedule.cron },
    dueWorkingDays: row.dueWorkingDays,
    addedOn: row.addedOn,
    endsOn: row.endsOn,
    seedClause: row.seedClause,
  };
}

/** Contract duties (issue 18): thin translations of the Duties use cases. */
@Resolver(() => Contract)
export class DutyResolver {
  @FieldResolver(() => [ContractDuty], {
    description: "The contract's duties (issue 18), in the order they were added; the preset's come with the contract.",
  })
  async duties(@Root() contract: Contract, @Ctx() ctx: ContractsContext): Promise<ContractDuty[]> {
    return (await ctx.loaders.dutiesByContract.load(contract.id)).map(toDuty);
  }

  @Mutation(() => ContractDuty, {
    description:
      'Adds a duty to a contract (ADMIN, DISPATCHER); at most 20 per contract. Its occurrences open when their periods start.',
  })
  async addContractDuty(
    @Arg('input', () => AddContractDutyInput, { description: 'The duty.' }) input: AddContractDutyInput,
    @Ctx() ctx: ContractsContext,
  ): Promise<ContractDuty> {
    return toDuty(
      await ctx.app.duties.add(ctx.caller, input.contractId, {
        title: input.title,
        description: input.description ?? '',
        party: input.party,
        schedule: { kind: input.schedule.kind, on: input.schedule.on ?? null, cron: input.schedule.cron ?? null },
        dueWorkingDays: input.dueWorkingDays,
        endsOn: input.endsOn ?? null,
      }),
    );
  }

  @Mutation(() => ContractDuty, {
    description: 'Changes a duty (ADMIN, DISPATCHER): later occurrences carry the change; open ones keep theirs.',
  })
  async updateContractDuty(
    @Arg('id', () => ID, { description: 'The duty.' }) id: string,
    @Arg('input', () => UpdateContractDutyInput, { description: 'The fields to change.' })
    input: UpdateContractDutyInput,
    @Ctx() ctx: ContractsContext,
  ): Promise<ContractDuty> {
    return toDuty(
      await ctx.app.duties.update(ctx.caller, id, {
        ...(input.title != null ? { title: input.title } : {}),
        ...(input.description != null ? { description: input.description } : {}),
        ...(input.dueWorkingDays != null ? { dueWorkingDays: input.dueWorkingDays } : {}),
        ...(input.endsOn != null ? { endsOn: input.endsOn } : {}),
      }),
    );
  }

  @Mutation(() => ContractDuty, {
    description:
      'Ends a duty today (ADMIN, DISPATCHER): no occurrence starts after today; open ones keep their clocks.',
  })
  async endContractDuty(
    @Arg('id', () => ID, { description: 'The duty.' }) id: string,
    @Ctx() ctx: ContractsContext,
  ): Promise<ContractDuty> {
    return toDuty(await ctx.app.duties.end(ctx.caller, id));
  }
}
