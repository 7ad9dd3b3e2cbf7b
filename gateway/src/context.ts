import type { Caller } from '@reglament/shared';

export interface GatewayContext {
  caller: Caller;
  /** When the caller's token expires (epoch ms), if it does. */
  expiresAt: number | null;
}
