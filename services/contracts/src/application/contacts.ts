import {
  isOwnPreferencesChange,
  type NotificationPreferences,
  validateEmailOff,
  validateLanguage,
} from './preferences';
import { type Caller, makeEvent, newId, notFound, requireUuid, visibilityOf } from '@reglament/shared/domain';
import { type Clock, type Transactions } from '@reglament/shared/platform';
import { type NewContact, validateEmail, validateFullName, validateNewContact, validatePhone } from '../domain/people';
import type { OrganizationStore } from '../infra/organization-store';
import type { ContactEntity } from '../infra/people.entities';
import type { ContactStore } from '../infra/people-store';
import { requireManager } from './access';
import type { Credentials } from './credentials';
import { contactFacts, origin } from './facts';
import { uniqueOr } from './unique';

export interface ContactChanges extends NotificationPreferences {
  fullName?: string;
  email?: string;
  phone?: string | null;
  password?: string | null;
  active?: boolean;
}

/** R-ACC-1: the customer's registered employees; only they log in and only their requests are registered. */
export class Contacts {
  constructor(
    private readonly store: ContactStore,
    private readonly organizations: OrganizationStore,
    private readonly credentials: Credentials,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async add(caller: Caller, input: NewContact): Promise<ContactEntity> {
    requireManager(caller, 'register contacts');
    requireUuid(input.organizationId, 'organizationId');
    const valid = validateNewContact(input);
    const now = this.clock.now();
    return uniqueOr(
      () =>
        this.transactions.run(async (tx) => {
          const organization = await this.organizations.find(tx.manager, valid.organizationId);
          if (!organization) throw notFound('Organization', valid.organizationId);
          const contact: ContactEntity = {
            id: newId(),
            organizationId: organization.id,
            fullName: valid.fullName,
            email: valid.email,
            phone: valid.phone,
            active: true,
            language: 'RU',
            emailOff: [],
            createdAt: now,
            updatedAt: now,
          };
          await this.credentials.register(tx, {
            userId: contact.id,
            email: contact.email,
            kind: 'CONTACT',
            password: valid.password,
            at: now,
          });
          await this.store.insert(tx.manager, contact);
          tx.emit(
            makeEvent('contracts.contact.registered', contact.organizationId, contactFacts(contact), origin(now)),
          );
          return contact;
        }),
      `The e-mail ${valid.email} already belongs to another contact or staff member; each login needs its own e-mail`,
      { field: 'email' },
    );
  }

  async update(caller: Caller, id: string, changes: ContactChanges): Promise<ContactEntity> {
    if (!isOwnPreferencesChange(caller, id, changes)) requireManager(caller, 'change contacts');
    const now = this.clock.now();
    return this.transactions.run(async (tx) => {
      const current = await this.store.lock(tx.manager, requireUuid(id, 'id'));
      if (!current) throw notFound('Contact', id);
      const updated: ContactEntity = {
        ...current,
        fullName: changes.fullName !== undefined ? validateFullName(changes.fullName) : current.fullName,
        email: changes.email !== undefined ? validateEmail(changes.email) : current.email,
        phone: changes.phone !== undefined ? validatePhone(changes.phone) : current.phone,
        active: changes.active ?? current.active,
        language: changes.language !== undefined ? validateLanguage(changes.language) : current.language,
        emailOff: changes.emailOff !== undefined ? validateEmailOff(changes.emailOff) : current.emailOff,
        updatedAt: now,
      };
      await this.credentials.change(tx, current.id, { email: updated.email, password: changes.password ?? null }, now);
      await this.store.save(tx.manager, updated);
      const facts = contactFacts(updated);
      tx.emit(
        current.active && !updated.active
          ? makeEvent('contracts.contact.deactivated', updated.organizationId, facts, origin(now))
          : makeEvent('contracts.contact.updated', updated.organizationId, facts, origin(now)),
      );
      return updated;
    });
  }

  /** The contact can no longer log in, and tickets stop taking its requests (R-ACC-1). */
  deactivate(caller: Caller, id: string): Promise<ContactEntity> {
    return this.update(caller, id, { active: false });
  }

  get(caller: Caller, id: string): Promise<ContactEntity> {
    return this.store.scoped.get(visibilityOf(caller), id);
  }

  visibleByIds(caller: Caller, ids: readonly string[]): Promise<Map<string, ContactEntity>> {
    return this.store.scoped.byIds(visibilityOf(caller), ids);
  }

  /** Contacts of organizations the caller may see, grouped by organization. */
  visibleByOrganizations(caller: Caller, organizationIds: readonly string[]): Promise<Map<string, ContactEntity[]>> {
    return this.store.scoped.byOrganizations(visibilityOf(caller), organizationIds);
  }
}
