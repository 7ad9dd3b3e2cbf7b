import { isUuid, type StaffRole } from '@reglament/shared/domain';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { OrganizationScopedReader } from './organization-scoped';
import { pageInIdOrder, type RowsPage } from './paging';
import { ContactEntity, CredentialEntity, LoginThrottleEntity, StaffEntity } from './people.entities';

/** The contacts table (the customers' registered employees). Writes take the transaction's manager. */
export class ContactStore {
  /** Reads with the caller's organization scope in the query. */
  readonly scoped: OrganizationScopedReader<ContactEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.scoped = new OrganizationScopedReader(dataSource, ContactEntity, 'Contact', 'organizationId', {
      fullName: 'ASC',
      id: 'ASC',
    });
  }

  async insert(manager: EntityManager, row: ContactEntity): Promise<void> {
    await manager.insert(ContactEntity, row);
  }

  /** The row, locked for the rest of the transaction (FOR UPDATE). */
  lock(manager: EntityManager, id: string): Promise<ContactEntity | null> {
    return manager.findOne(ContactEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async save(manager: EntityManager, row: ContactEntity): Promise<void> {
    await manager.save(ContactEntity, row);
  }

  /** A contact by id, whoever asks (for the login that names it). */
  byId(id: string): Promise<ContactEntity> {
    return this.dataSource.getRepository(ContactEntity).findOneByOrFail({ id });
  }
}

/** The staff table (the provider's people). Writes take the transaction's manager. */
export class StaffStore {
  constructor(private readonly dataSource: DataSource) {}

  byEmail(manager: EntityManager, email: string): Promise<StaffEntity | null> {
    return manager.findOneBy(StaffEntity, { email });
  }

  async insert(manager: EntityManager, row: StaffEntity): Promise<void> {
    await manager.insert(StaffEntity, row);
  }

  /** The row, locked for the rest of the transaction (FOR UPDATE). */
  lock(manager: EntityManager, id: string): Promise<StaffEntity | null> {
    return manager.findOne(StaffEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async save(manager: EntityManager, row: StaffEntity): Promise<void> {
    await manager.save(StaffEntity, row);
  }

  countActiveAdmins(manager: EntityManager): Promise<number> {
    return manager.count(StaffEntity, { where: { role: 'ADMIN', active: true } });
  }

  find(id: string): Promise<StaffEntity | null> {
    return this.dataSource.getRepository(StaffEntity).findOneBy({ id });
  }

  /** A staff member by id (for the login that names one). */
  byId(id: string): Promise<StaffEntity> {
    return this.dataSource.getRepository(StaffEntity).findOneByOrFail({ id });
  }

  async byIds(ids: readonly string[]): Promise<Map<string, StaffEntity>> {
    const rows = await this.dataSource.getRepository(StaffEntity).findBy({ id: In(ids.filter(isUuid)) });
    return new Map(rows.map((row) => [row.id, row]));
  }

  page(
    filter: { role: StaffRole | null; activeOnly: boolean },
    after: string | null,
    first: number,
  ): Promise<RowsPage<StaffEntity>> {
    const query = this.dataSource.getRepository(StaffEntity).createQueryBuilder('s');
    if (filter.role) query.andWhere('s.role = :role', { role: filter.role });
    if (filter.activeOnly) query.andWhere('s.active = true');
    return pageInIdOrder(query, 's', after, first);
  }
}

/** The credentials table: one login per e-mail across contacts and staff. */
export class CredentialStore {
  constructor(private readonly dataSource: DataSource) {}

  /** The login with this (normalized) e-mail; inside a transaction when a manager is given. */
  byEmail(email: string, manager: EntityManager = this.dataSource.manager): Promise<CredentialEntity | null> {
    return manager.findOneBy(CredentialEntity, { email });
  }

  byUser(userId: string): Promise<CredentialEntity | null> {
    return this.dataSource.getRepository(CredentialEntity).findOneBy({ userId });
  }

  /** The person's login, locked by the transaction that changes it. */
  ofUser(manager: EntityManager, userId: string): Promise<CredentialEntity> {
    return manager.findOneByOrFail(CredentialEntity, { userId });
  }

  async insert(manager: EntityManager, row: CredentialEntity): Promise<void> {
    await manager.insert(CredentialEntity, row);
  }

  async save(manager: EntityManager, row: CredentialEntity): Promise<void> {
    await manager.save(CredentialEntity, row);
  }

  /** The organization of a contact (null for an id that is not a contact's). */
  async organizationOfContact(manager: EntityManager, contactId: string): Promise<string | null> {
    return (await manager.findOneBy(ContactEntity, { id: contactId }))?.organizationId ?? null;
  }
}

/** The login_throttle table: failed logins per (e-mail, address) and per address. */
export class LoginThrottleStore {
  constructor(private readonly dataSource: DataSource) {}

  byKeys(keys: string[]): Promise<LoginThrottleEntity[]> {
    return this.dataSource.getRepository(LoginThrottleEntity).findBy({ key: In(keys) });
  }

  async delete(key: string): Promise<void> {
    await this.dataSource.getRepository(LoginThrottleEntity).delete({ key });
  }

  /** Removes the records of an e-mail (by its hash), of an address, or of both together; how many went. */
  async deleteMatching(filter: { emailHash: string | null; address: string | null }): Promise<number> {
    const query = this.dataSource.getRepository(LoginThrottleEntity).createQueryBuilder().delete();
    if (filter.emailHash) query.andWhere('email_hash = :hash', { hash: filter.emailHash });
    if (filter.address) query.andWhere('address = :address', { address: filter.address });
    const result = await query.execute();
    return result.affected ?? 0;
  }

  /** Removes the records whose last failure is older than `cutoff`; how many went. */
  async deleteIdleSince(cutoff: Date): Promise<number> {
    const result = await this.dataSource
      .getRepository(LoginThrottleEntity)
      .createQueryBuilder()
      .delete()
      .where('last_failure_at < :cutoff', { cutoff })
      .execute();
    return result.affected ?? 0;
  }

  /** The record, locked for the rest of the transaction (FOR UPDATE); null before the first failure. */
  lock(manager: EntityManager, key: string): Promise<LoginThrottleEntity | null> {
    return manager.findOne(LoginThrottleEntity, { where: { key }, lock: { mode: 'pessimistic_write' } });
  }

  async upsert(manager: EntityManager, row: LoginThrottleEntity): Promise<void> {
    await manager.upsert(LoginThrottleEntity, row, ['key']);
  }
}
