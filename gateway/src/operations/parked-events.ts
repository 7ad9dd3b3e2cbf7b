import { LocalGraphQLDataSource } from '@apollo/gateway';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { AppError, badInput, ErrorCode, forbidden, hasRole } from '@reglament/shared/domain';
import { MUTATION_DESCRIPTION, PARKED_EVENTS_PATH, QUERY_DESCRIPTION } from '@reglament/shared/platform';
import { GraphQLError, type GraphQLSchema, parse } from 'graphql';
import { request } from 'undici';
import type { GatewayContext } from '../context';
import type { CallerSigner } from '../caller-signer';

/** The gateway's own subgraph (served in its process): operations over every part. */
export const OPERATIONS_SUBGRAPH = 'operations';

export const OPERATIONS_SDL = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@shareable"])

  scalar DateTime

  "FAILED: its handler failed it PARK_AFTER_ATTEMPTS times. HELD: waits behind a parked event of the same ticket."
  enum ParkedEventState {
    "Its handler failed it PARK_AFTER_ATTEMPTS times."
    FAILED
    "It waits behind a parked event of the same ticket."
    HELD
  }

  "An event a consumer set aside instead of blocking on it (admins only)."
  type ParkedEvent {
    "<service>:<id>, as retryParkedEvent and discardParkedEvent take it."
    id: ID!
    "The part whose consumer parked it: tickets, sla, contracts, notifications."
    service: String!
    "The durable consumer, e.g. sla-on-tickets."
    consumer: String!
    "The event's id (the envelope's id, UUID v7)."
    eventId: ID!
    "The event's type, e.g. tickets.ticket.registered."
    eventType: String!
    "What keeps order (ticket:<id> or contract:<id>); events of the same key wait behind it."
    orderingKey: String
    "The event's position in its domain's stream."
    streamSeq: Float!
    "FAILED or HELD."
    state: ParkedEventState!
    "The handler's last error (HELD: which parked event it waits behind)."
    error: String!
    "How many times its handler ran."
    attempts: Int!
    "When it was parked (UTC)."
    parkedAt: DateTime!
    "The event's envelope as JSON text."
    envelope: String!
  }

  "What became of a parked event an administrator acted on."
  enum ParkedEventResult {
    "Applied this time; it is no longer parked."
    APPLIED
    "Dropped for good."
    DISCARDED
    "Its handler failed again; it stays parked."
    FAILED
  }

  "The outcome of retryParkedEvent or discardParkedEvent."
  type ParkedEventOutcome {
    "What became of the event."
    result: ParkedEventResult!
    "Set when the retry failed again (the event stays parked)."
    error: String
    "Events held behind it that were applied now, in order."
    released: Int!
    "Events of the same ticket still parked."
    stillParked: Int!
  }

  """${QUERY_DESCRIPTION}"""
  type Query {
    "Parked events of every part, oldest first (ADMIN). \`service\` narrows to one part; first: 1-500 per part."
    parkedEvents(
      "Only this part's: tickets, sla, contracts or notifications."
      service: String
      "At most this many per part, 1-500."
      first: Int = 100
    ): [ParkedEvent!]!
  }

  """${MUTATION_DESCRIPTION}"""
  type Mutation {
    "Applies a parked event again (once), then the events of its ticket held behind it (ADMIN)."
    retryParkedEvent("The parked event, <service>:<id>." id: ID!): ParkedEventOutcome!
    "Drops a parked event for good, then applies the events held behind it (ADMIN)."
    discardParkedEvent("The parked event, <service>:<id>." id: ID!): ParkedEventOutcome!
  }
