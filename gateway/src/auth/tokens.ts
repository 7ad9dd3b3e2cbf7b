import { createSecretKey } from 'node:crypto';
import { type Caller, isUuid, ROLES, type Role, unauthenticated } from '@reglament/shared/domain';
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { LRUCache } from 'lru-cache';

export interface TokenVerifierOptions {
  jwtSecret?: string;
  jwksUrl?: string;
}

export interface VerifiedToken {
  caller: Caller;
  /** Epoch ms, if the token says. */
  expiresAt: number | null;
  /** Epoch ms: `iat_ms` when the issuer gives it (contracts does), else `iat` in whole seconds. */
  issuedAt: number | null;
}

export type TokenVerifier = (token: string) => Promise<VerifiedToken>;

/** Tokens verified recently, by their text: a client sends the same token with every request. */
const VERIFIED_TOKENS = 10_000;

/**
 * Access tokens: JWT, HS256 with JWT_SECRET or keys from JWT_JWKS_URL; claims `sub`, `role`,
 * `org` (CUSTOMER and organization-bound PARTNER), `name`, `exp` (docs/api.md "Authentication and tokens"). A token
 * already verified is not verified again (its signature cannot have changed); its expiry is
 * checked on every use.
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const secret = options.jwtSecret ? createSecretKey(Buffer.from(options.jwtSecret, 'utf8')) : null;
  const jwks: JWTVerifyGetKey | null = options.jwksUrl ? createRemoteJWKSet(new URL(options.jwksUrl)) : null;
  if (!secret && !jwks) throw new Error('Either JWT_SECRET or JWT_JWKS_URL must be set');
  const verified = new LRUCache<string, VerifiedToken>({ max: VERIFIED_TOKENS });
  return async (token) => {
    const known = verified.get(token);
    if (known) {
      if (known.expiresAt !== null && known.expiresAt <= Date.now()) {
        verified.delete(token);
        throw unauthenticated('The token has expired: log in again');
      }
      return known;
    }
    let payload: JWTPayload;
    try {
      payload = secret
        ? (await jwtVerify(token, secret, { algorithms: ['HS256'], requiredClaims: ['exp'] })).payload
        : (await jwtVerify(token, jwks!, { algorithms: ['RS256', 'ES256', 'PS256', 'EdDSA'], requiredClaims: ['exp'] }))
            .payload;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'ERR_JWT_EXPIRED') throw unauthenticated('The token has expired: log in again');
      if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' && (error as { claim?: string }).claim === 'exp') {
        throw unauthenticated('The token must carry an expiry (exp): tokens that never expire are refused');
      }
      throw unauthenticated('The token is not valid');
    }
    const result: VerifiedToken = {
      caller: callerFromClaims(payload),
      expiresAt: typeof payload.exp === 'number' ? payload.exp * 1000 : null,
      issuedAt: issuedAtOf(payload),
    };
    verified.set(token, result);
    return result;
  };
}

export function callerFromClaims(payload: JWTPayload): Caller {
  const role = payload.role;
  if (typeof payload.sub !== 'string' || !payload.sub) throw unauthenticated('The token has no subject (sub)');
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
    throw unauthenticated(`The token's role must be one of ${ROLES.join(', ')}`);
  }
  // Partners are let in by their keys (x-api-key), which bind them to their trusted documents
  // and organization; a token saying PARTNER would skip both.
  if (role === 'PARTNER') {
    throw unauthenticated('PARTNER access comes only with a partner key (x-api-key), never in a token');
  }
  const org = typeof payload.org === 'string' && payload.org ? payload.org : null;
  if (role === 'CUSTOMER' && !org) throw unauthenticated('A CUSTOMER token must carry its organization (org)');
  if (org !== null && !isUuid(org)) throw unauthenticated("The token's organization (org) must be a UUID");
  return {
    kind: 'user',
    id: payload.sub,
    role: role as Role,
    organizationId: org,
    name: typeof payload.name === 'string' ? payload.name : null,
  };
}

function issuedAtOf(payload: JWTPayload): number | null {
  const ms = payload.iat_ms;
  if (typeof ms === 'number' && Number.isFinite(ms) && typeof payload.iat === 'number') {
    // Only a refinement of iat: it cannot move the token's age by more than that second.
    if (Math.floor(ms / 1000) === payload.iat) return ms;
  }
  return typeof payload.iat === 'number' ? payload.iat * 1000 : null;
}

/** `Authorization: Bearer <token>`; absent -> anonymous (login and public fields only). */
export function bearerToken(header: string | undefined | null): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>"');
  return match[1]!;
}
