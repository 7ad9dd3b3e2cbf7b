import type { Caller, TicketStatus } from '@reglament/shared/domain';
import type { Tenant, TicketsHarness } from './harness';

export interface TicketRef {
  id: string;
  number: string;
}

/** A ticket walked through the API into `status` (clarification asked from IN_ANALYSIS). */
export async function ticketIn(
  h: TicketsHarness,
  t: Tenant,
  status: TicketStatus,
  options: { onSiteRequested?: boolean; title?: string; linkedTicketId?: string } = {},
): Promise<TicketRef> {
  const { registerTicket: ticket } = await h.ok<{ registerTicket: TicketRef }>(
    t.customer,
    `mutation($c: ID!, $title: String!, $linked: ID) { registerTicket(input: { contractId: $c, channel: PORTAL,
       title: $title, description: "Posting a sales invoice fails with error 42", linkedTicketId: $linked }) { id number } }`,
    { c: t.contractId, title: options.title ?? 'Cannot post invoices', linked: options.linkedTicketId ?? null },
  );
  const id = ticket.id;
  const as = (caller: Caller, query: string, vars: Record<string, unknown> = {}) =>
    h.ok(caller, query, { id, ...vars });
  if (options.onSiteRequested) await as(t.customer, `mutation($id: ID!) { requestOnSiteVisit(id: $id) { id } }`);
  if (status === 'REGISTERED') return ticket;
  await as(h.staff.DISPATCHER, `mutation($id: ID!) { acknowledgeTicket(id: $id) { id } }`);
  if (status === 'IN_ANALYSIS') return ticket;
  if (status === 'AWAITING_CLARIFICATION') {
    await as(
      h.staff.ENGINEER,
      `mutation($id: ID!) { requestClarification(id: $id, question: "Which version?") { id } }`,
    );
    return ticket;
  }
  await as(
    h.staff.DISPATCHER,
    `mutation($id: ID!, $a: ID!) { triageTicket(id: $id, input: { category: SUPPORT, priority: NORMAL, assigneeId: $a,
       plannedResolutionAt: "2025-03-10T18:00:00+03:00" }) { id } }`,
    { a: h.staff.ENGINEER.id },
  );
  if (status === 'IN_PROGRESS') return ticket;
  await as(h.staff.ENGINEER, `mutation($id: ID!) { provideSolution(id: $id, solution: "Apply patch 42") { id } }`);
  if (status === 'RESOLVED') return ticket;
  await as(t.customer, `mutation($id: ID!) { acceptSolution(id: $id) { id } }`);
  return ticket;
}

/** What the database holds for a ticket: to prove a refusal changed nothing. */
export async function footprint(h: TicketsHarness, id: string) {
  const [ticket] = await h.query<{ status: string; version: number }>(
    `SELECT status, version FROM tickets WHERE id = $1`,
    [id],
  );
  const [counts] = await h.query<{ history: number; messages: number; attachments: number; outbox: number }>(
    `SELECT (SELECT count(*)::int FROM ticket_history WHERE ticket_id = $1) AS history,
            (SELECT count(*)::int FROM ticket_messages WHERE ticket_id = $1) AS messages,
            (SELECT count(*)::int FROM ticket_attachments WHERE ticket_id = $1) AS attachments,
            (SELECT count(*)::int FROM outbox WHERE payload->'data'->>'ticketId' = $1::text) AS outbox`,
    [id],
  );
  return { ...ticket, ...counts };
}
