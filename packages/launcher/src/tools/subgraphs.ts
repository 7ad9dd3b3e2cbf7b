import { buildContractsSchema } from '@reglament/contracts';
import { buildNotificationsSchema } from '@reglament/notifications';
import { buildSlaSchema } from '@reglament/sla';
import { buildTicketsSchema } from '@reglament/tickets';
import type { GraphQLSchema } from 'graphql';
import { buildOperationsSchema, OPERATIONS_SUBGRAPH } from '@reglament/gateway';

export const SUBGRAPH_NAMES = ['tickets', 'sla', 'contracts', 'notifications', OPERATIONS_SUBGRAPH] as const;
/** The URL the supergraph names for a subgraph the gateway serves itself. */
export const LOCAL_SUBGRAPH_URL = 'local://gateway';

export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

/** Each subgraph: how to build its schema (no database needed), where it lives, its default port. */
export const SUBGRAPHS: Record<
  SubgraphName,
  { build: () => Promise<GraphQLSchema>; dir: string; port: number; url?: string }
> = {
  tickets: { build: buildTicketsSchema, dir: 'services/tickets', port: 4001 },
  sla: { build: buildSlaSchema, dir: 'services/sla', port: 4002 },
  contracts: { build: buildContractsSchema, dir: 'services/contracts', port: 4003 },
  notifications: { build: buildNotificationsSchema, dir: 'services/notifications', port: 4004 },
  // Served inside the gateway's process (parked events of every part), never over the network.
  operations: {
    build: async () => buildOperationsSchema(() => ({}), null),
    dir: 'gateway/src/operations',
    port: 4000,
    url: LOCAL_SUBGRAPH_URL,
  },
};
