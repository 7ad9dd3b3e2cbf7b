import type { Visibility } from '@reglament/shared/domain';
import { type DataSource, type EntityManager, In } from 'typeorm';
import type { ContractStatus } from '../domain/contract';
import { ContractEntity } from './contract.entities';
import { OrganizationScopedReader } from './organization-scoped';
import { ContactEntity } from './people.entities';
import { pageInIdOrder, type RowsPage } from './paging';
import { PrepaidAccountEntity } from './prepaid.entities';

/** A contact an announcement about a product reaches. */
export interface ProductAudienceMember {
  contactId: string;
  organizationId: string;
  fullName: string;
  email: string;
}

/** The contracts table: every query of contracts. Writes take the transaction's manager. */
export class ContractStore {
  /** Reads with the caller's organization scope in the query. */
  readonly scoped: OrganizationScopedReader<ContractEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.scoped = new OrganizationScopedReader(dataSource, ContractEntity, 'Contract', 'organizationId', {
      createdAt: 'ASC',
      id: 'ASC',
    });
  }

  /** A new contract and its prepaid account (every prepaid change of the contract locks that row). */
  async insert(manager: EntityManager, contract: ContractEntity): Promise<void> {
    await manager.insert(ContractEntity, contract);
    await manager.insert(PrepaidAccountEntity, {
      contractId: contract.id,
      organizationId: contract.organizationId,
      openedThrough: null,
      state: 'NONE',
      capNearingReported: false,
    });
  }

  /** The row, locked for the rest of the transaction (FOR UPDATE). */
  lock(manager: EntityManager, id: string): Promise<ContractEntity | null> {
    return manager.findOne(ContractEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async save(manager: EntityManager, row: ContractEntity): Promise<void> {
    await manager.save(ContractEntity, row);
  }

  /** The organization's contract with this number, if any (numbers are unique per organization). */
  numbered(manager: EntityManager, organizationId: string, number: string): Promise<ContractEntity | null> {
    return manager.findOneBy(ContractEntity, { organizationId, number });
  }

  /** A contract by id, whoever asks (the caller was checked already, e.g. through a ticket it may see). */
  byId(id: string): Promise<ContractEntity> {
    return this.dataSource.getRepository(ContractEntity).findOneByOrFail({ id });
  }

  /** A page in id order of the contracts the caller may see, filtered. */
  page(
    visibility: Exclude<Visibility, { kind: 'none' }>,
    filter: { organizationId: string | null; status: ContractStatus[] | null; preset: string | null },
    after: string | null,
    first: number,
  ): Promise<RowsPage<ContractEntity>> {
    const query = this.dataSource.getRepository(ContractEntity).createQueryBuilder('c');
    if (visibility.kind === 'organization')
      query.andWhere('c.organization_id = :own', { own: visibility.organizationId });
    if (filter.organizationId) query.andWhere('c.organization_id = :org', { org: filter.organizationId });
    if (filter.status?.length) query.andWhere('c.status IN (:...statuses)', { statuses: filter.status });
    if (filter.preset) query.andWhere('c.preset = :preset', { preset: filter.preset });
    return pageInIdOrder(query, 'c', after, first);
  }

  /**
   * Contracts whose status may have moved with the date: those with a boundary (start or end)
   * between `lowest` and `highest`, and those with prerequisites (their dates end them too).
   */
  nearBoundaries(lowest: string, highest: string): Promise<ContractEntity[]> {
    return this.dataSource
      .getRepository(ContractEntity)
      .createQueryBuilder('c')
      .where(`c.status <> 'EXPIRED' AND c.ends_on < :highest`, { highest })
      .orWhere(`c.status = 'DRAFT' AND c.starts_on <= :highest`, { highest })
      .orWhere(`c.status = 'EXPIRED' AND c.ends_on >= :lowest`, { lowest })
      .orWhere(`c.status <> 'DRAFT' AND c.starts_on > :lowest`, { lowest })
      .orWhere(`c.prerequisites <> '[]'::jsonb`)
      .getMany();
  }

  /** Moves the status only while it is still `from`: false when another replica moved it first. */
  async moveStatus(
    manager: EntityManager,
    id: string,
    from: ContractStatus,
    to: ContractStatus,
    at: Date,
  ): Promise<boolean> {
    const result = await manager.update(ContractEntity, { id, status: from }, { status: to, updatedAt: at });
    return Boolean(result.affected);
  }

  /** The product lists of an organization's contracts (an empty list covers every product). */
  async productListsOf(organizationId: string): Promise<string[][]> {
    const rows = await this.dataSource
      .getRepository(ContractEntity)
      .find({ select: { products: true }, where: { organizationId } });
    return rows.map((row) => row.products);
  }

  /**
   * The customers of a product now: organizations with an ACTIVE contract that names the product
   * (or names none: it covers every product), their contracts' presets, and their active
   * contacts, in organization then contact order.
   */
  async audienceOf(
    manager: EntityManager,
    product: string,
  ): Promise<{ presets: string[]; organizationIds: string[]; contacts: ProductAudienceMember[] }> {
    const contracts = await manager
      .createQueryBuilder(ContractEntity, 'c')
      .select(['c.organizationId', 'c.preset'])
      .where(`c.status = 'ACTIVE'`)
      .andWhere(`(c.products = '{}' OR :product = ANY(c.products))`, { product })
      .getMany();
    const organizationIds = [...new Set(contracts.map((c) => c.organizationId))].sort();
    const presets = [...new Set(contracts.map((c) => c.preset))].sort();
    if (organizationIds.length === 0) return { presets, organizationIds, contacts: [] };
    const contacts = await manager.find(ContactEntity, {
      where: { organizationId: In(organizationIds), active: true },
      order: { organizationId: 'ASC', id: 'ASC' },
    });
    return {
      presets,
      organizationIds,
      contacts: contacts.map((c) => ({
        contactId: c.id,
        organizationId: c.organizationId,
        fullName: c.fullName,
        email: c.email,
      })),
    };
  }
}
