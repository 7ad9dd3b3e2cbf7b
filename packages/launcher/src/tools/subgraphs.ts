import { buildContractsSchema } from '@reglament/contracts';
import { buildNotificationsSchema } from '@reglament/notifications';
import { buildSlaSchema } from '@reglament/sla';
import { buildTicketsSchema } from '@reglament/tickets';
import type { GraphQLSchema } from 'graphql';

export const SUBGRAPH_NAMES = ['tickets', 'sla', 'contracts', 'notifications'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

/** Each subgraph: how to build its schema (no database needed), where it lives, its default port. */
export const SUBGRAPHS: Record<SubgraphName, { build: () => Promise<GraphQLSchema>; dir: string; port: number }> = {
  tickets: { build: buildTicketsSchema, dir: 'services/tickets', port: 4001 },
  sla: { build: buildSlaSchema, dir: 'services/sla', port: 4002 },
  contracts: { build: buildContractsSchema, dir: 'services/contracts', port: 4003 },
  notifications: { build: buildNotificationsSchema, dir: 'services/notifications', port: 4004 },
};
