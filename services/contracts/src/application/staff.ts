import {
  isOwnPreferencesChange,
  type NotificationPreferences,
  validateEmailOff,
  validateLanguage,
} from './preferences';
import {
  type Caller,
  conflict,
  makeEvent,
  newId,
  notFound,
  requireUuid,
  type StaffRole,
} from '@reglament/shared/domain';
import { type Clock, encodeCursor, toConnection, type Transactions, type Tx } from '@reglament/shared/platform';
import { type NewStaff, validateFullName, validateEmail, validateNewStaff, validateStaffRole } from '../domain/people';
import { validatePassword } from '../domain/password';
import type { StaffEntity } from '../infra/people.entities';
import type { StaffStore } from '../infra/people-store';
import { requireAdmin, requireStaff } from './access';
import type { Credentials } from './credentials';
import { origin, staffFacts } from './facts';
import { afterId, type Page } from './paging';
import { uniqueOr } from './unique';

export interface StaffChanges extends NotificationPreferences {
  fullName?: string;
  email?: string;
  role?: StaffRole;
  active?: boolean;
  password?: string | null;
}

/** The provider's dispatchers, engineers and admins; only an ADMIN adds or changes them. */
export class Staff {
  constructor(
    private readonly store: StaffStore,
    private readonly credentials: Credentials,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async add(caller: Caller, input: NewStaff): Promise<StaffEntity> {
    requireAdmin(caller, 'add staff');
    const valid = validateNewStaff(input);
    validatePassword(valid.password);
    const now = this.clock.now();
    return uniqueOr(
      () => this.transactions.run((tx) => this.insert(tx, valid, now)),
      `The e-mail ${valid.email} already belongs to another contact or staff member; each login needs its own e-mail`,
      { field: 'email' },
    );
  }

  /** The first admin (ADMIN_EMAIL / ADMIN_PASSWORD): created once, never overwritten. */
  async ensureFirstAdmin(email: string, password: string): Promise<'created' | 'exists'> {
    const valid = validateNewStaff({ fullName: 'Administrator', email, role: 'ADMIN', password });
    const now = this.clock.now();
    try {
      return await this.transactions.run(async (tx) => {
        if (await this.store.byEmail(tx.manager, valid.email)) return 'exists';
        await this.insert(tx, valid, now);
        return 'created';
      });
    } catch (error) {
      // Another replica created it at the same moment (the unique e-mail index decided).
      if (/duplicate key|already belongs/i.test(String(error))) return 'exists';
      throw error;
    }
  }

  private async insert(tx: Tx, valid: NewStaff, now: Date): Promise<StaffEntity> {
    const member: StaffEntity = {
      id: newId(),
      fullName: valid.fullName,
      email: valid.email,
      role: valid.role,
      active: true,
      language: 'RU',
      emailOff: [],
      createdAt: now,
      updatedAt: now,
    };
    await this.credentials.register(tx, {
      userId: member.id,
      email: member.email,
      kind: 'STAFF',
      password: valid.password,
      at: now,
    });
    await this.store.insert(tx.manager, member);
    tx.emit(makeEvent('contracts.staff.registered', null, staffFacts(member), origin(now)));
    return member;
  }

  async update(caller: Caller, id: string, changes: StaffChanges): Promise<StaffEntity> {
    if (!isOwnPreferencesChange(caller, id, changes)) requireAdmin(caller, 'change staff');
    const now = this.clock.now();
    return this.transactions.run(async (tx) => {
      const current = await this.store.lock(tx.manager, requireUuid(id, 'id'));
      if (!current) throw notFound('Staff member', id);
      const updated: StaffEntity = {
        ...current,
        fullName: changes.fullName !== undefined ? validateFullName(changes.fullName) : current.fullName,
        email: changes.email !== undefined ? validateEmail(changes.email) : current.email,
        role: changes.role !== undefined ? validateStaffRole(changes.role) : current.role,
        active: changes.active ?? current.active,
        language: changes.language !== undefined ? validateLanguage(changes.language) : current.language,
        emailOff: changes.emailOff !== undefined ? validateEmailOff(changes.emailOff) : current.emailOff,
        updatedAt: now,
      };
      if (current.role === 'ADMIN' && current.active && (updated.role !== 'ADMIN' || !updated.active)) {
        const admins = await this.store.countActiveAdmins(tx.manager);
        if (admins <= 1) {
          throw conflict(
            'At least one active ADMIN must remain: add another admin before demoting or deactivating this one',
          );
        }
      }
      await this.credentials.change(tx, current.id, { email: updated.email, password: changes.password ?? null }, now);
      await this.store.save(tx.manager, updated);
      tx.emit(makeEvent('contracts.staff.updated', null, staffFacts(updated), origin(now)));
      return updated;
    });
  }

  async get(caller: Caller, id: string): Promise<StaffEntity> {
    requireStaff(caller, 'see staff');
    const member = await this.store.find(requireUuid(id, 'id'));
    if (!member) throw notFound('Staff member', id);
    return member;
  }

  byIds(ids: readonly string[]): Promise<Map<string, StaffEntity>> {
    return this.store.byIds(ids);
  }

  async list(caller: Caller, filter: { role: StaffRole | null; activeOnly: boolean }, page: Page) {
    requireStaff(caller, 'list staff');
    const after = afterId(page.after);
    const { rows, totalCount } = await this.store.page(filter, after, page.first);
    return toConnection(rows, page.first, totalCount, (row) => encodeCursor(row.id), Boolean(after));
  }
}
