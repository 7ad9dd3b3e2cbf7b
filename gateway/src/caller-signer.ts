import { type Caller, signCaller } from '@reglament/shared/domain';
import { LRUCache } from 'lru-cache';
import type { GatewayContext } from './context';

/** A signed caller is reused for this long (it is valid for 5 minutes). */
const SIGNATURE_REUSE_MS = 60_000;

/**
 * Signs a caller once a minute, not on every subgraph fetch: the signed header depends only on
 * the caller and the signing time, and a subgraph accepts it for 5 minutes.
 */
export class CallerSigner {
  private readonly signatures = new LRUCache<string, { at: number; headers: Record<string, string> }>({ max: 10_000 });

  constructor(private readonly secret: string) {}

  headersFor(context: Partial<GatewayContext> | undefined): Record<string, string> {
    const caller: Caller = context?.caller ?? { kind: 'anonymous' };
    const address = context?.clientAddress ?? null;
    const key = `${address ?? ''} ${JSON.stringify(caller)}`;
    const now = Date.now();
    const cached = this.signatures.get(key);
    if (cached && now - cached.at < SIGNATURE_REUSE_MS) return cached.headers;
    const headers = signCaller(caller, this.secret, now, address);
    this.signatures.set(key, { at: now, headers });
    return headers;
  }
}
