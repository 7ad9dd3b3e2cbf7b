import {
  badInput,
  type Caller,
  isUuid,
  makeEvent,
  newId,
  notFound,
  requireUser,
  requireUuid,
  visibilityOf,
} from '@reglament/shared/domain';
import { type Clock, type Transactions } from '@reglament/shared/platform';
import { type DataSource, In } from 'typeorm';
import {
  RELEASE_KINDS,
  type ReleaseKind,
  validatePlannedAt,
  validateProduct,
  validateVersion,
} from '../domain/release';
import { ContractEntity } from '../infra/entities';
import { ReleaseEntity } from '../infra/release.entities';
import { requireManager } from './access';
import { origin } from './facts';

export interface NewRelease {
  product: string;
  kind: ReleaseKind;
  plannedAt: Date;
  version: string | null;
}

/**
 * Release schedules per product (R-SLA-7): "by the next planned/unplanned update" resolves to
 * a release here, so every change is an event the SLA service follows.
 */
export class Releases {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async schedule(caller: Caller, input: NewRelease): Promise<ReleaseEntity> {
    requireManager(caller, 'schedule releases');
    if (!RELEASE_KINDS.includes(input.kind)) {
      throw badInput(`kind must be one of ${RELEASE_KINDS.join(', ')}`, { field: 'kind' });
    }
    const now = this.clock.now();
    const release: ReleaseEntity = {
      id: newId(),
      product: validateProduct(input.product),
      kind: input.kind,
      plannedAt: validatePlannedAt(input.plannedAt, now),
      version: validateVersion(input.version),
      createdAt: now,
      updatedAt: now,
    };
    return this.transactions.run(async (tx) => {
      await tx.manager.insert(ReleaseEntity, release);
      tx.emit(
        makeEvent(
          'contracts.release.scheduled',
          null,
          {
            releaseId: release.id,
            product: release.product,
            kind: release.kind,
            plannedAt: release.plannedAt.toISOString(),
          },
          origin(now),
        ),
      );
      return release;
    });
  }

  async move(caller: Caller, id: string, plannedAt: Date): Promise<ReleaseEntity> {
    requireManager(caller, 'move releases');
    const now = this.clock.now();
    validatePlannedAt(plannedAt, now);
    return this.transactions.run(async (tx) => {
      const current = await tx.manager.findOne(ReleaseEntity, {
        where: { id: requireUuid(id, 'id') },
        lock: { mode: 'pessimistic_write' },
      });
      if (!current) throw notFound('Release', id);
      if (current.plannedAt.getTime() === plannedAt.getTime()) return current;
      const moved: ReleaseEntity = { ...current, plannedAt, updatedAt: now };
      await tx.manager.save(ReleaseEntity, moved);
      tx.emit(
        makeEvent(
          'contracts.release.moved',
          null,
          {
            releaseId: moved.id,
            product: moved.product,
            kind: moved.kind,
            plannedAt: moved.plannedAt.toISOString(),
            previousPlannedAt: current.plannedAt.toISOString(),
          },
          origin(now),
        ),
      );
      return moved;
    });
  }

  async byIds(caller: Caller, ids: readonly string[]): Promise<Map<string, ReleaseEntity>> {
    const products = await this.productsOf(caller);
    const rows = await this.dataSource.getRepository(ReleaseEntity).findBy({ id: In(ids.filter(isUuid)) });
    return new Map(rows.filter((row) => !products || products.has(row.product)).map((row) => [row.id, row]));
  }

  /**
   * Release schedules of the caller's products: staff (and global partners) see every one; a
   * customer (or an organization-bound partner) those of the products its contracts cover (a
   * contract that names no products covers all).
   */
  async list(
    caller: Caller,
    filter: { product: string | null; from: Date | null; to: Date | null },
  ): Promise<ReleaseEntity[]> {
    requireUser(caller, 'see release schedules');
    if (filter.from && filter.to && !(filter.from < filter.to)) {
      throw badInput(`from must be before to (got ${filter.from.toISOString()} and ${filter.to.toISOString()})`, {
        field: 'from',
      });
    }
    const products = await this.productsOf(caller);
    if (products && products.size === 0) return [];
    const query = this.dataSource.getRepository(ReleaseEntity).createQueryBuilder('r');
    if (products) query.andWhere('r.product IN (:...products)', { products: [...products] });
    if (filter.product) query.andWhere('r.product = :product', { product: filter.product.trim() });
    if (filter.from) query.andWhere('r.planned_at >= :from', { from: filter.from });
    if (filter.to) query.andWhere('r.planned_at < :to', { to: filter.to });
    return query.orderBy('r.planned_at', 'ASC').addOrderBy('r.id', 'ASC').take(500).getMany();
  }

  /** The products whose releases the caller may see; null: all of them. */
  private async productsOf(caller: Caller): Promise<Set<string> | null> {
    const visibility = visibilityOf(caller);
    if (visibility.kind === 'all') return null;
    if (visibility.kind === 'none') return new Set();
    const contracts = await this.dataSource
      .getRepository(ContractEntity)
      .find({ select: { products: true }, where: { organizationId: visibility.organizationId } });
    if (contracts.some((contract) => contract.products.length === 0)) return null;
    return new Set(contracts.flatMap((contract) => contract.products));
  }
}
