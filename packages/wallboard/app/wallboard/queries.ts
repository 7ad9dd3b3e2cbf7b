import type { CountdownFigures } from './countdown';

export const STATUSES = ['REGISTERED', 'IN_ANALYSIS', 'IN_PROGRESS', 'AWAITING_CLARIFICATION', 'RESOLVED'] as const;
export const PRIORITIES = ['URGENT', 'HIGH', 'NORMAL', 'LOW'] as const;
/**
 * The open queue: everything not closed, the nearest deadlines first, at most this many (the
 * gateway's cost limit bounds one query; a room screen shows no more anyway).
 */
export const PAGE = 80;

const CARD = /* GraphQL */ `
  fragment Card on Ticket {
    id
    number
    title
    status
    priority
    organizationId
    registeredAt
    contractId
    sla {
      state
      nextDeadline
      timers {
        metric
        status
        deadline
        remainingWorkingMinutes
        provisional
        countdown {
          at
          remainingWorkingMinutes
          ticking
          changesAt
          realTime
        }
      }
    }
  }
`;

/** The one query at start; subscriptions keep it current after. */
export const START = /* GraphQL */ `
  query WallboardStart($first: Int!, $statuses: [TicketStatus!]) {
    me {
      id
      role
      name
      organizationId
    }
    organizations(first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
    contracts(first: 100) {
      edges {
        node {
          id
          number
          organizationId
          slaToday {
            date
            total
            met
            breached
            metShare
          }
        }
      }
    }
    tickets(first: $first, filter: { status: $statuses }, orderBy: SLA_DEADLINE) {
      totalCount
      edges {
        node {
          ...Card
        }
      }
    }
  }
  ${CARD}
`;

export const TICKET_CHANGES = /* GraphQL */ `
  subscription WallboardTickets($after: String) {
    ticketChanged(after: $after) {
      type
      at
      ticketId
      cursor
      ticket {
        ...Card
      }
    }
  }
  ${CARD}
`;

export const SLA_CHANGES = /* GraphQL */ `
  subscription WallboardClocks($after: String) {
    slaChanged(after: $after) {
      type
      at
      ticketId
      cursor
      timer {
        metric
        party
      }
      ticket {
        ...Card
      }
    }
  }
  ${CARD}
`;

export interface Timer {
  metric: string;
  status: string;
  deadline: string | null;
  remainingWorkingMinutes: number | null;
  provisional: boolean;
  countdown: CountdownFigures | null;
}

export interface Card {
  id: string;
  number: string;
  title: string;
  status: string;
  priority: string | null;
  organizationId: string;
  registeredAt: string;
  contractId: string;
  sla: { state: string; nextDeadline: string | null; timers: Timer[] };
}

export interface ContractDay {
  id: string;
  number: string;
  organizationId: string;
  slaToday: { date: string; total: number; met: number; breached: number; metShare: number | null };
}

export interface StartData {
  me: { id: string; role: string; name: string | null; organizationId: string | null };
  organizations: { edges: { node: { id: string; name: string } }[] };
  contracts: { edges: { node: ContractDay }[] };
  tickets: { totalCount: number; edges: { node: Card }[] };
}

export interface TicketChange {
  type: string;
  at: string;
  ticketId: string;
  cursor: string;
  ticket: Card | null;
}

export interface SlaChange extends TicketChange {
  timer: { metric: string; party: string } | null;
}
