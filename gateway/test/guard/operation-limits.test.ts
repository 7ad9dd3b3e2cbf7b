import { buildSchema, type FragmentDefinitionNode, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { measureOperation } from '../../src/guard/operation-limits';

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

function measure(source: string, variables: Record<string, unknown> = {}) {
  const document = parse(source);
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  const fragments = Object.fromEntries(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  return measureOperation(SCHEMA, operation, fragments, variables);
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
    expect(result).toEqual({ depth: 0, cost: 0, introspection: true });
    expect(measure(`{ __typename ticket(id: "1") { id } }`).introspection).toBe(false);
  });
});
