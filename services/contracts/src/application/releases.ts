import {
  badInput,
  type Caller,
  makeEvent,
  newId,
  notFound,
  requireUser,
  requireUuid,
  visibilityOf,
} from '@reglament/shared/domain';
import { type Clock, type Transactions } from '@reglament/shared/platform';
import {
  RELEASE_KINDS,
  type ReleaseKind,
  validatePlannedAt,
  validateProduct,
  validateVersion,
} from '../domain/release';
import type { ContractStore } from '../infra/contract-store';
import type { ReleaseEntity } from '../infra/release.entities';
import type { ReleaseStore } from '../infra/release-store';
import { requireManager } from './access';
import { origin } from './facts';

/** The most releases one list answers. */
const MAX_RELEASES_LISTED = 500;

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
    private readonly store: ReleaseStore,
    private readonly contracts: ContractStore,
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
      publishedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    return this.transactions.run(async (tx) => {
      await this.store.insert(tx.manager, release);
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
      const current = await this.store.lock(tx.manager, requireUuid(id, 'id'));
      if (!current) throw notFound('Release', id);
      if (current.plannedAt.getTime() === plannedAt.getTime()) return current;
      const moved: ReleaseEntity = { ...current, plannedAt, updatedAt: now };
      await this.store.save(tx.manager, moved);
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

  /**
   * The release is out (002: users are informed of new versions): recorded once, and every
   * organization with a contract in force for the product hears of it, its own contacts only
   * (in-app, and by e-mail unless a contact turned RELEASE_PUBLISHED off). Publishing again
   * changes nothing.
   */
  async publish(caller: Caller, id: string): Promise<ReleaseEntity> {
    requireManager(caller, 'publish releases');
    const now = this.clock.now();
    return this.transactions.run(async (tx) => {
      const current = await this.store.lock(tx.manager, requireUuid(id, 'id'));
      if (!current) throw notFound('Release', id);
      if (current.publishedAt) return current;
      const published: ReleaseEntity = { ...current, publishedAt: now, updatedAt: now };
      await this.store.save(tx.manager, published);
      const facts = {
        releaseId: published.id,
        product: published.product,
        kind: published.kind,
        version: published.version,
        publishedAt: now.toISOString(),
      };
      tx.emit(
        makeEvent(
          'contracts.release.published',
          null,
          { ...facts, plannedAt: published.plannedAt.toISOString() },
          origin(now),
        ),
      );
      const audience = await this.contracts.audienceOf(tx.manager, published.product);
      const byOrganization = new Map<string, string[]>();
      for (const c of audience.contacts) {
        byOrganization.set(c.organizationId, [...(byOrganization.get(c.organizationId) ?? []), c.contactId]);
      }
      for (const [organizationId, contactIds] of byOrganization) {
        tx.emit(makeEvent('contracts.release.announced', organizationId, { ...facts, contactIds }, origin(now)));
      }
      return published;
    });
  }

  async byIds(caller: Caller, ids: readonly string[]): Promise<Map<string, ReleaseEntity>> {
    const products = await this.visibleProducts(caller);
    const rows = await this.store.byIds(ids);
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
    const products = await this.visibleProducts(caller);
    if (products && products.size === 0) return [];
    return this.store.list(
      {
        products: products ? [...products] : null,
        product: filter.product ? filter.product.trim() : null,
        from: filter.from,
        to: filter.to,
      },
      MAX_RELEASES_LISTED,
    );
  }

  /** Whether any release of the product is scheduled (the demo schedules two when none is). */
  async anyOf(product: string): Promise<boolean> {
    return (await this.store.countOfProduct(product)) > 0;
  }

  /** Whose rows the caller may see: all, none, or one organization's. */
  organizationScope(caller: Caller): 'all' | 'none' | string {
    const visibility = visibilityOf(caller);
    return visibility.kind === 'organization' ? visibility.organizationId : visibility.kind;
  }

  /** The products whose releases (and advisories) the caller may see; null: all of them. */
  async visibleProducts(caller: Caller): Promise<Set<string> | null> {
    const visibility = visibilityOf(caller);
    if (visibility.kind === 'all') return null;
    if (visibility.kind === 'none') return new Set();
    const productLists = await this.contracts.productListsOf(visibility.organizationId);
    if (productLists.some((products) => products.length === 0)) return null;
    return new Set(productLists.flat());
  }
}
