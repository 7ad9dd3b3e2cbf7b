import { type Caller, makeEvent, newId, notFound, requireUuid, visibilityOf } from '@reglament/shared/domain';
import { type Clock, encodeCursor, toConnection, type Transactions } from '@reglament/shared/platform';
import { type NewOrganization, validateNewOrganization } from '../domain/organization';
import type { OrganizationEntity } from '../infra/entities';
import type { OrganizationStore } from '../infra/organization-store';
import { requireManager } from './access';
import { origin } from './facts';
import { afterId, type Page } from './paging';

export class Organizations {
  constructor(
    private readonly store: OrganizationStore,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async create(caller: Caller, input: NewOrganization): Promise<OrganizationEntity> {
    requireManager(caller, 'create organizations');
    const valid = validateNewOrganization(input);
    const now = this.clock.now();
    return this.transactions.run(async (tx) => {
      const organization: OrganizationEntity = { id: newId(), ...valid, createdAt: now };
      await this.store.insert(tx.manager, organization);
      tx.emit(
        makeEvent(
          'contracts.organization.created',
          organization.id,
          { organizationId: organization.id, name: valid.name, email: valid.email, emailDomains: valid.emailDomains },
          origin(now),
        ),
      );
      return organization;
    });
  }

  async update(caller: Caller, id: string, changes: Partial<NewOrganization>): Promise<OrganizationEntity> {
    requireManager(caller, 'change organizations');
    const now = this.clock.now();
    return this.transactions.run(async (tx) => {
      const current = await this.store.lock(tx.manager, requireUuid(id, 'id'));
      if (!current) throw notFound('Organization', id);
      const valid = validateNewOrganization({
        name: changes.name ?? current.name,
        email: changes.email ?? current.email,
        emailDomains: changes.emailDomains ?? current.emailDomains,
      });
      const updated: OrganizationEntity = { ...current, ...valid };
      await this.store.save(tx.manager, updated);
      tx.emit(
        makeEvent(
          'contracts.organization.updated',
          updated.id,
          { organizationId: updated.id, name: updated.name, email: updated.email, emailDomains: updated.emailDomains },
          origin(now),
        ),
      );
      return updated;
    });
  }

  /** An organization the caller may see, or NOT_FOUND (never a hint that it exists elsewhere). */
  get(caller: Caller, id: string): Promise<OrganizationEntity> {
    return this.store.scoped.get(visibilityOf(caller), id);
  }

  /** Batched read for DataLoaders: the ones the caller may see, by id (others are absent). */
  visibleByIds(caller: Caller, ids: readonly string[]): Promise<Map<string, OrganizationEntity>> {
    return this.store.scoped.byIds(visibilityOf(caller), ids);
  }

  /** Staff see every organization; a customer only its own (a page of one). */
  async list(caller: Caller, page: Page) {
    const visibility = visibilityOf(caller);
    const after = afterId(page.after);
    if (visibility.kind === 'none') return toConnection<OrganizationEntity>([], page.first, 0, (row) => row.id);
    const { rows, totalCount } = await this.store.page(visibility, after, page.first);
    return toConnection(rows, page.first, totalCount, (row) => encodeCursor(row.id), Boolean(after));
  }
}
