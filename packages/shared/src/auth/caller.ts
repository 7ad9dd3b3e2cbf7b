import { createHmac, timingSafeEqual } from 'node:crypto';
import { forbidden, unauthenticated } from '../errors';
import { isStaffRole, type Role } from '../domain-types';

/**
 * Who is calling. The gateway authenticates (JWT or partner key) and passes the caller to the
 * subgraphs in a header it signs with INTERNAL_SECRET; subgraphs trust nothing else.
 * `SYSTEM` is a part of the platform acting on its own (a scheduler, a consumer).
 */
export type Caller =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      id: string;
      role: Role;
      /** For CUSTOMER and organization-bound PARTNER callers. */
      organizationId: string | null;
      name: string | null;
    }
  | { kind: 'system'; name: string };

export const CALLER_HEADER = 'x-reglament-caller';
export const SIGNATURE_HEADER = 'x-reglament-signature';
/** A signed caller is valid this long (replay window). */
const MAX_AGE_MS = 5 * 60_000;

interface SignedCaller {
  caller: Caller;
  /** Signing time, epoch ms (real time, not the test clock). */
  iat: number;
  /** The client's address as the gateway saw it (login throttling counts per address). */
  address?: string | null;
}

export function signCaller(
  caller: Caller,
  secret: string,
  now = Date.now(),
  address: string | null = null,
): Record<string, string> {
  const signed: SignedCaller = { caller, iat: now, ...(address ? { address } : {}) };
  const body = Buffer.from(JSON.stringify(signed)).toString('base64url');
  return { [CALLER_HEADER]: body, [SIGNATURE_HEADER]: hmac(body, secret) };
}

export type CallerVerification = { ok: true; caller: Caller; address: string | null } | { ok: false; reason: string };

export function verifyCaller(
  headers: { get(name: string): string | undefined | null },
  secret: string,
  now = Date.now(),
): CallerVerification {
  const body = headers.get(CALLER_HEADER);
  const signature = headers.get(SIGNATURE_HEADER);
  if (!body || !signature)
    return { ok: false, reason: 'the request carries no signed caller (call through the gateway)' };
  const expected = Buffer.from(hmac(body, secret), 'hex');
  const given = Buffer.from(signature, 'hex');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, reason: 'the caller signature is not valid' };
  }
  let signed: SignedCaller;
  try {
    signed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as SignedCaller;
  } catch {
    return { ok: false, reason: 'the signed caller is malformed' };
  }
  if (typeof signed.iat !== 'number' || Math.abs(now - signed.iat) > MAX_AGE_MS) {
    return { ok: false, reason: 'the signed caller has expired' };
  }
  return { ok: true, caller: signed.caller, address: typeof signed.address === 'string' ? signed.address : null };
}

function hmac(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}

export function isStaff(caller: Caller): boolean {
  return caller.kind === 'system' || (caller.kind === 'user' && isStaffRole(caller.role));
}

export function hasRole(caller: Caller, ...roles: Role[]): boolean {
  return caller.kind === 'user' && roles.includes(caller.role);
}

/**
 * The organizations a caller may see: `all` for staff and the system, one organization for
 * customers and organization-bound partners, none for anonymous callers.
 */
export type Visibility = { kind: 'all' } | { kind: 'organization'; organizationId: string } | { kind: 'none' };

export function visibilityOf(caller: Caller): Visibility {
  if (caller.kind === 'system') return { kind: 'all' };
  if (caller.kind === 'anonymous') return { kind: 'none' };
  if (isStaffRole(caller.role)) return { kind: 'all' };
  if (caller.organizationId) return { kind: 'organization', organizationId: caller.organizationId };
  return caller.role === 'PARTNER' ? { kind: 'all' } : { kind: 'none' };
}

export function canSeeOrganization(visibility: Visibility, organizationId: string): boolean {
  return (
    visibility.kind === 'all' || (visibility.kind === 'organization' && visibility.organizationId === organizationId)
  );
}

/** Refuses (UNAUTHENTICATED / FORBIDDEN) unless the caller has one of `roles`; the system always may. */
export function requireRole(caller: Caller, roles: readonly Role[], action: string): void {
  if (caller.kind === 'system') return;
  if (caller.kind === 'anonymous') throw unauthenticated(`Authentication required to ${action}: send a valid token`);
  if (!roles.includes(caller.role)) {
    throw forbidden(`A ${caller.role} may not ${action}; allowed roles: ${roles.join(', ')}`);
  }
}

/** Refuses anonymous callers; returns the authenticated one. */
export function requireUser(caller: Caller, action: string): Exclude<Caller, { kind: 'anonymous' }> {
  if (caller.kind === 'anonymous') throw unauthenticated(`Authentication required to ${action}: send a valid token`);
  return caller;
}
