import { buildFederatedSchema } from '@reglament/shared/platform';
import type { GraphQLSchema } from 'graphql';
import { CalendarResolver } from './resolvers/calendar.resolver';
import { ClockResolver } from './resolvers/clock.resolver';
import { PolicyResolver } from './resolvers/policy.resolver';
import { ProductionCalendarResolver } from './resolvers/production-calendar.resolver';
import { SlaTimerResolver, TicketSlaResolver } from './resolvers/ticket-sla.resolver';
import { Ticket } from './types/sla.types';

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
      ],
      orphanedTypes: [Ticket],
    },
    {
      // Any ticket id the gateway brings: its clocks are filtered by the caller's visibility.
      Ticket: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
    },
  );
}
