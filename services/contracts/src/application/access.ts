import { type Caller, forbidden, type Role, requireRole, STAFF_ROLES } from '@reglament/shared/domain';

/** Who may do what in contracts: staff manage, admins manage people and override, customers read their own. */
export const MANAGERS: readonly Role[] = ['ADMIN', 'DISPATCHER'];
export const STAFF: readonly Role[] = STAFF_ROLES;
export const ADMINS: readonly Role[] = ['ADMIN'];

export function requireManager(caller: Caller, action: string): void {
  requireRole(caller, MANAGERS, action);
}

export function requireStaff(caller: Caller, action: string): void {
  requireRole(caller, STAFF, action);
}

export function requireAdmin(caller: Caller, action: string): void {
  requireRole(caller, ADMINS, action);
}

/** Who did it, as kept in the ledger and time entries. */
export function actorOf(caller: Caller): string | null {
  if (caller.kind === 'user') return caller.id;
  if (caller.kind === 'system') return `system:${caller.name}`;
  return null;
}

export function isAdmin(caller: Caller): boolean {
  return caller.kind === 'system' || (caller.kind === 'user' && caller.role === 'ADMIN');
}

export function requireAdminOverride(caller: Caller, what: string): void {
  if (!isAdmin(caller)) throw forbidden(`Only an ADMIN may ${what}`);
}

export const SYSTEM: Caller = { kind: 'system', name: 'contracts' };
