import { type Actor, type Caller, isStaff, requireUser, visibilityOf, type Visibility } from '@reglament/shared/domain';

/** Who acts, as recorded in history and events; anonymous callers are refused (UNAUTHENTICATED). */
export function actorOf(caller: Caller, action: string): Actor {
  const known = requireUser(caller, action);
  if (known.kind === 'system') return { id: null, role: 'SYSTEM', name: known.name };
  return { id: known.id, role: known.role, name: known.name };
}

/**
 * What a caller may read: which organizations, and whether internal messages and files
 * (provider staff and the platform only; a customer or partner never sees them).
 */
export interface ReadScope {
  visibility: Visibility;
  seesInternal: boolean;
}

export function readScopeOf(caller: Caller): ReadScope {
  return { visibility: visibilityOf(caller), seesInternal: isStaff(caller) };
}
