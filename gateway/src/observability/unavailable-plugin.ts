import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '@reglament/shared/domain';
import type { GatewayContext } from '../context';

/** Seconds a client is asked to wait before sending a request that found a part down. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/**
 * A request that could not run at all because a part is unreachable (no data, every error
 * SERVICE_UNAVAILABLE and safe to retry) is answered HTTP 503 with `Retry-After`, so clients,
 * proxies and load balancers can tell an outage from a bug. A partial answer stays 200.
 */
export function unavailablePlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    requestDidStart: async () => ({
      willSendResponse: async ({ response }) => {
        if (response.body.kind !== 'single') return;
        const { errors, data } = response.body.singleResult;
        if (!errors?.length) return;
        const allUnavailable = errors.every(
          (error) => error.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE && error.extensions.retryable === true,
        );
        const nothing = !data || Object.values(data).every((value) => value === null);
        if (!allUnavailable || !nothing) return;
        response.http.status = 503;
        response.http.headers.set('retry-after', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
      },
    }),
  };
}
