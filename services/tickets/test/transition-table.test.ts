import { type Caller, TICKET_STATUSES, type TicketStatus } from '@reglament/shared/domain';
import { type Tenant, TicketsHarness } from './support/harness';
import { footprint, type TicketRef, ticketIn } from './support/tickets';

/**
 * R-TKT-14, every cell of the transition table through the API on real PostgreSQL and NATS:
 * each move x each status x each role. Allowed cells make the move on a fresh ticket and land
 * where the regulation says; refused cells get FORBIDDEN (wrong role) or INVALID_TRANSITION
 * (wrong status) and change nothing: same version, no history entry, no message, no event.
 */
const OPEN: TicketStatus[] = ['REGISTERED', 'IN_ANALYSIS', 'AWAITING_CLARIFICATION', 'IN_PROGRESS', 'RESOLVED'];
const BEFORE_SOLUTION: TicketStatus[] = ['REGISTERED', 'IN_ANALYSIS', 'AWAITING_CLARIFICATION', 'IN_PROGRESS'];
const STAFF = ['DISPATCHER', 'ENGINEER', 'ADMIN'] as const;
const ROLES = ['CUSTOMER', 'DISPATCHER', 'ENGINEER', 'ADMIN', 'SYSTEM', 'PARTNER'] as const;
type Role = (typeof ROLES)[number];

interface Row {
  /** The mutation with valid input ($id, plus $a for the assignee when needed). */
  mutation: string;
  from: TicketStatus[];
  who: readonly Role[];
  /** Where the ticket is after the move: a status, or 'same'. */
  to: TicketStatus | 'same';
  /** The history entry the move adds last. */
  recorded: string;
  /** Roles the move admits that the given input (a close reason) does not: FORBIDDEN after the status check. */
  inputRefuses?: readonly Role[];
  /** The fresh ticket needs a pending on-site request. */
  onSite?: boolean;
}

