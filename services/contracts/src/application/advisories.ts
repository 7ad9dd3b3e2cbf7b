import {
  AppError,
  badInput,
  type Caller,
  conflict,
  ErrorCode,
  makeEvent,
  newId,
  notFound,
  requireUser,
  requireUuid,
  securityFixDueAt,
} from '@reglament/shared/domain';
import type { Clock, Transactions } from '@reglament/shared/platform';
import {
  ADVISORIES_PER_DAY,
  ADVISORIES_PER_PRODUCT_PER_DAY,
  ADVISORY_MAX_RECIPIENTS,
  type AdvisoryInput,
  validateAdvisory,
} from '../domain/advisory';
import { validateProduct } from '../domain/release';
import type { AdvisoryEntity, AdvisoryRecipientEntity } from '../infra/advisory.entities';
import type { AdvisoryStore } from '../infra/advisory-store';
import type { ContractStore } from '../infra/contract-store';
import type { ReleaseStore } from '../infra/release-store';
import { requireAdmin } from './access';
import { origin } from './facts';
import type { Releases } from './releases';

/** The most advisories one list answers. */
const MAX_ADVISORIES_LISTED = 200;
const DAY_MS = 24 * 3600_000;

/**
 * Security advisories (R-NTF-2, seed 001 §8-9). Contracts owns them because it owns who is a
 * customer of a product (contracts in force, their products, their contacts) and the releases a
 * fix ships in. Publishing records the advisory and, per organization, exactly whom it
 * addresses, in one transaction with the events: notifications tells each of them alone, the
 * SLA service runs the fix clock (R-SLA-6) until linkAdvisoryFix.
 */
