import { performance } from 'node:perf_hooks';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context';
import type { GatewayMetrics } from './metrics';

/** Requests and latency by operation, for every operation a client sent (not the gateway's own). */
export function metricsPlugin(metrics: GatewayMetrics): ApolloServerPlugin<GatewayContext> {
  return {
    requestDidStart: async ({ contextValue }) => {
      if (contextValue.internal) return;
      const started = performance.now();
      return {
        willSendResponse: async ({ response, operationName, operation }) => {
          const failed = response.body.kind === 'single' && !!response.body.singleResult.errors?.length;
          metrics.observe(
            operationName,
            operation?.operation ?? 'unknown',
            failed ? 'error' : 'ok',
            (performance.now() - started) / 1000,
          );
        },
      };
    },
  };
}
