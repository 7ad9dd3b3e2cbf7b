import { registerEnumType } from 'type-graphql';
import {
  CATEGORIES,
  CHANNELS,
  CLOSE_REASONS,
  PARTIES,
  PRIORITIES,
  ROLES,
  SLA_METRICS,
  TICKET_STATUSES,
  TIMER_STATUSES,
} from '../domain-types';

/** An enum object { A: 'A', ... } from a list of names, for type-graphql. */
function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

/** The API's enums (docs/api.md), registered once, used by every subgraph with the same definition. */
export const TicketStatusEnum = enumOf(TICKET_STATUSES);
export const CategoryEnum = enumOf(CATEGORIES);
export const PriorityEnum = enumOf(PRIORITIES);
export const ChannelEnum = enumOf(CHANNELS);
export const CloseReasonEnum = enumOf(CLOSE_REASONS);
export const SlaMetricEnum = enumOf(SLA_METRICS);
export const PartyEnum = enumOf(PARTIES);
export const TimerStatusEnum = enumOf(TIMER_STATUSES);
export const RoleEnum = enumOf(ROLES);

registerEnumType(TicketStatusEnum, { name: 'TicketStatus' });
registerEnumType(CategoryEnum, { name: 'Category', description: 'R-TKT-6' });
registerEnumType(PriorityEnum, { name: 'Priority', description: 'R-TKT-7' });
registerEnumType(ChannelEnum, { name: 'Channel', description: 'R-TKT-3' });
registerEnumType(CloseReasonEnum, { name: 'CloseReason' });
registerEnumType(SlaMetricEnum, { name: 'SlaMetric', description: 'R-SLA-3' });
registerEnumType(PartyEnum, { name: 'Party' });
registerEnumType(TimerStatusEnum, { name: 'TimerStatus' });
registerEnumType(RoleEnum, { name: 'Role' });
