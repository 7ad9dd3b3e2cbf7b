import { type Caller, unauthenticated } from '@reglament/shared/domain';
import type { GatewayContext, PartnerCredential } from '../context';
import type { DeactivatedAccounts } from './deactivated-accounts';
import type { PartnerKeyStore } from './partner-keys';
import { bearerToken, type TokenVerifier } from './tokens';

export const ANONYMOUS: Caller = { kind: 'anonymous' };

/** A partner, as subgraphs see it: a PARTNER user bound to its organization (or none: global). */
export function partnerCaller(partner: PartnerCredential): Caller {
  return {
    kind: 'user',
    id: partner.keyId,
    role: 'PARTNER',
    organizationId: partner.organizationId,
    name: partner.partner,
  };
}

/**
 * Who is calling, from what the request carries: `x-api-key` (a partner), else
 * `Authorization: Bearer <JWT>`, else nobody (anonymous: `login` and public fields only).
 * A credential that is present but not valid is refused, never treated as anonymous.
 */
export class Authenticator {
  constructor(
    private readonly verifyToken: TokenVerifier,
    private readonly partnerKeys: PartnerKeyStore | null,
    private readonly deactivated: DeactivatedAccounts | null = null,
  ) {}

  async authenticate(credentials: { apiKey?: unknown; authorization?: unknown }): Promise<GatewayContext> {
    const { apiKey, authorization } = credentials;
    if (apiKey !== undefined && apiKey !== null && apiKey !== '') {
      if (typeof apiKey !== 'string') throw unauthenticated('x-api-key must be a string');
      if (!this.partnerKeys) throw unauthenticated('Partner keys are not accepted by this gateway');
      const partner = this.partnerKeys.verify(apiKey);
      return { caller: partnerCaller(partner), expiresAt: null, partner };
    }
    if (authorization !== undefined && authorization !== null && typeof authorization !== 'string') {
      throw unauthenticated('authorization must be a string "Bearer <token>"');
    }
    const token = bearerToken(authorization as string | null | undefined);
    if (!token) return { caller: ANONYMOUS, expiresAt: null, partner: null };
    const { caller, expiresAt, issuedAt } = await this.verifyToken(token);
    const context: GatewayContext = { caller, expiresAt, issuedAt, partner: null };
    if (caller.kind === 'user' && this.deactivated?.isDeactivated(caller.id)) {
      throw unauthenticated('This account is deactivated: its tokens are no longer accepted');
    }
    if (caller.kind === 'user' && this.deactivated?.issuedBeforePasswordChange(caller.id, issuedAt)) {
      throw unauthenticated('This token was issued before the password was changed: log in again');
    }
    return context;
  }

  /** graphql-ws: `{ authorization: "Bearer ..." }`, `{ token }`, or a partner's `{ "x-api-key": ... }`. */
  fromConnectionParams(params: Record<string, unknown> | undefined): Promise<GatewayContext> {
    const p = params ?? {};
    const token = p.token === undefined || p.token === null ? undefined : `Bearer ${String(p.token)}`;
    return this.authenticate({
      apiKey: p['x-api-key'] ?? p.apiKey,
      authorization: p.authorization ?? p.Authorization ?? token,
    });
  }

  /** Is this context still good for another operation (token not expired, key not revoked)? */
  stillValid(context: GatewayContext, now = Date.now()): { ok: true } | { ok: false; reason: string } {
    if (context.expiresAt !== null && context.expiresAt <= now) return { ok: false, reason: 'the token has expired' };
    if (context.caller.kind === 'user' && !context.partner && this.deactivated) {
      if (this.deactivated.isDeactivated(context.caller.id)) return { ok: false, reason: 'the account is deactivated' };
      if (this.deactivated.issuedBeforePasswordChange(context.caller.id, context.issuedAt ?? null)) {
        return { ok: false, reason: 'the password was changed after it was issued: log in again' };
      }
    }
    if (context.partner && this.partnerKeys && !this.partnerKeys.isActive(context.partner.keyId)) {
      return { ok: false, reason: 'the API key was revoked' };
    }
    return { ok: true };
  }
}
