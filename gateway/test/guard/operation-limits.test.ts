import { buildSchema, type FragmentDefinitionNode, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { ENTITY_FETCH_WEIGHT, measureOperation, type MeasureOptions } from '../../src/guard/operation-limits';
import { SubgraphMap } from '../../src/guard/subgraph-map';

const SCHEMA = buildSchema(/* GraphQL */ `
  type Timer {
    id: ID!
    deadline: String
  }
  type Sla {
    timers: [Timer!]!
  }
  type Ticket {
    id: ID!
    number: String!
    sla: Sla!
  }
  type TicketEdge {
    cursor: String!
    node: Ticket!
  }
  type TicketConnection {
    edges: [TicketEdge!]!
    totalCount: Int!
  }
  type Query {
    ticket(id: ID!): Ticket
    tickets(first: Int): TicketConnection!
  }
`);

function measure(source: string, variables: Record<string, unknown> = {}, options: MeasureOptions = {}) {
  const document = parse(source);
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  const fragments = Object.fromEntries(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  return measureOperation(SCHEMA, operation, fragments, variables, options);
}

describe('what the guard measures of an operation', () => {
  it('counts depth through fragments', () => {
    // ticket(1) > sla(2) > timers(3) > deadline(4), the last two through a fragment.
    expect(measure(`{ ticket(id: "1") { sla { ...T } } } fragment T on Sla { timers { deadline } }`).depth).toBe(4);
  });

  it('multiplies fields inside lists by the page size asked for', () => {
    // tickets 1 + edges 1 + 5 edges x (node 1 + number 1 + sla 1 + timers 1 + 10 assumed timers x deadline 1)
    // = 2 + 5 x (4 + 10) = 72
    const { cost } = measure(
      `query($n: Int) { tickets(first: $n) { edges { node { number sla { timers { deadline } } } } } }`,
      {
        n: 5,
      },
    );
    expect(cost).toBe(72);
  });

  it('takes the default page (20) for a connection without first', () => {
    // tickets 1 + totalCount 1 + edges 1 + 20 x cursor 1 = 23
    expect(measure(`{ tickets { totalCount edges { cursor } } }`).cost).toBe(23);
  });

  it('sees introspection and does not count it as depth', () => {
    const result = measure(`{ __schema { types { fields { type { ofType { ofType { name } } } } } } }`);
    expect(result).toMatchObject({ depth: 0, cost: 0, introspection: true, exceeded: null });
    expect(measure(`{ __typename ticket(id: "1") { id } }`).introspection).toBe(false);
  });

  it('a fragment spread many times counts every spread, its cost added up once per spread', () => {
    // F: number + id = 2; spread three times under ticket: ticket 1 + 3 x 2 = 7.
    expect(measure(`{ ticket(id: "1") { ...F ...F ...F } } fragment F on Ticket { number id }`).cost).toBe(7);
    // Inside a connection: tickets 1 + edges 1 + 5 x (node 1 + 2 x 2) = 27.
    expect(
      measure(`{ tickets(first: 5) { ...P } } fragment P on TicketConnection { edges { node { ...F ...F } } }
               fragment F on Ticket { number id }`).cost,
    ).toBe(27);
  });

  it('ten levels of ten spreads: the cost passes the limit without walking 10^10 selections', () => {
    const levels = 10;
    const fragments = Array.from({ length: levels }, (_, i) =>
      i === levels - 1
        ? `fragment F${i} on Ticket { id }`
        : `fragment F${i} on Ticket { ${Array.from({ length: 10 }, () => `...F${i + 1}`).join(' ')} }`,
    ).join('\n');
    const source = `{ ticket(id: "1") { ...F0 } }\n${fragments}`;
    const unbounded = measure(source);
    // Expanded, the document reads id 10^9 times: 1 (ticket) + 10^9.
    expect(unbounded.cost).toBe(1 + 10 ** 9);
    // Each fragment is walked once: ticket 1 + its spread 1 + 10 spreads in each of F0..F8 + F9's id 1 = 93.
    expect(unbounded.steps).toBe(93);
    const limited = measure(source, {}, { maxCost: 20_000 });
    expect(limited.exceeded).toBe('cost');
    expect(limited.steps).toBeLessThanOrEqual(93);
  });

  it('stops at the first limit passed: depth', () => {
    const result = measure(`{ ticket(id: "1") { sla { timers { id } } } }`, {}, { maxDepth: 2 });
    expect(result.exceeded).toBe('depth');
  });

  it('a field from another subgraph costs an entity fetch per item', () => {
    const subgraphs = SubgraphMap.fromSupergraph(/* GraphQL */ `
      type Query @join__type(graph: TICKETS) {
        ticket(id: ID!): Ticket
        tickets(first: Int): TicketConnection!
      }
      type TicketConnection @join__type(graph: TICKETS) {
        edges: [TicketEdge!]!
        totalCount: Int!
      }
      type TicketEdge @join__type(graph: TICKETS) {
        cursor: String!
        node: Ticket!
      }
      type Ticket @join__type(graph: TICKETS, key: "id") @join__type(graph: SLA, key: "id") {
        id: ID!
        number: String! @join__field(graph: TICKETS)
        sla: Sla! @join__field(graph: SLA)
      }
      type Sla @join__type(graph: SLA) {
        timers: [Timer!]!
      }
      type Timer @join__type(graph: SLA) {
        id: ID!
        deadline: String
      }
    `);
    // ticket 1 + number 1 + sla (1 + fetch) + timers 1 + 10 x id 1 = 14 + fetch.
    expect(measure(`{ ticket(id: "1") { number sla { timers { id } } } }`, {}, { subgraphs }).cost).toBe(
      14 + ENTITY_FETCH_WEIGHT,
    );
    // On a page of 5, once per ticket: 1 + 1 + 5 x (node 1 + sla 1 + fetch + timers 1 + 10) = 2 + 5 x (13 + fetch).
    expect(measure(`{ tickets(first: 5) { edges { node { sla { timers { id } } } } } }`, {}, { subgraphs }).cost).toBe(
      2 + 5 * (13 + ENTITY_FETCH_WEIGHT),
    );
  });
});
