import {
  badInput,
  type Caller,
  canSeeOrganization,
  notFound,
  requireRole,
  requireUser,
  requireUuid,
  visibilityOf,
} from '@reglament/shared/domain';
import {
  type Clock,
  type Connection,
  decodeCursor,
  encodeCursor,
  pageSize,
  toConnection,
  type Transactions,
} from '@reglament/shared/platform';
import { type DataSource, In } from 'typeorm';
import { PRESET_POLICIES } from '../domain/presets';
import { SlaContractEntity, SlaFailureReportEntity, SlaTicketEntity, SlaTimerEntity } from '../infra/entities';
import type { CalendarCatalog } from './calendar-catalog';
import type { TicketClocks } from './ticket-clocks';

/**
 * The SLA reads and rebuilds the API offers: one clock by id, the batched reads behind the
 * resolvers' loaders, the contract and calendars a countdown needs, and the ADMIN's rebuilds of
 * clocks from histories (R-SLA-10). Resolvers call this; they never see the data source.
 */
export class TicketSlaService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly clocks: TicketClocks,
    private readonly catalog: CalendarCatalog,
  ) {}

  /** One clock the caller may see, or NOT_FOUND. */
  async timer(caller: Caller, id: string): Promise<SlaTimerEntity> {
    requireUser(caller, 'read SLA clocks');
    const row = await this.dataSource.getRepository(SlaTimerEntity).findOneBy({ id: requireUuid(id, 'id') });
    if (!row || !canSeeOrganization(visibilityOf(caller), row.organizationId)) throw notFound('SLA timer', id);
    return row;
  }

  /** ADMIN: rebuilds the clocks of every open ticket (of one preset); returns how many were recomputed. */
  async rebuildOpenTickets(caller: Caller, preset: string | null): Promise<number> {
    requireRole(caller, ['ADMIN'], 'rebuild SLA clocks');
    if (preset !== null && !PRESET_POLICIES.has(preset)) {
      throw badInput(`preset must be one of ${[...PRESET_POLICIES.keys()].join(', ')}, got ${JSON.stringify(preset)}`, {
        field: 'preset',
      });
    }
    const rows = (await this.dataSource.query(
      `SELECT ticket_id FROM sla_tickets WHERE NOT closed AND ($1::text IS NULL OR preset = $1)`,
      [preset],
    )) as { ticket_id: string }[];
    const now = this.clock.now();
    for (const { ticket_id: ticketId } of rows) {
      await this.transactions.run((tx) =>
        this.clocks.recompute(tx, ticketId, now.getTime(), { source: 'sla', occurredAt: now }),
      );
    }
    return rows.length;
  }

  /** ADMIN: rebuilds one ticket's clocks from its history; NOT_FOUND when SLA does not know the ticket. */
  async rebuildTicket(caller: Caller, ticketId: string): Promise<void> {
    requireRole(caller, ['ADMIN'], 'rebuild SLA clocks');
    requireUuid(ticketId, 'ticketId');
    const now = this.clock.now();
    const found = await this.transactions.run((tx) =>
      this.clocks.recompute(tx, ticketId, now.getTime(), { source: 'sla', occurredAt: now }),
    );
    if (!found) throw notFound('Ticket', ticketId);
  }

  /**
   * R-SLA-11, 003 §7: the failure reports the caller may see (staff: all; a customer: its own
   * organization's), newest first, a page at a time.
   */
  async failureReports(
    caller: Caller,
    filter: FailureReportFilterInput,
    first: number | null,
    after: string | null,
  ): Promise<Connection<SlaFailureReportEntity>> {
    requireUser(caller, 'read failure reports');
    const visibility = visibilityOf(caller);
    const limit = pageSize(first);
    const position = decodeCursor(after, isReportCursor);
    if (filter.organizationId) requireUuid(filter.organizationId, 'organizationId');
    if (filter.ticketId) requireUuid(filter.ticketId, 'ticketId');
    if (filter.submittedFrom && filter.submittedTo && filter.submittedFrom > filter.submittedTo) {
      throw badInput('submittedFrom must not be after submittedTo', { field: 'submittedFrom' });
    }
    if (visibility.kind === 'none') return toConnection([], limit, 0, () => '');
    const base = () => {
      const query = this.dataSource.getRepository(SlaFailureReportEntity).createQueryBuilder('r');
      if (visibility.kind === 'organization') {
        query.andWhere('r.organizationId = :scope', { scope: visibility.organizationId });
      }
      if (filter.organizationId) query.andWhere('r.organizationId = :org', { org: filter.organizationId });
      if (filter.ticketId) query.andWhere('r.ticketId = :ticket', { ticket: filter.ticketId });
      if (filter.forFailure !== null && filter.forFailure !== undefined) {
        query.andWhere('r.forFailure = :forFailure', { forFailure: filter.forFailure });
      }
      if (filter.submittedFrom) query.andWhere('r.submittedAt >= :from', { from: filter.submittedFrom });
      if (filter.submittedTo) query.andWhere('r.submittedAt < :to', { to: filter.submittedTo });
      return query;
    };
    const page = base();
    if (position) {
      page.andWhere('(r.submittedAt < :at OR (r.submittedAt = :at AND r.id < :id))', {
        at: position.at,
        id: position.id,
      });
    }
    const [rows, totalCount] = await Promise.all([
      page
        .orderBy('r.submittedAt', 'DESC')
        .addOrderBy('r.id', 'DESC')
        .limit(limit + 1)
        .getMany(),
      base().getCount(),
    ]);
    return toConnection(
      rows,
      limit,
      totalCount,
      (row) => encodeCursor({ at: row.submittedAt.toISOString(), id: row.id }),
      position !== null,
    );
  }

  // ---------------------------------------------------------------- batched reads (the resolvers' loaders)

  async ticketsByIds(ticketIds: readonly string[]): Promise<Map<string, SlaTicketEntity>> {
    const rows = await this.dataSource.getRepository(SlaTicketEntity).findBy({ ticketId: In([...ticketIds]) });
    return new Map(rows.map((row) => [row.ticketId, row]));
  }

  /** Each ticket's clocks in the order they started. */
  async timersOfTickets(ticketIds: readonly string[]): Promise<SlaTimerEntity[]> {
    return this.dataSource.getRepository(SlaTimerEntity).find({
      where: { ticketId: In([...ticketIds]) },
      order: { startedAt: 'ASC', metric: 'ASC', cycle: 'ASC' },
    });
  }

  async failureReportsByIds(ids: readonly string[]): Promise<Map<string, SlaFailureReportEntity>> {
    const rows = await this.dataSource.getRepository(SlaFailureReportEntity).findBy({ id: In([...ids]) });
    return new Map(rows.map((row) => [row.id, row]));
  }

  // ---------------------------------------------------------------- what countdowns and calendars read

  contract(contractId: string): Promise<SlaContractEntity | null> {
    return this.dataSource.getRepository(SlaContractEntity).findOneBy({ contractId });
  }

  /** The preset of any ticket of the contract (null: SLA knows none of its tickets). */
  async presetOfContract(contractId: string): Promise<string | null> {
    const [ticket] = (await this.dataSource.query('SELECT preset FROM sla_tickets WHERE contract_id = $1 LIMIT 1', [
      contractId,
    ])) as { preset: string }[];
    return ticket?.preset ?? null;
  }

  /** Loads the production calendars' current data into the catalog (cheap when unchanged). */
  refreshCalendars(): Promise<void> {
    return this.catalog.refresh(this.dataSource.manager);
  }
}

/** Which failure reports to list; every condition given must hold. */
export interface FailureReportFilterInput {
  organizationId?: string | null;
  ticketId?: string | null;
  /** true: reports of marked product failures; false: reports of breaches only. */
  forFailure?: boolean | null;
  submittedFrom?: Date | null;
  submittedTo?: Date | null;
}

function isReportCursor(key: unknown): key is { at: string; id: string } {
  if (typeof key !== 'object' || key === null) return false;
  const k = key as Record<string, unknown>;
  return (
    typeof k['at'] === 'string' &&
    !Number.isNaN(Date.parse(k['at'])) &&
    typeof k['id'] === 'string' &&
    /^[0-9a-f-]{36}$/i.test(k['id'])
  );
}
