import type { Visibility } from '@reglament/shared/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { OrganizationEntity } from './contract.entities';
import { OrganizationScopedReader } from './organization-scoped';
import { pageInIdOrder, type RowsPage } from './paging';

/** The organizations table: every query of organizations. Writes take the transaction's manager. */
export class OrganizationStore {
  /** Reads with the caller's organization scope in the query. */
  readonly scoped: OrganizationScopedReader<OrganizationEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.scoped = new OrganizationScopedReader(dataSource, OrganizationEntity, 'Organization', 'id', { id: 'ASC' });
  }

  find(manager: EntityManager, id: string): Promise<OrganizationEntity | null> {
    return manager.findOneBy(OrganizationEntity, { id });
  }

  /** The row, locked for the rest of the transaction (FOR UPDATE). */
  lock(manager: EntityManager, id: string): Promise<OrganizationEntity | null> {
    return manager.findOne(OrganizationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async insert(manager: EntityManager, row: OrganizationEntity): Promise<void> {
    await manager.insert(OrganizationEntity, row);
  }

  async save(manager: EntityManager, row: OrganizationEntity): Promise<void> {
    await manager.save(OrganizationEntity, row);
  }

  /** Every organization (staff) or the caller's own (a customer): a page in id order. */
  page(
    visibility: Exclude<Visibility, { kind: 'none' }>,
    after: string | null,
    first: number,
  ): Promise<RowsPage<OrganizationEntity>> {
    const query = this.dataSource.getRepository(OrganizationEntity).createQueryBuilder('o');
    if (visibility.kind === 'organization') query.where('o.id = :own', { own: visibility.organizationId });
    return pageInIdOrder(query, 'o', after, first);
  }
}
