import type { Caller } from '@reglament/shared/domain';
import type { Logger as OrmLogger } from 'typeorm';
import { type Tenant, TicketsHarness } from './support/harness';
import { type TicketRef, ticketIn } from './support/tickets';

interface Page {
  tickets: {
    totalCount: number;
    edges: { cursor: string; node: { number: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const LIST = `query($filter: TicketFilter, $orderBy: TicketOrder, $first: Int, $after: String) {
  tickets(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount edges { cursor node { number } } pageInfo { hasNextPage endCursor }
  }
}`;

/**
 * Reads: by id, by number, lists with filters, text search, two orders and cursor pages; tenant
 * isolation on every path (R-TKT-13 for the customer's own, nothing of anyone else's); internal
 * messages and files hidden from customers; a page of 100 tickets costs a constant number of SQL
 * queries.
 */
describe('reading tickets', () => {
  let h: TicketsHarness;
  let a: Tenant;
  let b: Tenant;
  /** Tenant A's tickets in registration order (each a minute after the previous). */
  const mine: TicketRef[] = [];
  let theirs: TicketRef;

  beforeAll(async () => {
    h = await TicketsHarness.start();
    a = await h.tenant();
    b = await h.tenant();
    const titles = [
      'Invoices do not post',
      'Payroll report 100% wrong',
      'Question about VAT_rate',
      'Printer form misaligned',
      'Slow month close',
    ];
    for (const [i, title] of titles.entries()) {
      h.setClock(`2025-03-03T07:0${i}:00Z`);
      mine.push(
        await ticketIn(h, a, (['REGISTERED', 'IN_ANALYSIS', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'] as const)[i]!, {
          title,
        }),
      );
    }
    h.setClock('2025-03-03T07:10:00Z');
    theirs = await ticketIn(h, b, 'IN_PROGRESS', { title: 'Invoices do not post either' });
    h.setClock('2025-03-03T07:00:00Z');
  });
  afterAll(async () => {
    await h?.stop();
  });

  const numbers = (page: Page) => page.tickets.edges.map((e) => e.node.number);
  const list = (caller: Caller, vars: Record<string, unknown> = {}) => h.ok<Page>(caller, LIST, vars);

  describe('filters and search', () => {
    it('staff see every organization; a filter narrows', async () => {
      const all = await list(h.staff.DISPATCHER);
      expect(all.tickets.totalCount).toBe(6);
      const onlyA = await list(h.staff.DISPATCHER, { filter: { organizationId: a.organizationId } });
      expect(numbers(onlyA)).toEqual(mine.map((t) => t.number));
    });

    it('by status (any of), priority, assignee', async () => {
      const open = await list(h.staff.DISPATCHER, {
        filter: { organizationId: a.organizationId, status: ['REGISTERED', 'IN_ANALYSIS'] },
      });
      expect(numbers(open)).toEqual([mine[0]!.number, mine[1]!.number]);
      // Tickets triaged by ticketIn are SUPPORT/NORMAL assigned to the engineer: in progress, resolved, closed.
      const normal = await list(h.staff.DISPATCHER, {
        filter: { organizationId: a.organizationId, priority: 'NORMAL' },
      });
      expect(numbers(normal)).toEqual([mine[2]!.number, mine[3]!.number, mine[4]!.number]);
      const assigned = await list(h.staff.DISPATCHER, {
        filter: { organizationId: a.organizationId, assigneeId: h.staff.ENGINEER.id, status: ['IN_PROGRESS'] },
      });
      expect(numbers(assigned)).toEqual([mine[2]!.number]);
    });

    it('text search in title, description and number, case-insensitive, wildcards taken literally', async () => {
      expect(numbers(await list(a.customer, { filter: { search: 'INVOICES' } }))).toEqual([mine[0]!.number]);
      expect(numbers(await list(a.customer, { filter: { search: '100%' } }))).toEqual([mine[1]!.number]);
      // "_" is a character here, not "any character": "VAT_rate" matches, "VATxrate" would not.
      expect(numbers(await list(a.customer, { filter: { search: 'vat_' } }))).toEqual([mine[2]!.number]);
      expect(numbers(await list(a.customer, { filter: { search: mine[3]!.number.toLowerCase() } }))).toEqual([
        mine[3]!.number,
      ]);
      // Every description says "error 42".
      expect((await list(a.customer, { filter: { search: 'error 42' } })).tickets.totalCount).toBe(5);
    });

    it('breached, from what the SLA service said', async () => {
      const breach = await h.publish('sla.ticket.state_changed', a.organizationId, {
        ticketId: mine[2]!.id,
        organizationId: a.organizationId,
        state: 'BREACHED',
        nextDeadline: null,
        breached: true,
        failureReportPending: false,
      });
      await h.applied(breach.id);
      expect(numbers(await list(a.customer, { filter: { breached: true } }))).toEqual([mine[2]!.number]);
      expect((await list(a.customer, { filter: { breached: false } })).tickets.totalCount).toBe(4);
    });
  });

  describe('order and pages', () => {
    it('newest first, and nearest SLA deadline first with tickets without one last', async () => {
      const newest = await list(a.customer, { orderBy: 'REGISTERED_AT_DESC' });
      expect(numbers(newest)).toEqual(mine.map((t) => t.number).reverse());
      const deadlines: [number, string | null][] = [
        [0, '2025-03-04T07:00:00.000Z'],
        [1, '2025-03-03T09:00:00.000Z'],
        [3, '2025-03-05T12:00:00.000Z'],
        [4, null],
      ];
      let last = '';
      for (const [i, at] of deadlines) {
        last = (
          await h.publish('sla.ticket.state_changed', a.organizationId, {
            ticketId: mine[i]!.id,
            organizationId: a.organizationId,
            state: at ? 'ON_TRACK' : 'MET',
            nextDeadline: at,
            breached: false,
            failureReportPending: false,
          })
        ).id;
      }
      await h.applied(last);
      // 09:00 (#1) < next day 07:00 (#0) < 5 March (#3); then no deadline: #2 (breached, none) and #4, by id.
      const nearest = await list(a.customer, { orderBy: 'SLA_DEADLINE' });
      expect(numbers(nearest)).toEqual([mine[1], mine[0], mine[3], mine[2], mine[4]].map((t) => t!.number));
    });

    it.each(['REGISTERED_AT', 'REGISTERED_AT_DESC', 'SLA_DEADLINE'])(
      'pages of 2 in %s order cover the list exactly once, with the total on every page',
      async (orderBy) => {
        const whole = numbers(await list(a.customer, { orderBy }));
        const seen: string[] = [];
        let after: string | null = null;
        for (let pages = 0; pages < 10; pages++) {
          const page: Page = await list(a.customer, { orderBy, first: 2, after });
          expect(page.tickets.totalCount).toBe(5);
          seen.push(...numbers(page));
          if (!page.tickets.pageInfo.hasNextPage) break;
          after = page.tickets.pageInfo.endCursor;
        }
        expect(seen).toEqual(whole);
      },
    );

    it('refuses a page size out of range and a cursor from elsewhere', async () => {
      const big = await h.gql(a.customer, LIST, { first: 101 });
      expect(big.errors?.[0]?.message).toBe('first must be an integer from 1 to 100, got 101');
      const page = await list(a.customer, { first: 1, orderBy: 'REGISTERED_AT' });
      const wrongOrder = await h.gql(a.customer, LIST, {
        orderBy: 'SLA_DEADLINE',
        after: page.tickets.pageInfo.endCursor,
      });
      expect(wrongOrder.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const junk = await h.gql(a.customer, LIST, { after: 'bm90IGEgY3Vyc29y' });
      expect(junk.errors?.[0]?.extensions?.field).toBe('after');
    });
  });

  describe('tenant isolation', () => {
    it("a customer gets nothing of another organization's: by id, by number, by list, by reference", async () => {
      const byId = await h.gql(b.customer, `query($id: ID!) { ticket(id: $id) { id } }`, { id: mine[0]!.id });
      expect(byId.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const byNumber = await h.gql(b.customer, `query($n: String!) { ticketByNumber(number: $n) { id } }`, {
        n: mine[0]!.number,
      });
      expect(byNumber.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(numbers(await list(b.customer))).toEqual([theirs.number]);
      expect(numbers(await list(b.customer, { filter: { search: 'Invoices' } }))).toEqual([theirs.number]);
      const reach = await h.gql(b.customer, LIST, { filter: { organizationId: a.organizationId } });
      expect(reach.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const reference = await h.gql<{ _entities: ({ id: string; number: string } | null)[] }>(
        b.customer,
        `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Ticket { id number } } }`,
        {
          reps: [
            { __typename: 'Ticket', id: mine[0]!.id },
            { __typename: 'Ticket', id: theirs.id },
          ],
        },
      );
      expect(reference.data?._entities).toEqual([null, { id: theirs.id, number: theirs.number }]);
      const anonymous = await h.gql({ kind: 'anonymous' }, LIST);
      expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('an organization-bound partner sees its organization only', async () => {
      const partner: Caller = { kind: 'user', id: 'p-1', role: 'PARTNER', organizationId: b.organizationId, name: 'p' };
      expect(numbers(await list(partner))).toEqual([theirs.number]);
    });

    it('a customer never sees internal notes or internal files, in messages, history or attachments', async () => {
      const id = mine[2]!.id;
      await h.ok(
        h.staff.ENGINEER,
        `mutation($id: ID!) { addMessage(ticketId: $id, body: "Customer DB is corrupt", internal: true) { id } }`,
        { id },
      );
      await h.ok(h.staff.ENGINEER, `mutation($id: ID!) { addMessage(ticketId: $id, body: "We are on it") { id } }`, {
        id,
      });
      const { addAttachment: dump } = await h.ok<{ addAttachment: { id: string } }>(
        h.staff.ENGINEER,
        `mutation($id: ID!) { addAttachment(ticketId: $id, input: { name: "dump.sql", contentType: "application/sql",
           contentBase64: "c2VjcmV0", internal: true }) { id } }`,
        { id },
      );
      const query = `query($id: ID!) { ticket(id: $id) { messages { body internal } history { type note } attachments { name } } }`;
      const customerView = await h.ok<{
        ticket: {
          messages: { body: string }[];
          history: { type: string; note: string | null }[];
          attachments: unknown[];
        };
      }>(a.customer, query, { id });
      expect(customerView.ticket.messages.map((m) => m.body)).toEqual(['We are on it']);
      expect(JSON.stringify(customerView)).not.toContain('corrupt');
      expect(JSON.stringify(customerView)).not.toContain('dump.sql');
      expect(customerView.ticket.attachments).toEqual([]);
      const hidden = await h.gql(a.customer, `query($id: ID!) { attachment(id: $id) { name } }`, { id: dump.id });
      expect(hidden.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const staffView = await h.ok<{
        ticket: { messages: { body: string; internal: boolean }[]; attachments: unknown[] };
      }>(h.staff.DISPATCHER, query, { id });
      expect(staffView.ticket.messages).toEqual([
        { body: 'Customer DB is corrupt', internal: true },
        { body: 'We are on it', internal: false },
      ]);
      expect(staffView.ticket.attachments).toEqual([{ name: 'dump.sql' }]);
    });
  });

  describe('N+1: a page of tickets with everything hanging off it', () => {
    const PAGE = `query($first: Int, $org: ID) {
      tickets(first: $first, filter: { organizationId: $org }) {
        totalCount
        edges { node {
          number allowedMoves
          requester { fullName } assignee { fullName }
          messages { body } history { type actor } attachments { name size }
          linkedTicket { number } linkedTickets { number }
        } }
      }
    }`;

    /** Counts the SQL this service sends while `work` runs (the outbox relay's own polling aside). */
    async function countQueries(work: () => Promise<unknown>): Promise<number> {
      const dataSource = h.service.runtime.dataSource;
      const original = dataSource.logger;
      const seen: string[] = [];
      const counting: OrmLogger = Object.assign(Object.create(original) as OrmLogger, {
        logQuery: (query: string) => void seen.push(query),
      });
      (dataSource as { logger: OrmLogger }).logger = counting;
      try {
        await work();
      } finally {
        (dataSource as { logger: OrmLogger }).logger = original;
      }
      // Reads run outside transactions; the outbox relay's polling (its own transactions) is not ours.
      return seen.filter((q) => /^\s*SELECT/i.test(q) && !/\b(outbox|inbox|pg_try_advisory_xact_lock)\b/.test(q))
        .length;
    }

    it('costs the same, constant number of queries for 10 or 100 tickets', async () => {
      const tenant = await h.tenant();
      let previous: string | undefined;
      for (let i = 0; i < 100; i++) {
        // Every other ticket is in progress (assigned); every third is a new problem of the one before (R-TKT-2).
        const ticket = await ticketIn(h, tenant, i % 2 ? 'IN_PROGRESS' : 'REGISTERED', {
          title: `Load ${i}`,
          ...(i % 3 === 1 && previous ? { linkedTicketId: previous } : {}),
        });
        previous = ticket.id;
        await h.ok(
          tenant.customer,
          `mutation($id: ID!) { addMessage(ticketId: $id, body: "ping") { id }
             addAttachment(ticketId: $id, input: { name: "a.txt", contentType: "text/plain", contentBase64: "YQ==" }) { id } }`,
          { id: ticket.id },
        );
      }
      const page = (first: number) =>
        h.ok<{ tickets: { edges: unknown[] } }>(h.staff.DISPATCHER, PAGE, { first, org: tenant.organizationId });
      const ten = await countQueries(() => page(10));
      const hundred = await countQueries(() => page(100));
      // page + totalCount + requester + assignee + messages + history + attachments + linkedTicket + linkedTickets
      expect(hundred).toBe(9);
      expect(ten).toBe(hundred);
      expect((await page(100)).tickets.edges).toHaveLength(100);

      // Federation references (how the gateway fetches tickets for other subgraphs) come in one query.
      const ids = (
        await h.query<{ id: string }>(`SELECT id FROM tickets WHERE organization_id = $1`, [tenant.organizationId])
      ).map((r) => ({ __typename: 'Ticket', id: r.id }));
      const references = await countQueries(() =>
        h.ok(
          h.staff.DISPATCHER,
          `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Ticket { number messages { body } } } }`,
          {
            reps: ids,
          },
        ),
      );
      // tickets by id + messages
      expect(references).toBe(2);

      // Several `ticket(id:)` fields of one request (how the gateway batches a subscription's
      // entities for one event) read the tickets once; a foreign id among them is simply not found.
      const [a, b] = ids;
      const other = await ticketIn(h, await h.tenant(), 'REGISTERED');
      let answer: unknown;
      const aliased = await countQueries(async () => {
        answer = await h.gql(
          tenant.customer,
          `query($a: ID!, $b: ID!, $o: ID!) { e0: ticket(id: $a) { id } e1: ticket(id: $a) { number }
             e2: ticket(id: $b) { id } e3: ticket(id: $o) { id } }`,
          { a: a!.id, b: b!.id, o: other.id },
        );
      });
      expect(aliased).toBe(1);
      expect(answer).toMatchObject({
        data: { e0: { id: a!.id }, e1: { number: expect.any(String) }, e2: { id: b!.id }, e3: null },
        errors: [expect.objectContaining({ path: ['e3'], extensions: expect.objectContaining({ code: 'NOT_FOUND' }) })],
      });
    });
  });
});
