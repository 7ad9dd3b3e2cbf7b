import type { Role } from '@reglament/shared/domain';
import { SignJWT } from 'jose';

/** How long a login lasts: one working day. */
export const TOKEN_LIFETIME_SECONDS = 8 * 3600;

export interface TokenClaims {
  sub: string;
  role: Role;
  org: string | null;
  name: string;
}

/**
 * Access tokens of docs/api.md "Authentication and tokens": JWT HS256 with JWT_SECRET, claims sub, role, org, name, exp (and iat_ms),
 * verified by the gateway (gateway/src/auth/tokens.ts). `iat`/`exp` are real time, not the
 * platform clock: the gateway checks them against real time, and a token must work even when
 * a test has moved the business clock to 2025.
 */
export class TokenIssuer {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly lifetimeSeconds = TOKEN_LIFETIME_SECONDS,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  async issue(claims: TokenClaims): Promise<{ token: string; expiresAt: Date }> {
    const issuedAtMs = Date.now();
    const issuedAt = Math.floor(issuedAtMs / 1000);
    const expiresAt = issuedAt + this.lifetimeSeconds;
    const token = await new SignJWT({
      // iat to the millisecond: a token from a login just after a password change (same second) is newer than it.
      iat_ms: issuedAtMs,
      role: claims.role,
      ...(claims.org ? { org: claims.org } : {}),
      name: claims.name,
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.sub)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(this.key);
    return { token, expiresAt: new Date(expiresAt * 1000) };
  }
}
