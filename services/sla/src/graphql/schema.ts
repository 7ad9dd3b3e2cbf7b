import { buildFederatedSchema } from '@reglament/shared/platform';
import type { GraphQLSchema } from 'graphql';
import { AdvisoryFixClockResolver } from './resolvers/advisory.resolver';
import { CalendarResolver } from './resolvers/calendar.resolver';
import { ClockResolver } from './resolvers/clock.resolver';
import { PolicyResolver } from './resolvers/policy.resolver';
import { ReportResolver } from './resolvers/report.resolver';
import { ProductionCalendarResolver } from './resolvers/production-calendar.resolver';
import { SlaTimerResolver, TicketSlaResolver } from './resolvers/ticket-sla.resolver';
import { Ticket } from './types/sla.types';
import { ContractSlaResolver, SlaCountdownResolver } from './resolvers/wallboard.resolver';
import { Contract } from './types/wallboard.types';
import { Advisory } from './types/advisory.types';

export function buildSlaSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        TicketSlaResolver,
        SlaTimerResolver,
        PolicyResolver,
        CalendarResolver,
        ClockResolver,
        ProductionCalendarResolver,
        SlaCountdownResolver,
        ContractSlaResolver,
        ReportResolver,
        AdvisoryFixClockResolver,
      ],
      orphanedTypes: [Ticket, Contract, Advisory],
    },
    {
      // Any ticket id the gateway brings: its clocks are filtered by the caller's visibility.
      Ticket: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
      // Any contract id: its figures are checked against the caller's visibility when asked.
      Contract: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
      // Contracts decided whether the caller may see the advisory; its clock holds nothing of any organization.
      Advisory: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
    },
  );
}
