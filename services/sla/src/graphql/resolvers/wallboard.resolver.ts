import { canSeeOrganization, visibilityOf } from '@reglament/shared/domain';
import { DateTime } from 'luxon';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { countdownOf, countsCalendarTime } from '../../domain/countdown';
import type { SlaPolicy } from '../../domain/policy';
import { PRESET_POLICIES } from '../../domain/presets';
import type { SlaContext } from '../context';
import { SlaTimer } from '../types/sla.types';
import { Contract, SlaCountdown, SlaDay } from '../types/wallboard.types';

const POLICIES_BY_ID = new Map<string, SlaPolicy>([...PRESET_POLICIES.values()].map((p) => [p.id, p]));

/** What a wallboard needs beyond the stored clocks: a countdown in working time and today's compliance. */
@Resolver(() => SlaTimer)
export class SlaCountdownResolver {
  @FieldResolver(() => SlaCountdown, {
    nullable: true,
    description: 'A running clock with a deadline, as of now, to count down by itself; null for any other clock.',
  })
  async countdown(@Root() timer: SlaTimer, @Ctx() ctx: SlaContext): Promise<SlaCountdown | null> {
    if (timer.status !== 'RUNNING' || timer.deadline === null) return null;
    const policy = POLICIES_BY_ID.get(timer.policyId);
    if (!policy) return null;
    const contract = timer.contractId ? await ctx.app.ticketSla.contract(timer.contractId) : null;
    await ctx.app.ticketSla.refreshCalendars();
    const { calendar } = ctx.app.catalog.forContract(policy, contract);
    const clock = { ...timer, deadline: timer.deadline.getTime() };
    const figures = countdownOf(clock, calendar, countsCalendarTime(policy, clock), ctx.app.clock.nowMs());
    if (!figures) return null;
    return {
      at: new Date(figures.at),
      remainingWorkingMinutes: Math.round(figures.remainingMinutes * 100) / 100,
      ticking: figures.ticking,
      changesAt: figures.changesAt === null ? null : new Date(figures.changesAt),
      realTime: ctx.app.clockControl === null,
    };
  }
}

@Resolver(() => Contract)
export class ContractSlaResolver {
  @FieldResolver(() => SlaDay, {
    description:
      "R-SLA-12 today (the platform clock's local date in the contract's zone): the clocks that ended today, met " +
      'or breached. A customer sees only its own contracts.',
  })
  async slaToday(@Root() contract: Contract, @Ctx() ctx: SlaContext): Promise<SlaDay> {
    const timeZone = await zoneOf(ctx, contract.id);
    const start = DateTime.fromMillis(ctx.app.clock.nowMs(), { zone: timeZone }).startOf('day');
    const rows = await ctx.app.compliance.report(
      ctx.caller,
      contract.id,
      start.toJSDate(),
      start.plus({ days: 1 }).toJSDate(),
    );
    const total = rows.reduce((sum, row) => sum + row.total, 0);
    const met = rows.reduce((sum, row) => sum + row.met, 0);
    return {
      date: start.toISODate()!,
      timeZone,
      total,
      met,
      breached: rows.reduce((sum, row) => sum + row.breached, 0),
      metShare: total === 0 ? null : met / total,
      rows,
    };
  }
}

/** The contract's own zone, else the calendar zone of its tickets' preset, else the first shipped calendar's. */
async function zoneOf(ctx: SlaContext, contractId: string): Promise<string> {
  const contract = await ctx.app.ticketSla.contract(contractId);
  if (contract && !canSeeOrganization(visibilityOf(ctx.caller), contract.organizationId)) return 'UTC';
  const preset = await ctx.app.ticketSla.presetOfContract(contractId);
  await ctx.app.ticketSla.refreshCalendars();
  const policy = preset ? PRESET_POLICIES.get(preset) : undefined;
  if (policy) return ctx.app.catalog.forContract(policy, contract).calendar.timeZone;
  return contract?.timeZone ?? ctx.app.catalog.list()[0]?.timeZone ?? 'UTC';
}