`;

interface ParkedFromPart {
  id: string;
  [key: string]: unknown;
  envelope: unknown;
}

/** Calls a part's parked-events route as the caller (signed), mapping its refusals to typed errors. */
async function callPart(
  url: string,
  signer: CallerSigner,
  context: GatewayContext,
  init: { method: 'GET' | 'POST'; query?: string; body?: unknown },
): Promise<unknown> {
  const target = new URL(PARKED_EVENTS_PATH + (init.query ?? ''), url);
  let response;
  try {
    response = await request(target, {
      method: init.method,
      headers: { 'content-type': 'application/json', ...signer.headersFor(context) },
      ...(init.body ? { body: JSON.stringify(init.body) } : {}),
      headersTimeout: 15_000,
      bodyTimeout: 15_000,
    });
  } catch {
    throw new AppError(ErrorCode.SERVICE_UNAVAILABLE, `The part at ${target.host} is unavailable for a moment`, {
      retryable: init.method === 'GET',
    });
  }
  const payload = (await response.body.json()) as { error?: { code: string; message: string; details?: object } };
  if (response.statusCode >= 400) {
    const error = payload.error ?? { code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'The part refused' };
    throw new AppError(error.code as ErrorCode, error.message, error.details as Record<string, unknown>);
  }
  return payload;
}

/** The operations subgraph's schema; `parts` maps each service to its GraphQL URL. */
export function buildOperationsSchema(parts: () => Record<string, string>, signer: CallerSigner | null): GraphQLSchema {
  const admin = (context: GatewayContext) => {
    if (!hasRole(context.caller, 'ADMIN')) throw forbidden('Parked events are for admins only');
    if (!signer) throw new Error('operations subgraph without a signer');
    return signer;
  };
  const partOf = (id: string) => {
    const [service, parkedId] = id.split(':', 2);
    const url = service ? parts()[service] : undefined;
    if (!url || !parkedId) {
      throw badInput('id must be <service>:<parked event id> as parkedEvents gives it', {
        services: Object.keys(parts()),
      });
    }
    return { service: service!, parkedId, url };
  };
  const act = (action: 'retry' | 'discard') => async (_: unknown, args: { id: string }, context: GatewayContext) => {
    const s = admin(context);
    const { parkedId, url } = partOf(args.id);
    return callPart(url, s, context, { method: 'POST', body: { action, id: parkedId } });
  };
  return buildSubgraphSchema({
    typeDefs: parse(OPERATIONS_SDL),
    resolvers: {
      Query: {
        parkedEvents: typed(
          async (_: unknown, args: { service?: string | null; first?: number | null }, context: GatewayContext) => {
            const s = admin(context);
            const first = args.first ?? 100;
            if (!Number.isInteger(first) || first < 1 || first > 500) {
              throw badInput('first must be an integer 1-500', { first });
            }
            const all = parts();
            if (args.service && !all[args.service]) {
              throw badInput(`service must be one of ${Object.keys(all).join(', ')}`, { service: args.service });
            }
            const services = args.service ? [args.service] : Object.keys(all).sort();
            const lists = await Promise.all(
              services.map(async (service) => {
                const { events } = (await callPart(all[service]!, s, context, {
                  method: 'GET',
                  query: `?limit=${first}`,
                })) as { events: ParkedFromPart[] };
                return events.map((event) => ({
                  ...event,
                  id: `${service}:${event.id}`,
                  service,
                  envelope: JSON.stringify(event.envelope),
                }));
              }),
            );
            return lists.flat();
          },
        ),
      },
      Mutation: { retryParkedEvent: typed(act('retry')), discardParkedEvent: typed(act('discard')) },
    } as never,
  });
}

/**
 * Refusals as GraphQL errors carrying their code (an in-process subgraph's errors reach the
 * client through the gateway's error path, which reads `extensions`).
 */
function typed<A extends unknown[], R>(resolve: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args) => {
    try {
      return await resolve(...args);
    } catch (error) {
      if (error instanceof AppError) {
        throw new GraphQLError(error.message, { extensions: { code: error.code, ...error.details } });
      }
      throw error;
    }
  };
}

/** The operations subgraph as the gateway serves it: in process, no network hop. */
export function operationsDataSource(schema: GraphQLSchema): LocalGraphQLDataSource {
  return new LocalGraphQLDataSource(schema);
}
