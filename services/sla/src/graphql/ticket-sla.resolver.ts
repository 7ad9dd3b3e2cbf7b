import { canSeeOrganization, visibilityOf } from '@reglament/shared';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SlaTimerEntity } from '../infra/entities';
import type { SlaContext } from './context';
import { SlaState, type SlaTimer, Ticket, TicketSla } from './types';

@Resolver(() => Ticket)
export class TicketSlaResolver {
  @FieldResolver(() => TicketSla, { description: 'The SLA clocks of this ticket.' })
  async sla(@Root() ticket: Ticket, @Ctx() ctx: SlaContext): Promise<TicketSla> {
    const visibility = visibilityOf(ctx.caller);
    const rows = (await ctx.loaders.timersByTicket.load(ticket.id)).filter((row) =>
      canSeeOrganization(visibility, row.organizationId),
    );
    const timers = rows.map(toTimer);
    const running = rows.filter((t) => t.status === 'RUNNING' && t.deadline);
    const nextDeadline = running.length ? new Date(Math.min(...running.map((t) => t.deadline!.getTime()))) : null;
    return { state: stateOf(rows, ctx.app.clock.nowMs()), nextDeadline, timers };
  }
}

function stateOf(rows: SlaTimerEntity[], now: number): SlaState {
  if (rows.some((t) => t.status === 'BREACHED')) return SlaState.BREACHED;
  const running = rows.filter((t) => t.status === 'RUNNING');
  if (running.some((t) => t.warnAt && t.warnAt.getTime() <= now)) return SlaState.AT_RISK;
  if (running.length > 0) return SlaState.ON_TRACK;
  if (rows.some((t) => t.status === 'PAUSED')) return SlaState.PAUSED;
  return SlaState.MET;
}

export function toTimer(row: SlaTimerEntity): SlaTimer {
  return {
    id: row.id,
    metric: row.metric,
    party: row.party,
    status: row.status,
    startedAt: row.startedAt,
    deadline: row.deadline,
    warnAt: row.warnAt,
    stoppedAt: row.stoppedAt,
    breachedAt: row.breachedAt,
  };
}
