import { isUuid } from '@reglament/shared/domain';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { AdvisoryEntity, AdvisoryRecipientEntity } from './advisory.entities';

/** The advisories and their recipients. Writes take the transaction's manager. */
export class AdvisoryStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Publications are counted under one lock, so two at once cannot both pass the rate limit. */
  async serializePublications(manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['contracts:advisories']);
  }

  async insert(manager: EntityManager, row: AdvisoryEntity, recipients: AdvisoryRecipientEntity[]): Promise<void> {
    await manager.insert(AdvisoryEntity, row);
    // In chunks: a statement has at most 65535 parameters.
    for (let i = 0; i < recipients.length; i += 1000) {
      await manager.insert(AdvisoryRecipientEntity, recipients.slice(i, i + 1000));
    }
  }

  /** Advisories published since `since` (of one product, or of all when null). */
  countSince(manager: EntityManager, product: string | null, since: Date): Promise<number> {
    const query = manager.createQueryBuilder(AdvisoryEntity, 'a').where('a.published_at > :since', { since });
    if (product !== null) query.andWhere('a.product = :product', { product });
    return query.getCount();
  }

  /** The earliest publication since `since` (when a rate window frees a place). */
  async earliestSince(manager: EntityManager, product: string | null, since: Date): Promise<Date | null> {
    const query = manager
      .createQueryBuilder(AdvisoryEntity, 'a')
      .where('a.published_at > :since', { since })
      .orderBy('a.published_at', 'ASC');
    if (product !== null) query.andWhere('a.product = :product', { product });
    return (await query.getOne())?.publishedAt ?? null;
  }

  /** The row, locked for the rest of the transaction (FOR UPDATE). */
  lock(manager: EntityManager, id: string): Promise<AdvisoryEntity | null> {
    return manager.findOne(AdvisoryEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async save(manager: EntityManager, row: AdvisoryEntity): Promise<void> {
    await manager.save(AdvisoryEntity, row);
  }

  byIds(ids: readonly string[]): Promise<AdvisoryEntity[]> {
    return this.dataSource.getRepository(AdvisoryEntity).findBy({ id: In(ids.filter(isUuid)) });
  }

  /** Newest first, at most `limit`; of the given products only when `products` is not null. */
  list(filter: { products: string[] | null; product: string | null }, limit: number): Promise<AdvisoryEntity[]> {
    const query = this.dataSource.getRepository(AdvisoryEntity).createQueryBuilder('a');
    if (filter.products) query.andWhere('a.product IN (:...products)', { products: filter.products });
    if (filter.product !== null) query.andWhere('a.product = :product', { product: filter.product });
    return query.orderBy('a.published_at', 'DESC').addOrderBy('a.id', 'DESC').take(limit).getMany();
  }

  /** Recipients of the advisories, of one organization only when `organizationId` is not null. */
  recipientsOf(
    manager: EntityManager | null,
    advisoryIds: readonly string[],
    organizationId: string | null,
  ): Promise<AdvisoryRecipientEntity[]> {
    const ids = advisoryIds.filter(isUuid);
    if (ids.length === 0) return Promise.resolve([]);
    return (manager ?? this.dataSource.manager).find(AdvisoryRecipientEntity, {
      where: { advisoryId: In(ids), ...(organizationId !== null ? { organizationId } : {}) },
      order: { organizationId: 'ASC', contactId: 'ASC' },
    });
  }
}
