/** The error codes of the public API (docs/api.md "Errors"); every refusal carries one in `extensions.code`. */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  CONFLICT = 'CONFLICT',
  PERSISTED_QUERY_NOT_FOUND = 'PERSISTED_QUERY_NOT_FOUND',
  PERSISTED_QUERY_NOT_ALLOWED = 'PERSISTED_QUERY_NOT_ALLOWED',
  RATE_LIMITED = 'RATE_LIMITED',
  /** A request the server cannot read (e.g. an unsupported persisted-query version). */
  BAD_REQUEST = 'BAD_REQUEST',
  /** APQ: the query sent does not hash to the sha256Hash sent with it. */
  PERSISTED_QUERY_HASH_MISMATCH = 'PERSISTED_QUERY_HASH_MISMATCH',
  /** The answer would be larger than the gateway sends (MAX_RESPONSE_BYTES). */
  RESPONSE_TOO_LARGE = 'RESPONSE_TOO_LARGE',
  /**
   * A part (or its database) could not be reached: an outage, not a bug. `extensions.retryable`
   * says whether sending the same request again is safe (true when it cannot have run).
   */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/**
 * A refusal the caller can act on: a code, a message saying what was wrong and what is
 * allowed, and optional structured details (e.g. the allowed moves of a ticket).
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badInput = (message: string, details: Record<string, unknown> = {}) =>
  new AppError(ErrorCode.BAD_USER_INPUT, message, details);
export const notFound = (what: string, id: string) =>
  new AppError(ErrorCode.NOT_FOUND, `${what} ${id} was not found`, { id });
export const forbidden = (message: string) => new AppError(ErrorCode.FORBIDDEN, message);
export const unauthenticated = (message = 'Authentication required: send a valid token') =>
  new AppError(ErrorCode.UNAUTHENTICATED, message);
export const conflict = (message: string, details: Record<string, unknown> = {}) =>
  new AppError(ErrorCode.CONFLICT, message, details);

/** Codes of errors that say a connection could not be made at all: the request did not run. */
const CONNECT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** Codes of errors that say a connection broke or timed out: the request may have run. */
// A part that took longer than the gateway waits (undici's headers/body timeouts) is broken
// mid-way as well: a query may be sent again, a mutation may have taken effect.
const BROKEN_CODES = new Set([
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/** PostgreSQL SQLSTATE classes/codes of an unavailable server (connection exceptions, shutdowns). */
function isUnavailableSqlState(code: string): boolean {
  return code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03' || code === '53300';
}

/**
 * An error from an outage rather than from the request: a connection refused, broken or timed
 * out, a database that was shut down or cut our connection. Such errors are retried (consumers
 * never park an event for them) and answered SERVICE_UNAVAILABLE.
 * `connect`: the connection could not be made at all (nothing ran).
 */
export function outageOf(error: unknown): { outage: boolean; connect: boolean } {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') {
      if (CONNECT_CODES.has(code)) return { outage: true, connect: true };
      if (BROKEN_CODES.has(code) || isUnavailableSqlState(code)) return { outage: true, connect: false };
    }
    const message = (e as { message?: unknown }).message;
    // PostgreSQL refusing new connections (a database closed for maintenance, a server starting
    // or shutting down): nothing ran.
    if (
      typeof message === 'string' &&
      /not currently accepting connections|the database system is (starting up|shutting down)/i.test(message)
    )
      return { outage: true, connect: true };
    if (
      typeof message === 'string' &&
      /Connection terminated|connection is closed|terminating connection|Client has encountered a connection error/i.test(
        message,
      )
    )
      return { outage: true, connect: false };
    e = (e as { cause?: unknown; driverError?: unknown }).driverError ?? (e as { cause?: unknown }).cause;
  }
  return { outage: false, connect: false };
}

export const serviceUnavailable = (what: string, retryable: boolean) =>
  new AppError(
    ErrorCode.SERVICE_UNAVAILABLE,
    `${what} is unavailable for a moment; ${retryable ? 'send the request again shortly' : 'check whether it took effect before sending it again'}`,
    { retryable },
  );
