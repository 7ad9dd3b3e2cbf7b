import {
  type Category,
  isUuid,
  type Priority,
  type TicketKind,
  type TicketStatus,
  type Visibility,
} from '@reglament/shared/domain';
import { type DataSource, type FindOptionsWhere, In, type SelectQueryBuilder } from 'typeorm';
import type { ReadScope } from '../application/actor';
import {
  KnownContactEntity,
  KnownStaffEntity,
  TicketAttachmentEntity,
  TicketEntity,
  TicketHistoryEntity,
  TicketMessageEntity,
  TicketSlaStateEntity,
} from './entities';

export interface TicketListFilter {
  organizationId: string | null;
  contractId: string | null;
  requesterId: string | null;
  assigneeId: string | null;
  status: TicketStatus[] | null;
  priority: Priority[] | null;
  category: Category[] | null;
  kind: TicketKind[] | null;
  breached: boolean | null;
  /** true: nobody assigned; false: somebody assigned. */
  unassigned: boolean | null;
  /** true: open and the customer's turn (clarification, acceptance, a proposed date); false: the others. */
  awaitingCustomer: boolean | null;
  /** Case-insensitive substring of the title, description or number. */
  search: string | null;
}

export type TicketOrder = 'REGISTERED_AT' | 'REGISTERED_AT_DESC' | 'SLA_DEADLINE';

/** Where the previous page ended: the sort value and the id (ties). */
export interface ListPosition {
  at: string | null;
  id: string;
}

export type ListedTicket = TicketEntity & { sla: TicketSlaStateEntity | null };

/**
 * Every read of tickets and what hangs off them takes the caller's ReadScope: a customer's
 * read cannot reach another organization, nor internal messages and files (STYLE 6).
 */
export class TicketReads {
  constructor(private readonly dataSource: DataSource) {}

