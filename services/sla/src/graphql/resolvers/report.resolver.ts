import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { BreachData } from '../../application/reports';
import type { SlaContext } from '../context';
import {
  type SlaBreach,
  SlaBreachConnection,
  SlaReportFilter,
  SlaReportGroupBy,
  SlaReportRow,
  toGrouping,
  toReportState,
} from '../types/report.types';

const toBreach = (row: BreachData): SlaBreach => ({
  ...row,
  ticket: { id: row.ticketId },
  failureReportState: toReportState(row.failureReportState),
});

@Resolver()
export class ReportResolver {
  @Query(() => [SlaReportRow], {
    description:
      'R-SLA-8, R-SLA-12: the SLA report for a period, per metric and party (and group): clocks started, met, breached, at risk, the met share, median and 90th percentile of the time used. Staff: every organization; a customer: its own.',
  })
  async slaReport(
    @Arg('filter', () => SlaReportFilter, { description: 'The period and which clocks.' }) filter: SlaReportFilter,
    @Arg('groupBy', () => SlaReportGroupBy, { nullable: true, description: 'How to group; ungrouped when omitted.' })
    groupBy: SlaReportGroupBy | null | undefined,
    @Ctx() ctx: SlaContext,
  ): Promise<SlaReportRow[]> {
    return ctx.app.reports.slaReport(ctx.caller, filter, toGrouping(groupBy));
  }

  @Query(() => SlaBreachConnection, {
    description:
      'R-SLA-11: the clocks breached in a period, latest first, how late, and the state of their failure reports. Staff: every organization; a customer: its own.',
  })
  async breaches(
    @Arg('filter', () => SlaReportFilter, { description: 'The period of the breaches and which clocks.' })
    filter: SlaReportFilter,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1-100 (default 20).' })
    first: number | null | undefined,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page.' })
    after: string | null | undefined,
    @Ctx() ctx: SlaContext,
  ) {
    const page = await ctx.app.reports.breaches(ctx.caller, filter, first ?? null, after ?? null);
    return { ...page, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: toBreach(edge.node) })) };
  }
}
