import { type Caller } from '@reglament/shared/domain';
import { createLogger, MemoryEventBus } from '@reglament/shared/platform';
import { eventually } from '@reglament/shared/testing';
import { buildSchema, execute, type ExecutionResult, parse } from 'graphql';
import type { GatewayContext } from '../../src/context';
import { SubscriptionHub } from '../../src/subscriptions/hub';
import { withSubscriptions } from '../../src/subscriptions/schema';
import { messageAdded, ORG_A, ORG_B, statusChanged, TICKET_1, TICKET_2, TIMER_1, timerEvent } from '../support/events';

/**
 * The hub over the in-process bus (the same contract as NATS) with a small API schema; the
 * "supergraph" here is graphql-js over in-memory tickets, counting the queries it is sent.
 */
const API = buildSchema(/* GraphQL */ `
  scalar DateTime
  enum TicketStatus {
    REGISTERED
    IN_ANALYSIS
    AWAITING_CLARIFICATION
    IN_PROGRESS
    RESOLVED
    CLOSED
  }
  type TicketSla {
    nextDeadline: DateTime
  }
  type Ticket {
    id: ID!
    number: String!
    status: TicketStatus!
    sla: TicketSla
  }
  type SlaTimer {
    id: ID!
    deadline: DateTime
  }
  type Query {
    ticket(id: ID!): Ticket
    slaTimer(id: ID!): SlaTimer
  }
`);
const SCHEMA = withSubscriptions(API);

const TICKETS: Record<string, unknown> = {
  [TICKET_1]: { id: TICKET_1, number: 'T-1', status: 'IN_ANALYSIS', sla: { nextDeadline: '2025-03-04T07:00:00.000Z' } },
  [TICKET_2]: { id: TICKET_2, number: 'T-2', status: 'IN_PROGRESS', sla: null },
};

const customer = (org: string): GatewayContext => ({
  caller: { kind: 'user', id: `c-${org}`, role: 'CUSTOMER', organizationId: org, name: null } as Caller,
  expiresAt: null,
});
const dispatcher: GatewayContext = {
  caller: { kind: 'user', id: 'd-1', role: 'DISPATCHER', organizationId: null, name: null },
  expiresAt: null,
};