  async byIds(scope: ReadScope, ids: readonly string[]): Promise<TicketEntity[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0 || scope.visibility.kind === 'none') return [];
    return this.dataSource
      .getRepository(TicketEntity)
      .findBy(scoped<TicketEntity>(scope.visibility, { id: In(valid) }));
  }

  async byNumber(scope: ReadScope, number: string): Promise<TicketEntity | null> {
    if (scope.visibility.kind === 'none') return null;
    return this.dataSource.getRepository(TicketEntity).findOneBy(scoped<TicketEntity>(scope.visibility, { number }));
  }

  /** Tickets registered as new problems found while working on these (R-TKT-2). */
  async linkedTo(scope: ReadScope, ids: readonly string[]): Promise<TicketEntity[]> {
    if (ids.length === 0 || scope.visibility.kind === 'none') return [];
    return this.dataSource.getRepository(TicketEntity).find({
      where: scoped<TicketEntity>(scope.visibility, { linkedTicketId: In([...ids]) }),
      order: { registeredAt: 'ASC', id: 'ASC' },
    });
  }

  async page(
    scope: ReadScope,
    filter: TicketListFilter,
    order: TicketOrder,
    after: ListPosition | null,
    limit: number,
  ): Promise<{ rows: ListedTicket[]; totalCount: number }> {
    if (scope.visibility.kind === 'none') return { rows: [], totalCount: 0 };
    const base = () => this.filtered(scope.visibility, filter);
    const query = base();
    if (after) applyPosition(query, order, after);
    if (order === 'SLA_DEADLINE') query.orderBy('s.nextDeadline', 'ASC', 'NULLS LAST').addOrderBy('t.id', 'ASC');
    else {
      const direction = order === 'REGISTERED_AT' ? 'ASC' : 'DESC';
      query.orderBy('t.registeredAt', direction).addOrderBy('t.id', direction);
    }
    const [rows, totalCount] = await Promise.all([
      query.limit(limit + 1).getMany() as Promise<ListedTicket[]>,
      base().getCount(),
    ]);
    return { rows: rows.map((row) => ({ ...row, sla: row.sla ?? null })), totalCount };
  }

  async messagesOf(scope: ReadScope, ticketIds: readonly string[]): Promise<TicketMessageEntity[]> {
    if (ticketIds.length === 0 || scope.visibility.kind === 'none') return [];
    return this.dataSource.getRepository(TicketMessageEntity).find({
      where: {
        ...scoped<TicketMessageEntity>(scope.visibility, { ticketId: In([...ticketIds]) }),
        ...publicUnless(scope),
      },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  async historyOf(scope: ReadScope, ticketIds: readonly string[]): Promise<TicketHistoryEntity[]> {
    if (ticketIds.length === 0 || scope.visibility.kind === 'none') return [];
    return this.dataSource.getRepository(TicketHistoryEntity).find({
      where: {
        ...scoped<TicketHistoryEntity>(scope.visibility, { ticketId: In([...ticketIds]) }),
        ...publicUnless(scope),
      },
      order: { version: 'ASC', position: 'ASC' },
    });
  }

  async attachmentsOf(scope: ReadScope, ticketIds: readonly string[]): Promise<TicketAttachmentEntity[]> {
    if (ticketIds.length === 0 || scope.visibility.kind === 'none') return [];
    return this.dataSource.getRepository(TicketAttachmentEntity).find({
      where: {
        ...scoped<TicketAttachmentEntity>(scope.visibility, { ticketId: In([...ticketIds]) }),
        ...publicUnless(scope),
      },
      order: { uploadedAt: 'ASC', id: 'ASC' },
    });
  }

  async attachmentsByIds(scope: ReadScope, ids: readonly string[]): Promise<TicketAttachmentEntity[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0 || scope.visibility.kind === 'none') return [];
    return this.dataSource.getRepository(TicketAttachmentEntity).find({
      where: { ...scoped<TicketAttachmentEntity>(scope.visibility, { id: In(valid) }), ...publicUnless(scope) },
    });
  }

  async contacts(scope: ReadScope, ids: readonly string[]): Promise<KnownContactEntity[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0 || scope.visibility.kind === 'none') return [];
    return this.dataSource
      .getRepository(KnownContactEntity)
      .findBy(scoped<KnownContactEntity>(scope.visibility, { contactId: In(valid) }));
  }

  async staff(ids: readonly string[]): Promise<KnownStaffEntity[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return [];
    return this.dataSource.getRepository(KnownStaffEntity).findBy({ staffId: In(valid) });
  }

  private filtered(visibility: Visibility, filter: TicketListFilter): SelectQueryBuilder<TicketEntity> {
    const query = this.dataSource
      .getRepository(TicketEntity)
      .createQueryBuilder('t')
      .leftJoinAndMapOne('t.sla', TicketSlaStateEntity, 's', 's.ticketId = t.id');
    if (visibility.kind === 'organization') {
      query.andWhere('t.organizationId = :scopeOrg', { scopeOrg: visibility.organizationId });
    }
    if (filter.organizationId) query.andWhere('t.organizationId = :org', { org: filter.organizationId });
    if (filter.contractId) query.andWhere('t.contractId = :contract', { contract: filter.contractId });
    if (filter.requesterId) query.andWhere('t.requesterId = :requester', { requester: filter.requesterId });
    if (filter.assigneeId) query.andWhere('t.assigneeId = :assignee', { assignee: filter.assigneeId });
    if (filter.status?.length) query.andWhere('t.status IN (:...statuses)', { statuses: filter.status });
    if (filter.priority?.length) query.andWhere('t.priority IN (:...priorities)', { priorities: filter.priority });
    if (filter.kind?.length) query.andWhere('t.kind IN (:...kinds)', { kinds: filter.kind });
    if (filter.category?.length) query.andWhere('t.category IN (:...categories)', { categories: filter.category });
    if (filter.breached !== null) {
      query.andWhere('COALESCE(s.breached, false) = :breached', { breached: filter.breached });
    }
    if (filter.unassigned !== null) {
      query.andWhere(filter.unassigned ? 't.assigneeId IS NULL' : 't.assigneeId IS NOT NULL');
    }
    if (filter.awaitingCustomer !== null) {
      const awaiting =
        "(t.status IN ('AWAITING_CLARIFICATION', 'RESOLVED') OR (t.status <> 'CLOSED' AND t.proposedResolutionAt IS NOT NULL))";
      query.andWhere(filter.awaitingCustomer ? awaiting : `NOT ${awaiting}`);
    }
    if (filter.search) {
      query.andWhere('(t.title ILIKE :pattern OR t.description ILIKE :pattern OR t.number ILIKE :pattern)', {
        pattern: `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      });
    }
    return query;
  }
}

function applyPosition(query: SelectQueryBuilder<TicketEntity>, order: TicketOrder, after: ListPosition): void {
  const params = { afterAt: after.at, afterId: after.id };
  if (order === 'SLA_DEADLINE') {
    // Nearest deadline first, tickets without one last.
    if (after.at === null) query.andWhere('(s.nextDeadline IS NULL AND t.id > :afterId)', params);
    else {
      query.andWhere(
        '(s.nextDeadline > :afterAt OR (s.nextDeadline = :afterAt AND t.id > :afterId) OR s.nextDeadline IS NULL)',
        params,
      );
    }
    return;
  }
  const op = order === 'REGISTERED_AT' ? '>' : '<';
  query.andWhere(`(t.registeredAt ${op} :afterAt OR (t.registeredAt = :afterAt AND t.id ${op} :afterId))`, params);
}

function scoped<T extends { organizationId: string }>(
  visibility: Visibility,
  where: FindOptionsWhere<T>,
): FindOptionsWhere<T> {
  return visibility.kind === 'organization'
    ? ({ ...where, organizationId: visibility.organizationId } as FindOptionsWhere<T>)
    : where;
}

/** Internal rows only for those who may see them. */
function publicUnless(scope: ReadScope): { internal?: false } {
  return scope.seesInternal ? {} : { internal: false };
}
