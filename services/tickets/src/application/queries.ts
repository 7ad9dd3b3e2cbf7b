import {
  badInput,
  type Caller,
  type Category,
  forbidden,
  isUuid,
  notFound,
  type Priority,
  requireUser,
  type TicketKind,
  requireUuid,
  type TicketStatus,
} from '@reglament/shared/domain';
import { type Connection, decodeCursor, encodeCursor, pageSize, toConnection } from '@reglament/shared/platform';
import type { TicketAttachmentEntity, TicketEntity } from '../infra/entities';
import type { ListedTicket, ListPosition, TicketListFilter, TicketOrder, TicketReads } from '../infra/ticket-reads';
import { readScopeOf } from './actor';

export const SEARCH_MAX = 200;

export interface TicketListArgs {
  filter: Partial<TicketListFilter>;
  orderBy: TicketOrder;
  first: number | null;
  after: string | null;
}

type CursorKey = { o: TicketOrder; at: string | null; id: string };

/** Reads always go through the caller's scope: a customer's query cannot reach another organization. */
export class TicketQueries {
  constructor(private readonly reads: TicketReads) {}

  /**
   * `load` reads a ticket in the caller's scope; the GraphQL layer passes its per-request
   * loader, so several `ticket(id:)` fields of one request (a subscription's batch) cost one query.
   */
  async byId(
    caller: Caller,
    id: string,
    load: (id: string) => Promise<TicketEntity | null> = async (valid) =>
      (await this.reads.byIds(readScopeOf(caller), [valid]))[0] ?? null,
  ): Promise<TicketEntity> {
    requireUser(caller, 'read tickets');
    const ticket = await load(requireUuid(id, 'id'));
    if (!ticket) throw notFound('Ticket', id);
    return ticket;
  }

  async byNumber(caller: Caller, number: string): Promise<TicketEntity> {
    requireUser(caller, 'read tickets');
    const ticket = await this.reads.byNumber(readScopeOf(caller), number.trim().toUpperCase());
    if (!ticket) throw notFound('Ticket', number);
    return ticket;
  }

  async attachment(caller: Caller, id: string): Promise<TicketAttachmentEntity> {
    requireUser(caller, 'read attachments');
    const [row] = await this.reads.attachmentsByIds(readScopeOf(caller), [requireUuid(id, 'id')]);
    if (!row) throw notFound('Attachment', id);
    return row;
  }

  async list(caller: Caller, args: TicketListArgs): Promise<Connection<ListedTicket>> {
    requireUser(caller, 'list tickets');
    const scope = readScopeOf(caller);
    const limit = pageSize(args.first);
    const filter = validFilter(args.filter);
    if (
      scope.visibility.kind === 'organization' &&
      filter.organizationId &&
      filter.organizationId !== scope.visibility.organizationId
    ) {
      throw forbidden(
        `You see only the tickets of your own organization (${scope.visibility.organizationId}); omit organizationId or pass your own`,
      );
    }
    const after = decodeCursor(args.after, (key): key is CursorKey => isCursorKey(key, args.orderBy));
    const position: ListPosition | null = after ? { at: after.at, id: after.id } : null;
    const { rows, totalCount } = await this.reads.page(scope, filter, args.orderBy, position, limit);
    return toConnection(rows, limit, totalCount, (row) => encodeCursor(cursorOf(row, args.orderBy)), Boolean(after));
  }
}

function cursorOf(row: ListedTicket, order: TicketOrder): CursorKey {
  const at = order === 'SLA_DEADLINE' ? (row.sla?.nextDeadline ?? null) : row.registeredAt;
  return { o: order, at: at?.toISOString() ?? null, id: row.id };
}

/** A cursor of this list in this order (a cursor of another order would skip or repeat rows). */
function isCursorKey(key: unknown, order: TicketOrder): key is CursorKey {
  if (typeof key !== 'object' || key === null) return false;
  const k = key as Record<string, unknown>;
  const at = k['at'];
  return (
    k['o'] === order &&
    typeof k['id'] === 'string' &&
    isUuid(k['id']) &&
    (at === null
      ? order === 'SLA_DEADLINE'
      : typeof at === 'string' && ISO_INSTANT.test(at) && !Number.isNaN(Date.parse(at)))
  );
}

/** What our cursors carry: `Date.toISOString()` output, nothing else. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function validFilter(filter: Partial<TicketListFilter>): TicketListFilter {
  const id = (value: string | null | undefined, field: string) => (value ? requireUuid(value, field) : null);
  const list = <T>(value: T[] | null | undefined) => (value && value.length > 0 ? [...new Set(value)] : null);
  const search = filter.search?.trim() || null;
  if (filter.unassigned === true && filter.assigneeId) {
    throw badInput('unassigned: true and assigneeId exclude each other; give one of them', { field: 'unassigned' });
  }
  if (search && search.length > SEARCH_MAX) {
    throw badInput(`search must be at most ${SEARCH_MAX} characters`, { field: 'search' });
  }
  return {
    organizationId: id(filter.organizationId, 'organizationId'),
    contractId: id(filter.contractId, 'contractId'),
    requesterId: id(filter.requesterId, 'requesterId'),
    assigneeId: id(filter.assigneeId, 'assigneeId'),
    status: list<TicketStatus>(filter.status),
    priority: list<Priority>(filter.priority),
    category: list<Category>(filter.category),
    kind: list<TicketKind>(filter.kind),
    breached: filter.breached ?? null,
    unassigned: filter.unassigned ?? null,
    awaitingCustomer: filter.awaitingCustomer ?? null,
    search,
  };
}
