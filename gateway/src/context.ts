import type { Caller } from '@reglament/shared/domain';
import type { ResponseBudget } from './guard/response-budget';

/** A partner system calling with an API key (`x-api-key`): it may run only its manifest's operations. */
export interface PartnerCredential {
  keyId: string;
  /** The partner, which is also the name of its manifest folder under gateway/persisted/. */
  partner: string;
  /** Bound to one organization, or null for a global key. */
  organizationId: string | null;
}

export interface GatewayContext {
  caller: Caller;
  /** When the caller's token expires (epoch ms), if it does. */
  expiresAt: number | null;
  /** When the caller's token was issued (epoch ms), if it says. */
  issuedAt?: number | null;
  /** Set when the caller came with a partner key. */
  partner?: PartnerCredential | null;
  /** The gateway's own operations (resolving subscription payloads): not a client's request. */
  internal?: boolean;
  /** The client's address (behind TRUST_PROXY_HOPS proxies: from X-Forwarded-For). */
  clientAddress?: string | null;
  /** Bytes this request's answer may still take (one per request or socket operation). */
  budget?: ResponseBudget;
}
