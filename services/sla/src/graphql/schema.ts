import { buildFederatedSchema } from '@reglament/shared/platform';
import type { GraphQLSchema } from 'graphql';
import { CalendarResolver } from './calendar.resolver';
import { ClockResolver } from './clock.resolver';
import { PolicyResolver } from './policy.resolver';
import { ProductionCalendarResolver } from './production-calendar.resolver';
import { SlaTimerResolver, TicketSlaResolver } from './ticket-sla.resolver';
import { Ticket } from './types';
import { ContractSlaResolver, SlaCountdownResolver } from './wallboard.resolver';
import { Contract } from './wallboard.types';

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
      ],
      orphanedTypes: [Ticket, Contract],
    },
    {
      // Any ticket id the gateway brings: its clocks are filtered by the caller's visibility.
      Ticket: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
      // Any contract id: its figures are checked against the caller's visibility when asked.
      Contract: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
    },
  );
}
