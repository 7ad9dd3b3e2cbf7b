import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { PRESET_POLICIES } from '../../domain/presets';
import type { SlaContext } from '../context';
import { toPolicy } from '../mappers';
import { ComplianceRow, SlaPolicy } from '../types/sla.types';

@Resolver()
export class PolicyResolver {
  @Query(() => [SlaPolicy], { description: 'The SLA policies of the five presets.' })
  slaPolicies(): SlaPolicy[] {
    return [...PRESET_POLICIES.values()].map(toPolicy);
  }

  @Query(() => [ComplianceRow], {
    description: 'R-SLA-12: share of clocks met per metric, party and priority, for clocks that ended in [from, to).',
  })
  async slaCompliance(
    @Arg('contractId', () => ID, { description: 'The contract.' }) contractId: string,
    @Arg('from', () => Date, { description: 'Start of the period (inclusive).' }) from: Date,
    @Arg('to', () => Date, { description: 'End of the period (exclusive).' }) to: Date,
    @Ctx() ctx: SlaContext,
  ): Promise<ComplianceRow[]> {
    return ctx.app.compliance.report(ctx.caller, contractId, from, to);
  }
}
