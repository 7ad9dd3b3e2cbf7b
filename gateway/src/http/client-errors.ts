import { ErrorCode } from '@reglament/shared/domain';
import { formatErrorFor, type Logger } from '@reglament/shared/platform';
import type { GraphQLFormattedError } from 'graphql';

const INTERNAL = 'Internal error: the request could not be completed. It has been logged.';

/**
 * The platform's error mapping (formatErrorFor), plus one rule for the gateway: an internal
 * error never carries its own message to the client. @apollo/gateway reports a failed subgraph
 * call as INTERNAL_SERVER_ERROR with the socket error in the message (addresses, ports).
 */
export function clientErrorFormatter(log: Logger) {
  const platform = formatErrorFor(log);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const result = platform(formatted, error);
    if (result.extensions?.code !== ErrorCode.INTERNAL_SERVER_ERROR || result.message === INTERNAL) return result;
    log.error({ message: result.message, path: result.path }, 'internal error hidden from the client');
    return {
      message: INTERNAL,
      ...(result.locations ? { locations: result.locations } : {}),
      ...(result.path ? { path: result.path } : {}),
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