// Written out from docs/domain.md R-TKT-9..14 and docs/api.md, not from the code's table.
const TABLE: Record<string, Row> = {
  ACKNOWLEDGE: {
    mutation: `acknowledgeTicket(id: $id, message: "We are looking into it")`,
    from: ['REGISTERED'],
    who: STAFF,
    to: 'IN_ANALYSIS',
    recorded: 'STATUS_CHANGED',
  },
  TRIAGE: {
    mutation: `triageTicket(id: $id, input: { category: ERROR, priority: HIGH, assigneeId: $a,
      plannedResolutionAt: "2025-03-12T18:00:00+03:00" })`,
    from: ['IN_ANALYSIS'],
    who: STAFF,
    to: 'IN_PROGRESS',
    recorded: 'STATUS_CHANGED',
  },
  REQUEST_CLARIFICATION: {
    mutation: `requestClarification(id: $id, question: "Please send the log")`,
    from: ['IN_ANALYSIS', 'IN_PROGRESS'],
    who: STAFF,
    to: 'AWAITING_CLARIFICATION',
    recorded: 'STATUS_CHANGED',
  },
  ANSWER_CLARIFICATION: {
    mutation: `answerClarification(id: $id, answer: "Log attached")`,
    from: ['AWAITING_CLARIFICATION'],
    who: ['CUSTOMER', 'SYSTEM'],
    // The fresh ticket was asked from IN_ANALYSIS, so it goes back there.
    to: 'IN_ANALYSIS',
    recorded: 'STATUS_CHANGED',
  },
  PROVIDE_SOLUTION: {
    mutation: `provideSolution(id: $id, solution: "Fixed in 2.4.1")`,
    from: ['IN_PROGRESS'],
    who: STAFF,
    to: 'RESOLVED',
    recorded: 'STATUS_CHANGED',
  },
  ACCEPT_SOLUTION: {
    mutation: `acceptSolution(id: $id)`,
    from: ['RESOLVED'],
    who: ['CUSTOMER'],
    to: 'CLOSED',
    recorded: 'CLOSED',
  },
  RETURN_SOLUTION: {
    mutation: `returnSolution(id: $id, remarks: "Still fails on the second invoice")`,
    from: ['RESOLVED'],
    who: ['CUSTOMER'],
    to: 'IN_PROGRESS',
    recorded: 'STATUS_CHANGED',
  },
  CLOSE: {
    mutation: `closeTicket(id: $id, reason: WITHDRAWN, comment: "No longer needed")`,
    from: OPEN,
    who: ['CUSTOMER', ...STAFF, 'SYSTEM'],
    to: 'CLOSED',
    recorded: 'CLOSED',
    // The system closes only with AUTO_CLOSED / NO_CLARIFICATION, never WITHDRAWN.
    inputRefuses: ['SYSTEM'],
  },
  CHANGE_PRIORITY: {
    mutation: `changePriority(id: $id, priority: URGENT, reason: "Production is down")`,
    from: BEFORE_SOLUTION,
    who: STAFF,
    to: 'same',
    recorded: 'PRIORITY_CHANGED',
  },
  CHANGE_PLANNED_DATE: {
    mutation: `changePlannedDate(id: $id, plannedResolutionAt: "2025-03-20T18:00:00+03:00", reason: "Agreed")`,
    from: ['IN_PROGRESS', 'AWAITING_CLARIFICATION'],
    who: STAFF,
    to: 'same',
    recorded: 'PLANNED_DATE_CHANGED',
  },
  ASSIGN: {
    mutation: `assignTicket(id: $id, assigneeId: $d)`,
    from: OPEN,
    who: STAFF,
    to: 'same',
    recorded: 'ASSIGNED',
  },
  ADD_MESSAGE: {
    mutation: `addMessage(ticketId: $id, body: "Any news?")`,
    from: OPEN,
    who: ['CUSTOMER', ...STAFF, 'SYSTEM'],
    to: 'same',
    recorded: 'MESSAGE_ADDED',
  },
  ADD_ATTACHMENT: {
    mutation: `addAttachment(ticketId: $id, input: { name: "log.txt", contentType: "text/plain", contentBase64: "aGVsbG8=" })`,
    from: OPEN,
    who: ['CUSTOMER', ...STAFF],
    to: 'same',
    recorded: 'ATTACHMENT_ADDED',
  },
  REQUEST_ON_SITE: {
    mutation: `requestOnSiteVisit(id: $id, note: "Server room 3")`,
    from: BEFORE_SOLUTION,
    who: ['CUSTOMER', 'DISPATCHER', 'ADMIN'],
    to: 'same',
    recorded: 'ON_SITE_REQUESTED',
  },
  RECORD_ON_SITE_ARRIVAL: {
    mutation: `recordOnSiteArrival(id: $id)`,
    from: OPEN,
    who: ['ENGINEER', 'ADMIN'],
    to: 'same',
    recorded: 'ON_SITE_ARRIVED',
    onSite: true,
  },
};

/**
 * Refused cells per move out of 6 statuses x 6 roles = 36, counted by hand from the table above:
 * 36 minus (statuses it starts from) x (roles that may make it with the given input).
 */
const REFUSED_CELLS: Record<keyof typeof TABLE, number> = {
  ACKNOWLEDGE: 33, // 36 - 1 x 3
  TRIAGE: 33, // 36 - 1 x 3
  REQUEST_CLARIFICATION: 30, // 36 - 2 x 3
  ANSWER_CLARIFICATION: 34, // 36 - 1 x 2
  PROVIDE_SOLUTION: 33, // 36 - 1 x 3
  ACCEPT_SOLUTION: 35, // 36 - 1 x 1
  RETURN_SOLUTION: 35, // 36 - 1 x 1
  CLOSE: 16, // 36 - 5 x 4 (the system may close, but not as WITHDRAWN)
  CHANGE_PRIORITY: 24, // 36 - 4 x 3
  CHANGE_PLANNED_DATE: 30, // 36 - 2 x 3
  ASSIGN: 21, // 36 - 5 x 3
  ADD_MESSAGE: 11, // 36 - 5 x 5
  ADD_ATTACHMENT: 16, // 36 - 5 x 4
  REQUEST_ON_SITE: 24, // 36 - 4 x 3
  RECORD_ON_SITE_ARRIVAL: 26, // 36 - 5 x 2
};

