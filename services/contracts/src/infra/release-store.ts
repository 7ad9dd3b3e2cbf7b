import { isUuid } from '@reglament/shared/domain';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { ReleaseEntity } from './release.entities';

/** The releases table (release schedules per product). Writes take the transaction's manager. */
export class ReleaseStore {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, row: ReleaseEntity): Promise<void> {
    await manager.insert(ReleaseEntity, row);
  }

  /** The row, locked for the rest of the transaction (FOR UPDATE). */
  lock(manager: EntityManager, id: string): Promise<ReleaseEntity | null> {
    return manager.findOne(ReleaseEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async save(manager: EntityManager, row: ReleaseEntity): Promise<void> {
    await manager.save(ReleaseEntity, row);
  }

  byIds(ids: readonly string[]): Promise<ReleaseEntity[]> {
    return this.dataSource.getRepository(ReleaseEntity).findBy({ id: In(ids.filter(isUuid)) });
  }

  /** Releases in planned order (at most `limit`), of the given products only when `products` is not null. */
  list(
    filter: { products: string[] | null; product: string | null; from: Date | null; to: Date | null },
    limit: number,
  ): Promise<ReleaseEntity[]> {
    const query = this.dataSource.getRepository(ReleaseEntity).createQueryBuilder('r');
    if (filter.products) query.andWhere('r.product IN (:...products)', { products: filter.products });
    if (filter.product !== null) query.andWhere('r.product = :product', { product: filter.product });
    if (filter.from) query.andWhere('r.planned_at >= :from', { from: filter.from });
    if (filter.to) query.andWhere('r.planned_at < :to', { to: filter.to });
    return query.orderBy('r.planned_at', 'ASC').addOrderBy('r.id', 'ASC').take(limit).getMany();
  }

  countOfProduct(product: string): Promise<number> {
    return this.dataSource.getRepository(ReleaseEntity).countBy({ product });
  }
}