describe('the subscription hub', () => {
  let bus: MemoryEventBus;
  let hub: SubscriptionHub;
  let federatedQueries: string[];

  beforeEach(() => {
    const log = createLogger('test', 'silent');
    bus = new MemoryEventBus({ log });
    federatedQueries = [];
    hub = new SubscriptionHub({
      bus,
      schema: SCHEMA,
      log,
      queueCapacity: 10,
      executeFederated: async (query, variables) => {
        federatedQueries.push(query);
        return (await execute({
          schema: API,
          document: parse(query),
          variableValues: variables,
          rootValue: {
            ticket: ({ id }: { id: string }) => TICKETS[id] ?? null,
            slaTimer: ({ id }: { id: string }) =>
              id === TIMER_1 ? { id, deadline: '2025-03-03T09:00:00.000Z' } : null,
          },
        })) as ExecutionResult;
      },
    });
  });
  afterEach(async () => {
    await hub.close();
    await bus.close();
  });

  async function open(query: string, context: GatewayContext, variables: Record<string, unknown> = {}) {
    const stream = await hub.subscribe({
      schema: SCHEMA,
      document: parse(query),
      variableValues: variables,
      contextValue: context,
    });
    if (!(Symbol.asyncIterator in stream)) throw new Error(`refused: ${JSON.stringify(stream)}`);
    const received: ExecutionResult[] = [];
    void (async () => {
      for await (const result of stream) received.push(result);
    })();
    return { received, stop: () => stream.return?.() };
  }

  it('resolves an event once per group of equal selections, not once per subscriber', async () => {
    const wallboard = `subscription { ticketChanged { type ticket { number status } } }`;
    const subscribers = await Promise.all([1, 2, 3].map(() => open(wallboard, customer(ORG_A))));
    const other = await open(`subscription { ticketChanged { type from to } }`, customer(ORG_A));
    expect(hub.groupCount).toBe(2);

    await bus.publish(statusChanged(TICKET_1, ORG_A, 'REGISTERED', 'IN_ANALYSIS', 'ACKNOWLEDGE'));
    await eventually(() => subscribers.every((s) => s.received.length === 1) && other.received.length === 1);

    for (const s of subscribers) {
      expect(s.received[0]).toEqual({
        data: { ticketChanged: { type: 'ACKNOWLEDGED', ticket: { number: 'T-1', status: 'IN_ANALYSIS' } } },
      });
    }
    expect(other.received[0]).toEqual({
      data: { ticketChanged: { type: 'ACKNOWLEDGED', from: 'REGISTERED', to: 'IN_ANALYSIS' } },
    });
    // 4 subscribers in 2 groups: 2 executions; only the wallboard group needs the supergraph.
    expect(hub.executions).toBe(2);
    expect(hub.federatedFetches).toBe(1);
  });

  it('loads ticket and timer of a payload with one federated query, aliases and fragments kept', async () => {
    const s = await open(
      `subscription Board($withSla: Boolean!) {
         slaChanged { kind: type t: ticket { ...Head sla @include(if: $withSla) { nextDeadline } } timer { due: deadline } }
       }
       fragment Head on Ticket { number state: status }`,
      customer(ORG_A),
      { withSla: true },
    );
    await bus.publish(timerEvent('sla.timer.started', TICKET_1, ORG_A));
    await eventually(() => s.received.length === 1);
    expect(s.received[0]).toEqual({
      data: {
        slaChanged: {
          kind: 'STARTED',
          t: { number: 'T-1', state: 'IN_ANALYSIS', sla: { nextDeadline: '2025-03-04T07:00:00.000Z' } },
          timer: { due: '2025-03-03T09:00:00.000Z' },
        },
      },
    });
    expect(federatedQueries).toHaveLength(1);
    expect(federatedQueries[0]).toContain('e0: ticket(id: $__e0)');
    expect(federatedQueries[0]).toContain('e1: slaTimer(id: $__e1)');
  });

  it('loads the entities of one event for all groups of one visibility with one federated query, names kept apart', async () => {
    // Two documents that both call their fragment `Head` and their variable `$x`, with different meanings.
    const numbers = await open(
      `subscription($x: Boolean!) { ticketChanged { ticket { ...Head } } }
       fragment Head on Ticket { number sla @include(if: $x) { nextDeadline } }`,
      customer(ORG_A),
      { x: false },
    );
    const statuses = await open(
      `subscription($x: Boolean!) { ticketChanged { ticket { ...Head } } }
       fragment Head on Ticket { status sla @include(if: $x) { nextDeadline } }`,
      customer(ORG_A),
      { x: true },
    );
    const staff = await open(`subscription { ticketChanged { ticket { number } } }`, dispatcher);
    expect(hub.groupCount).toBe(3);

    await bus.publish(statusChanged(TICKET_1, ORG_A, 'REGISTERED', 'IN_ANALYSIS', 'ACKNOWLEDGE'));
    await eventually(
      () => numbers.received.length === 1 && statuses.received.length === 1 && staff.received.length === 1,
    );

    expect(numbers.received[0]).toEqual({ data: { ticketChanged: { ticket: { number: 'T-1' } } } });
    expect(statuses.received[0]).toEqual({
      data: { ticketChanged: { ticket: { status: 'IN_ANALYSIS', sla: { nextDeadline: '2025-03-04T07:00:00.000Z' } } } },
    });
    expect(staff.received[0]).toEqual({ data: { ticketChanged: { ticket: { number: 'T-1' } } } });
    // Three executions (one per group); two federated queries: the customers' groups share one, the dispatcher has its own.
    expect(hub.executions).toBe(3);
    expect(hub.federatedFetches).toBe(2);
    expect(
      federatedQueries.filter((q) => q.includes('fragment o0_Head') && q.includes('fragment o1_Head')),
    ).toHaveLength(1);
  });

  it('keeps an error deep in shared data with the group that asked for the failing field', async () => {
    const BROKEN = '01950000-0000-7000-8000-000000000009';
    TICKETS[BROKEN] = {
      id: BROKEN,
      number: 'T-9',
      status: 'IN_PROGRESS',
      sla: () => {
        throw new Error('SLA is unavailable');
      },
    };
    try {
      const withSla = await open(
        `subscription { ticketChanged { ticket { number sla { nextDeadline } } } }`,
        customer(ORG_A),
      );
      const plain = await open(`subscription { ticketChanged { ticket { number } } }`, customer(ORG_A));
      await bus.publish(statusChanged(BROKEN, ORG_A, 'IN_ANALYSIS', 'IN_PROGRESS', 'START_WORK'));
      await eventually(() => withSla.received.length === 1 && plain.received.length === 1);

      expect(hub.federatedFetches).toBe(1);
      expect(withSla.received[0]!.data).toEqual({ ticketChanged: { ticket: { number: 'T-9', sla: null } } });
      expect(withSla.received[0]!.errors?.map((e) => [e.message, e.path])).toEqual([
        ['SLA is unavailable', ['ticketChanged', 'ticket', 'sla']],
      ]);
      expect(plain.received[0]).toEqual({ data: { ticketChanged: { ticket: { number: 'T-9' } } } });
    } finally {
      delete TICKETS[BROKEN];
    }
  });

  it("gives a customer only its organization's changes, and no internal activity", async () => {
    const mine = await open(`subscription { ticketChanged { type ticketId } }`, customer(ORG_A));
    const staff = await open(`subscription { ticketChanged { type ticketId } }`, dispatcher);
    await bus.publish(statusChanged(TICKET_2, ORG_B, 'REGISTERED', 'IN_ANALYSIS', 'ACKNOWLEDGE'));
    await bus.publish(messageAdded(TICKET_1, ORG_A, true));
    await bus.publish(messageAdded(TICKET_1, ORG_A, false));
    await eventually(() => staff.received.length === 3 && mine.received.length === 1);
    expect(mine.received.map((r) => r.data)).toEqual([
      { ticketChanged: { type: 'MESSAGE_ADDED', ticketId: TICKET_1 } },
    ]);
    expect(
      staff.received.map((r) => (r.data as { ticketChanged: { ticketId: string } }).ticketChanged.ticketId),
    ).toEqual([TICKET_2, TICKET_1, TICKET_1]);
  });

  it('refuses arguments that reach for another organization', async () => {
    const refused = await hub.subscribe({
      schema: SCHEMA,
      document: parse(`subscription($org: ID) { ticketChanged(organizationId: $org) { type } }`),
      variableValues: { org: ORG_B },
      contextValue: customer(ORG_A),
    });
    expect(refused).toEqual({ errors: [expect.objectContaining({ extensions: { code: 'FORBIDDEN' } })] });
  });

  it('replays what a resuming subscriber missed, then continues live, each event once', async () => {
    const query = `subscription($after: String) { ticketChanged(after: $after) { type cursor } }`;
    await bus.publish(statusChanged(TICKET_1, ORG_A, 'REGISTERED', 'IN_ANALYSIS', 'ACKNOWLEDGE')); // seq 1
    await bus.publish(statusChanged(TICKET_1, ORG_A, 'IN_ANALYSIS', 'IN_PROGRESS', 'START_WORK')); // seq 2
    await bus.publish(statusChanged(TICKET_1, ORG_A, 'IN_PROGRESS', 'AWAITING_CLARIFICATION', 'REQUEST_CLARIFICATION')); // seq 3
    const live = await open(query, customer(ORG_A));
    const resumed = await open(query, customer(ORG_A), { after: '1' });
    // The cursor decides only where the replay starts: both share one live group.
    expect(hub.groupCount).toBe(1);
    await bus.publish(messageAdded(TICKET_1, ORG_A, false)); // seq 4
    await eventually(() => resumed.received.length === 3 && live.received.length === 1);
    // After cursor 1: events 2 and 3 from the stream, then 4 live.
    expect(resumed.received.map((r) => (r.data as { ticketChanged: { cursor: string } }).ticketChanged.cursor)).toEqual(
      ['2', '3', '4'],
    );
    expect(live.received.map((r) => (r.data as { ticketChanged: { cursor: string } }).ticketChanged.cursor)).toEqual([
      '4',
    ]);
  });

  it('tells a slow subscriber how many results it lost, without holding up the others', async () => {
    const stream = await hub.subscribe({
      schema: SCHEMA,
      document: parse(`subscription { ticketChanged { type ticketId } }`),
      contextValue: dispatcher,
    });
    const fast = await open(`subscription { ticketChanged { type ticketId } }`, dispatcher);
    // 12 events for 12 different tickets; the slow one reads nothing until the end (capacity 10).
    for (let i = 0; i < 12; i++) {
      const ticket = `01950000-0000-7000-8000-0000000001${String(i).padStart(2, '0')}`;
      await bus.publish(statusChanged(ticket, ORG_A, 'REGISTERED', 'IN_ANALYSIS', 'ACKNOWLEDGE'));
    }
    await eventually(() => fast.received.length === 12);
    const slow = stream as AsyncIterableIterator<ExecutionResult>;
    const first = await slow.next();
    // 12 results into 10 places: the 2 oldest were dropped and the first one delivered says so.
    expect(first.value.extensions).toEqual({ dropped: 2 });
    await slow.return?.();
  });
});