export class Advisories {
  constructor(
    private readonly store: AdvisoryStore,
    private readonly contracts: ContractStore,
    private readonly releaseStore: ReleaseStore,
    private readonly releases: Releases,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async publish(caller: Caller, input: AdvisoryInput & { product: string }): Promise<AdvisoryEntity> {
    requireAdmin(caller, 'publish security advisories');
    const now = this.clock.now();
    const product = validateProduct(input.product);
    const valid = validateAdvisory(input, now);
    return this.transactions.run(async (tx) => {
      await this.store.serializePublications(tx.manager);
      await this.checkRate(tx.manager, product, now);
      const audience = await this.contracts.audienceOf(tx.manager, product);
      if (audience.contacts.length > ADVISORY_MAX_RECIPIENTS) {
        throw badInput(
          `the advisory would reach ${audience.contacts.length} contacts; at most ${ADVISORY_MAX_RECIPIENTS} per advisory`,
          { field: 'product' },
        );
      }
      const advisory: AdvisoryEntity = {
        id: newId(),
        product,
        ...valid,
        fixDueAt: securityFixDueAt(valid.discoveredAt, audience.presets),
        publishedAt: now,
        publishedBy: caller.kind === 'user' ? caller.id : null,
        fixedInReleaseId: null,
        fixedAt: null,
      };
      const recipients: AdvisoryRecipientEntity[] = audience.contacts.map((c) => ({ advisoryId: advisory.id, ...c }));
      await this.store.insert(tx.manager, advisory, recipients);
      const facts = {
        advisoryId: advisory.id,
        product,
        title: advisory.title,
        severity: advisory.severity,
        discoveredAt: advisory.discoveredAt.toISOString(),
        fixDueAt: advisory.fixDueAt.toISOString(),
      };
      tx.emit(
        makeEvent(
          'contracts.advisory.published',
          null,
          { ...facts, organizationIds: audience.organizationIds },
          origin(now),
        ),
      );
      // One event per organization, with only its own contacts: no organization's event names another's people.
      for (const [organizationId, contactIds] of byOrganization(recipients)) {
        tx.emit(
          makeEvent(
            'contracts.advisory.addressed',
            organizationId,
            { ...facts, body: advisory.body, contactIds },
            origin(now),
          ),
        );
      }
      return advisory;
    });
  }

  /** R-SLA-6: the fix is out in a published release of the product; the same recipients hear of it. */
  async linkFix(caller: Caller, advisoryId: string, releaseId: string): Promise<AdvisoryEntity> {
    requireAdmin(caller, 'link the fix of an advisory');
    const now = this.clock.now();
    requireUuid(releaseId, 'releaseId');
    return this.transactions.run(async (tx) => {
      const advisory = await this.store.lock(tx.manager, requireUuid(advisoryId, 'advisoryId'));
      if (!advisory) throw notFound('Advisory', advisoryId);
      const release = await this.releaseStore.lock(tx.manager, releaseId.toLowerCase());
      if (!release) throw notFound('Release', releaseId);
      if (advisory.fixedInReleaseId === release.id) return advisory;
      if (advisory.fixedInReleaseId !== null) {
        throw conflict(`advisory ${advisory.id} is already fixed in release ${advisory.fixedInReleaseId}`, {
          fixedInReleaseId: advisory.fixedInReleaseId,
        });
      }
      if (release.product !== advisory.product) {
        throw badInput(
          `release ${release.id} is of product "${release.product}", the advisory is about "${advisory.product}"`,
          { field: 'releaseId' },
        );
      }
      if (!release.publishedAt) {
        throw conflict(`release ${release.id} is not published yet: publishRelease first, then link the fix`, {
          releaseId: release.id,
        });
      }
      const fixed: AdvisoryEntity = { ...advisory, fixedInReleaseId: release.id, fixedAt: now };
      await this.store.save(tx.manager, fixed);
      tx.emit(
        makeEvent(
          'contracts.advisory.fix_linked',
          null,
          { advisoryId: advisory.id, product: advisory.product, releaseId: release.id, linkedAt: now.toISOString() },
          origin(now),
        ),
      );
      const recipients = await this.store.recipientsOf(tx.manager, [advisory.id], null);
      for (const [organizationId, contactIds] of byOrganization(recipients)) {
        tx.emit(
          makeEvent(
            'contracts.advisory.fix_addressed',
            organizationId,
            {
              advisoryId: advisory.id,
              product: advisory.product,
              title: advisory.title,
              releaseId: release.id,
              version: release.version,
              contactIds,
            },
            origin(now),
          ),
        );
      }
      return fixed;
    });
  }

  /** Advisories of the caller's products, newest first: a customer sees those of the products its contracts cover. */
  async list(caller: Caller, product: string | null): Promise<AdvisoryEntity[]> {
    requireUser(caller, 'see security advisories');
    const products = await this.releases.visibleProducts(caller);
    if (products && products.size === 0) return [];
    return this.store.list(
      { products: products ? [...products] : null, product: product === null ? null : product.trim() },
      MAX_ADVISORIES_LISTED,
    );
  }

  async byIds(caller: Caller, ids: readonly string[]): Promise<Map<string, AdvisoryEntity>> {
    const products = await this.releases.visibleProducts(caller);
    const rows = await this.store.byIds(ids);
    return new Map(rows.filter((row) => !products || products.has(row.product)).map((row) => [row.id, row]));
  }

  /**
   * Whom the advisories were addressed to, as the caller may see: staff every recipient; a
   * customer (or an organization-bound partner) only its own organization's contacts.
   */
  async recipientsOf(caller: Caller, advisoryIds: readonly string[]): Promise<Map<string, AdvisoryRecipientEntity[]>> {
    const scope = this.releases.organizationScope(caller);
    const grouped = new Map<string, AdvisoryRecipientEntity[]>();
    if (scope === 'none') return grouped;
    for (const row of await this.store.recipientsOf(null, advisoryIds, scope === 'all' ? null : scope)) {
      grouped.set(row.advisoryId, [...(grouped.get(row.advisoryId) ?? []), row]);
    }
    return grouped;
  }

  /** Each product at most ADVISORIES_PER_PRODUCT_PER_DAY, all at most ADVISORIES_PER_DAY, in any 24 hours. */
  private async checkRate(manager: Parameters<AdvisoryStore['countSince']>[0], product: string, now: Date) {
    const since = new Date(now.getTime() - DAY_MS);
    for (const [scope, limit] of [
      [product, ADVISORIES_PER_PRODUCT_PER_DAY],
      [null, ADVISORIES_PER_DAY],
    ] as const) {
      if ((await this.store.countSince(manager, scope, since)) < limit) continue;
      const earliest = (await this.store.earliestSince(manager, scope, since)) ?? now;
      const seconds = Math.max(1, Math.ceil((earliest.getTime() + DAY_MS - now.getTime()) / 1000));
      throw new AppError(
        ErrorCode.RATE_LIMITED,
        `At most ${limit} advisories ${scope === null ? 'in all' : `about one product`} in 24 hours: ` +
          `try again in ${seconds} s`,
        { retryAfterSeconds: seconds, limit },
      );
    }
  }
}

function byOrganization(rows: readonly { organizationId: string; contactId: string }[]): Map<string, string[]> {
  const grouped = new Map<string, string[]>();
  for (const row of rows) grouped.set(row.organizationId, [...(grouped.get(row.organizationId) ?? []), row.contactId]);
  return grouped;
}
