import { canSeeOrganization, visibilityOf } from '@reglament/shared/domain';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PRESET_POLICIES } from '../../domain/presets';
import type { SlaContext } from '../context';
import { toFailureReport, toTimer } from '../mappers';
import {
  FailureReport,
  FailureReportConnection,
  FailureReportFilter,
  SlaState,
  SlaTimer,
  Ticket,
  TicketSla,
} from '../types/sla.types';

@Resolver(() => Ticket)
export class TicketSlaResolver {
  @FieldResolver(() => TicketSla, { description: 'The SLA clocks of this ticket.' })
  async sla(@Root() ticket: Ticket, @Ctx() ctx: SlaContext): Promise<TicketSla> {
    const [row, timers] = await Promise.all([
      ctx.loaders.ticket.load(ticket.id),
      ctx.loaders.timersByTicket.load(ticket.id),
    ]);
    // Defense in depth: the gateway only brings tickets the caller may see; never show others' clocks.
    if (!row || !canSeeOrganization(visibilityOf(ctx.caller), row.organizationId)) {
      return { state: SlaState.MET, nextDeadline: null, timers: [], policy: null, failureReportPending: false };
    }
    const policy = PRESET_POLICIES.get(row.preset);
    return {
      state: row.state as SlaState,
      nextDeadline: row.nextDeadline,
      timers: timers.map(toTimer),
      policy: policy ? { id: policy.id, name: policy.name } : null,
      failureReportPending: row.failureReportPending,
    };
  }
}

@Resolver(() => SlaTimer)
export class SlaTimerResolver {
  @Query(() => SlaTimer, { nullable: true, description: 'One SLA clock by id (wallboards, subscriptions).' })
  async slaTimer(
    @Arg('id', () => ID, { description: "The timer's id." }) id: string,
    @Ctx() ctx: SlaContext,
  ): Promise<SlaTimer | null> {
    return toTimer(await ctx.app.ticketSla.timer(ctx.caller, id));
  }

  @FieldResolver(() => FailureReport, { nullable: true, description: 'R-SLA-11: on a breached provider timer.' })
  async failureReport(@Root() timer: SlaTimer, @Ctx() ctx: SlaContext): Promise<FailureReport | null> {
    if (!timer.failureReportId) return null;
    const row = await ctx.loaders.failureReport.load(timer.failureReportId);
    return row ? toFailureReport(row) : null;
  }

  @Query(() => FailureReportConnection, {
    description:
      'R-SLA-11, 003 §7: the failure reports the caller may see (staff: all; a customer: its own organization), newest first.',
  })
  async failureReports(
    @Arg('filter', () => FailureReportFilter, { nullable: true, description: 'Which reports; all when omitted.' })
    filter: FailureReportFilter | null | undefined,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1-100 (default 20).' })
    first: number | null | undefined,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page.' })
    after: string | null | undefined,
    @Ctx() ctx: SlaContext,
  ) {
    const page = await ctx.app.ticketSla.failureReports(ctx.caller, filter ?? {}, first ?? null, after ?? null);
    return { ...page, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: toFailureReport(edge.node) })) };
  }

  @Mutation(() => FailureReport, {
    description:
      'R-SLA-11, 003 §7: causes and measures for the breached provider deadlines of a ticket, or for the product failure it was marked as (staff).',
  })
  async submitFailureReport(
    @Arg('ticketId', () => ID, { description: 'The ticket with the breached provider clock.' }) ticketId: string,
    @Arg('causes', () => String, { description: 'What caused the failure.' }) causes: string,
    @Arg('measures', () => String, { description: 'What was done so that it does not happen again.' }) measures: string,
    @Ctx() ctx: SlaContext,
  ): Promise<FailureReport> {
    return toFailureReport(await ctx.app.failureReports.submit(ctx.caller, { ticketId, causes, measures }));
  }

  @Mutation(() => Int, {
    description:
      'ADMIN: rebuilds the clocks of every open ticket (of one preset) from their histories, e.g. after a policy or ' +
      'calendar changed (R-SLA-10); returns how many tickets were recomputed.',
  })
  async rebuildOpenTicketsSla(
    @Ctx() ctx: SlaContext,
    @Arg('preset', () => String, {
      description: 'Only tickets under this preset; null: every open ticket.',
      nullable: true,
    })
    preset?: string | null,
  ): Promise<number> {
    return ctx.app.ticketSla.rebuildOpenTickets(ctx.caller, preset ?? null);
  }

  @Mutation(() => TicketSla, {
    description:
      "ADMIN: rebuilds a ticket's clocks from its history (they come out the same unless a policy, " +
      'calendar or release changed).',
  })
  async rebuildTicketSla(
    @Arg('ticketId', () => ID, { description: 'The ticket whose clocks are rebuilt.' }) ticketId: string,
    @Ctx() ctx: SlaContext,
  ): Promise<TicketSla> {
    await ctx.app.ticketSla.rebuildTicket(ctx.caller, ticketId);
    ctx.loaders.ticket.clear(ticketId);
    ctx.loaders.timersByTicket.clear(ticketId);
    return new TicketSlaResolver().sla({ id: ticketId }, ctx);
  }
}
