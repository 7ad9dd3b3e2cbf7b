import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { AppError, ErrorCode, outageOf, serviceUnavailable } from '../errors';
import type { Logger } from '../logger';

const PASS_THROUGH = new Set<string>([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  ...Object.values(ErrorCode),
]);

/**
 * The one place that maps errors to `extensions.code`. AppErrors keep their code, message
 * and details; GraphQL's own errors keep theirs; anything else is logged and answered as an
 * internal error without its message or stack.
 */
export function formatErrorFor(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof AppError) {
      return {
        message: original.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: original.code, ...original.details },
      };
    }
    const outage = outageOf(original);
    if (outage.outage) {
      // The database (or another dependency) is down: an outage the caller may retry, not a bug.
      log.warn({ err: original }, 'a dependency is unavailable; answered SERVICE_UNAVAILABLE');
      const error = serviceUnavailable('The service', outage.connect);
      return {
        message: error.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: error.code, ...error.details },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && PASS_THROUGH.has(code)) {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    if (original instanceof GraphQLError && !original.originalError) {
      // e.g. scalar parsing errors: the client's input, not our failure
      return {
        message: formatted.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: 'BAD_USER_INPUT' },
      };
    }
    log.error({ err: original }, 'unexpected error while resolving a request');
    return {
      message: 'Internal error: the request could not be completed. It has been logged.',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
