import { TICKET_TRANSITIONS } from '@reglament/shared/domain';
import { registerEnumType } from 'type-graphql';
import type { TicketChangeKind } from '../../domain/changes';
import { TICKET_MOVES } from '../../domain/transitions';

function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

export const TicketMoveEnum = enumOf(TICKET_MOVES);
registerEnumType(TicketMoveEnum, {
  name: 'TicketMove',
  description: 'A change of a ticket in the transition table (R-TKT-14); each is made by one mutation.',
});

export const TicketTransitionEnum = enumOf(TICKET_TRANSITIONS);
registerEnumType(TicketTransitionEnum, {
  name: 'TicketTransition',
  description: 'A move between statuses (R-TKT-14), as recorded in history and events.',
});

const HISTORY_TYPES: readonly TicketChangeKind[] = [
  'REGISTERED',
  'STATUS_CHANGED',
  'CLOSED',
  'CLASSIFIED',
  'PRIORITY_CHANGED',
  'ASSIGNED',
  'PLANNED_DATE_CHANGED',
  'MESSAGE_ADDED',
  'ON_SITE_REQUESTED',
  'ON_SITE_ARRIVED',
  'ATTACHMENT_ADDED',
];
export const TicketHistoryTypeEnum = enumOf(HISTORY_TYPES);
registerEnumType(TicketHistoryTypeEnum, {
  name: 'TicketHistoryType',
  description: 'What a history entry records; each matches one tickets.ticket.<type> event.',
});

export const TICKET_ORDERS = ['REGISTERED_AT', 'REGISTERED_AT_DESC', 'SLA_DEADLINE'] as const;
export const TicketOrderEnum = enumOf(TICKET_ORDERS);
registerEnumType(TicketOrderEnum, {
  name: 'TicketOrder',
  description:
    'REGISTERED_AT: oldest first; REGISTERED_AT_DESC: newest first; SLA_DEADLINE: nearest SLA deadline first, tickets without one last.',
});