describe('the transition table, cell by cell (R-TKT-14)', () => {
  let h: TicketsHarness;
  let t: Tenant;
  let callers: Record<Role, Caller>;

  beforeAll(async () => {
    h = await TicketsHarness.start();
    t = await h.tenant();
    callers = {
      CUSTOMER: t.customer,
      ...h.staff,
      SYSTEM: h.system,
      PARTNER: {
        kind: 'user',
        id: '00000000-0000-7000-8000-0000000000b1',
        role: 'PARTNER',
        organizationId: t.organizationId,
        name: 'Partner',
      },
    };
  });
  afterAll(async () => {
    await h?.stop();
  });

  const run = (row: Row, role: Role, ticket: TicketRef) =>
    h.gql<Record<string, { id: string; status?: string }>>(
      callers[role],
      `mutation($id: ID!${row.mutation.includes('$a') ? ', $a: ID!' : ''}${row.mutation.includes('$d') ? ', $d: ID!' : ''}) {
         move: ${row.mutation} { id }
       }`,
      {
        id: ticket.id,
        ...(row.mutation.includes('$a') ? { a: h.staff.ENGINEER.id } : {}),
        ...(row.mutation.includes('$d') ? { d: h.staff.DISPATCHER.id } : {}),
      },
    );

  it.each(Object.entries(TABLE))('%s', async (move, row) => {
    const refusals: string[] = [];
    for (const status of TICKET_STATUSES) {
      // One ticket per status takes every refusal; each allowed cell gets a fresh one.
      const shared = await ticketIn(h, t, status, { onSiteRequested: row.onSite });
      for (const role of ROLES) {
        const expected = !row.who.includes(role)
          ? 'FORBIDDEN'
          : !row.from.includes(status)
            ? 'INVALID_TRANSITION'
            : row.inputRefuses?.includes(role)
              ? 'FORBIDDEN'
              : 'OK';
        if (expected === 'OK') {
          const fresh = await ticketIn(h, t, status, { onSiteRequested: row.onSite });
          const before = await footprint(h, fresh.id);
          const result = await run(row, role, fresh);
          expect({ move, status, role, errors: result.errors }).toEqual({ move, status, role, errors: undefined });
          const after = await footprint(h, fresh.id);
          expect({ move, status, role, now: after.status }).toEqual({
            move,
            status,
            role,
            now: row.to === 'same' ? status : row.to,
          });
          expect(after.version).toBe(before.version + 1);
          const [last] = await h.query<{ type: string; actor_role: string }>(
            `SELECT type, actor_role FROM ticket_history WHERE ticket_id = $1 ORDER BY version DESC, position DESC LIMIT 1`,
            [fresh.id],
          );
          expect(last).toEqual({ type: row.recorded, actor_role: role });
        } else {
          const before = await footprint(h, shared.id);
          const result = await run(row, role, shared);
          const error = result.errors?.[0];
          expect({ move, status, role, code: error?.extensions?.code }).toEqual({ move, status, role, code: expected });
          if (expected === 'INVALID_TRANSITION' && !row.inputRefuses?.includes(role)) {
            // The refusal names the current status and what it allows.
            expect(error!.message).toContain(`is ${status}`);
            expect(error!.extensions!['currentStatus']).toBe(status);
            expect(Array.isArray(error!.extensions!['allowedMoves'])).toBe(true);
          }
          expect(await footprint(h, shared.id)).toEqual(before);
          refusals.push(`${status}/${role}`);
        }
      }
    }
    expect(refusals.length).toBe(REFUSED_CELLS[move]);
  });
});
