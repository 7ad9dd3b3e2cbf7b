import { canSeeOrganization, isUuid, notFound, requireUuid, type Visibility } from '@reglament/shared/domain';
import { type DataSource, type EntityTarget, type FindOptionsOrder, type FindOptionsWhere, In } from 'typeorm';

/**
 * Reads of rows that belong to an organization, with the caller's organization scope in the
 * query itself (never filtered after fetching): a customer's query cannot return another
 * organization's row. One reader serves contacts, contracts and organizations (an organization
 * belongs to itself: its scope is its `id`).
 */
export class OrganizationScopedReader<T extends { id: string }> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly entity: EntityTarget<T>,
    /** The type name in NOT_FOUND errors (Contact, Contract, Organization). */
    private readonly typeName: string,
    /** The property holding the owning organization's id. */
    private readonly scope: 'organizationId' | 'id',
    /** Order of the rows of one organization. */
    private readonly order: FindOptionsOrder<T>,
  ) {}

  /** One row the caller may see, or NOT_FOUND (whether it does not exist or belongs to another organization). */
  async get(visibility: Visibility, id: string): Promise<T> {
    const where = this.scoped(visibility, [requireUuid(id, 'id')]);
    const row = where === null ? null : await this.repository().findOneBy(where);
    if (!row) throw notFound(this.typeName, id);
    return row;
  }

  /** Batched read for DataLoaders: the rows the caller may see, by id (others are absent). */
  async byIds(visibility: Visibility, ids: readonly string[]): Promise<Map<string, T>> {
    const where = this.scoped(visibility, ids.filter(isUuid));
    const rows = where === null ? [] : await this.repository().findBy(where);
    return new Map(rows.map((row) => [row.id, row]));
  }

  /** Rows of the organizations the caller may see, grouped by organization (others: empty lists). */
  async byOrganizations(visibility: Visibility, organizationIds: readonly string[]): Promise<Map<string, T[]>> {
    const visible = organizationIds.filter((id) => isUuid(id) && canSeeOrganization(visibility, id));
    const rows =
      visible.length === 0
        ? []
        : await this.repository().find({
            where: this.where({ [this.scope]: In(visible) }),
            order: this.order,
          });
    const grouped = new Map<string, T[]>(organizationIds.map((id) => [id, []]));
    for (const row of rows) grouped.get(this.ownerOf(row))?.push(row);
    return grouped;
  }

  /** `id IN ids` with the caller's organization added to the condition; null when nothing can match. */
  private scoped(visibility: Visibility, ids: string[]): FindOptionsWhere<T> | null {
    if (visibility.kind === 'none') return null;
    if (visibility.kind === 'all') return ids.length === 0 ? null : this.where({ id: In(ids) });
    const own = visibility.organizationId;
    if (this.scope === 'id') {
      return ids.some((id) => id.toLowerCase() === own) ? this.where({ id: own }) : null;
    }
    return ids.length === 0 ? null : this.where({ id: In(ids), organizationId: own });
  }

  private where(condition: Record<string, unknown>): FindOptionsWhere<T> {
    return condition as FindOptionsWhere<T>;
  }

  private ownerOf(row: T): string {
    return this.scope === 'id' ? row.id : (row as T & { organizationId: string }).organizationId;
  }

  private repository() {
    return this.dataSource.getRepository(this.entity);
  }
}
