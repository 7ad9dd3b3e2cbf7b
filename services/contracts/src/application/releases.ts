import {
  badInput,
  type Caller,
  isUuid,
  type Clock,
  makeEvent,
  newId,
  notFound,
  requireUser,
  requireUuid,
  type Transactions,
} from '@reglament/shared';
import { type DataSource, In } from 'typeorm';
import {
  RELEASE_KINDS,
  type ReleaseKind,
  validatePlannedAt,
  validateProduct,
  validateVersion,
} from '../domain/release';
import { ReleaseEntity } from '../infra/release.entity';
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

  async byIds(ids: readonly string[]): Promise<Map<string, ReleaseEntity>> {
    const rows = await this.dataSource.getRepository(ReleaseEntity).findBy({ id: In(ids.filter(isUuid)) });
    return new Map(rows.map((row) => [row.id, row]));
  }

  /** Release schedules are not customer data: any signed-in user may read them. */
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
    const query = this.dataSource.getRepository(ReleaseEntity).createQueryBuilder('r');
    if (filter.product) query.andWhere('r.product = :product', { product: filter.product.trim() });
    if (filter.from) query.andWhere('r.planned_at >= :from', { from: filter.from });
    if (filter.to) query.andWhere('r.planned_at < :to', { to: filter.to });
    return query.orderBy('r.planned_at', 'ASC').addOrderBy('r.id', 'ASC').take(500).getMany();
  }
}
