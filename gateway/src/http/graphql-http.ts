import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ApolloServer, HeaderMap, type HTTPGraphQLRequest } from '@apollo/server';
import {
  AppError,
  carriesLoneSurrogate,
  ErrorCode,
  IllFormedTextError,
  parseWellFormedJson,
} from '@reglament/shared/domain';
import {
  carriesNul,
  NulCharacterError,
  PayloadTooLargeError,
  readBody,
  type Route,
  sendJson,
} from '@reglament/shared/platform';
import type { Authenticator } from '../auth/authenticate';
import type { GatewayContext } from '../context';
import type { InFlightLimiter } from '../guard/in-flight';
import { type RateLimiter, rateKeyOf } from '../guard/rate-limiter';
import { ResponseBudget } from '../guard/response-budget';
import type { GatewayMetrics } from '../observability/metrics';
import type { ManifestStore } from '../persisted/manifest-store';
import { checkPersistedQuery } from '../persisted/apq-check';
import { clientAddressOf } from './client-address';
import { trustedOperation } from '../persisted/trusted-documents';

export interface GraphQLHttpOptions {
  apollo: ApolloServer<GatewayContext>;
  authenticator: Authenticator;
  limiter: RateLimiter;
  inFlight: InFlightLimiter;
  manifests: ManifestStore;
  metrics: GatewayMetrics;
  maxBodyBytes: number;
  maxResponseBytes: number;
  /** Reverse proxies in front whose X-Forwarded-For entries are trusted (0: none). */
  trustedProxyHops: number;
  path?: string;
}

const STATUS_OF: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.PERSISTED_QUERY_NOT_ALLOWED]: 400,
  [ErrorCode.PERSISTED_QUERY_NOT_FOUND]: 400,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.BAD_REQUEST]: 400,
  [ErrorCode.PERSISTED_QUERY_HASH_MISMATCH]: 400,
  [ErrorCode.RESPONSE_TOO_LARGE]: 400,
};

/**
 * `/graphql` over HTTP: the door. In order: declared body size, credentials (partner key or
 * JWT), the caller's rate limit and requests in flight, the body (size, NUL, well-formed
 * text), trusted documents for partners or APQ checks for others; then Apollo Server (APQ,
 * GET for queries and 405 for other operations over GET, CSRF prevention, batching off, the
 * guard plugin); the answer's size (RESPONSE_TOO_LARGE past MAX_RESPONSE_BYTES). Answers to
 * GET carry an ETag, so clients and caches can revalidate for free.
 */
export function graphqlHttpRoute(options: GraphQLHttpOptions): Route {
  const path = options.path ?? '/graphql';
  const { metrics } = options;
  return async (req, res, url) => {
    if (url.pathname !== path) return false;
    const method = req.method?.toUpperCase() ?? 'GET';

    if (/%00/.test(url.search) || carriesNul(url.search)) {
      sendJson(res, 400, errorBody(new NulCharacterError().message, ErrorCode.BAD_USER_INPUT));
      return true;
    }
    if (Number(req.headers['content-length'] ?? 0) > options.maxBodyBytes) {
      metrics.refused.inc({ reason: 'too_large' });
      sendJson(
        res,
        413,
        errorBody(
          `Request body exceeds ${options.maxBodyBytes} bytes: send a smaller request`,
          ErrorCode.BAD_USER_INPUT,
        ),
      );
      return true;
    }

    // Credentials and limits come from the headers, before the body is read: a caller over its
    // limits costs no body reading, and a slow body holds one of its own slots, nobody else's.
    let context: GatewayContext;
    try {
      context = {
        ...(await options.authenticator.authenticate({
          apiKey: header(req, 'x-api-key'),
          authorization: header(req, 'authorization'),
        })),
        clientAddress: clientAddressOf(req, options.trustedProxyHops),
      };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      metrics.refused.inc({ reason: 'unauthenticated' });
      sendError(res, error);
      return true;
    }
    const key = rateKeyOf(context);
    const decision = options.limiter.take(key);
    if (!decision.allowed) {
      metrics.refused.inc({ reason: 'rate_limited' });
      sendRateLimited(res, options.limiter.message(decision.retryAfterSeconds), decision.retryAfterSeconds);
      return true;
    }
    const leave = options.inFlight.enter(key);
    if (!leave) {
      metrics.refused.inc({ reason: 'in_flight' });
      sendRateLimited(res, options.inFlight.message(), 1, { maxInFlight: options.inFlight.limit });
      return true;
    }
    try {
      await answer(req, res, url, method, { ...context, budget: new ResponseBudget(options.maxResponseBytes) });
    } finally {
      leave();
    }
    return true;
  };

  async function answer(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    method: string,
    context: GatewayContext,
  ): Promise<void> {
    let body: unknown = undefined;
    if (method === 'POST') {
      try {
        const text = await readBody(req, options.maxBodyBytes);
        body = parseBody(text, String(req.headers['content-type'] ?? ''));
      } catch (error) {
        if (error instanceof PayloadTooLargeError) {
          metrics.refused.inc({ reason: 'too_large' });
          sendJson(res, 413, errorBody(`${error.message}: send a smaller request`, ErrorCode.BAD_USER_INPUT));
          return;
        }
        if (error instanceof NulCharacterError || error instanceof IllFormedTextError) {
          sendJson(res, 400, errorBody(error.message, ErrorCode.BAD_USER_INPUT));
          return;
        }
        if (error instanceof SyntaxError) {
          sendJson(res, 400, errorBody('The request body is not valid JSON', 'BAD_REQUEST'));
          return;
        }
        throw error;
      }
    }

    let search = url.search;
    try {
      if (context.partner && (method === 'GET' || method === 'POST')) {
        try {
          ({ body, search } = withTrustedDocument(options.manifests, context, method, body, url));
        } catch (error) {
          if (error instanceof AppError) metrics.refused.inc({ reason: 'not_trusted' });
          throw error;
        }
      } else if (!context.partner) {
        checkRequest(method, body, url);
      }
    } catch (error) {
      if (error instanceof IllFormedTextError) {
        sendJson(res, 400, errorBody(error.message, ErrorCode.BAD_USER_INPUT));
        return;
      }
      if (!(error instanceof AppError)) throw error;
      sendError(res, error);
      return;
    }

    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const httpGraphQLRequest: HTTPGraphQLRequest = { method, headers, search, body };
    const response = await options.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest,
      context: async () => context,
    });
    const budget = context.budget!;
    if (response.body.kind !== 'complete') {
      // Incremental delivery is not enabled; should it be, its chunks pass through as they come.
      for (const [key, value] of response.headers) res.setHeader(key, value);
      res.statusCode = response.status ?? 200;
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
      return;
    }
    // The subgraphs' answers were counted as they came; the whole answer is checked once more.
    if (budget.exceeded || Buffer.byteLength(response.body.string) > budget.maxBytes) {
      metrics.refused.inc({ reason: 'response_too_large' });
      const error = budget.error();
      sendJson(res, 400, { data: null, ...errorBody(error.message, error.code, error.details) });
      return;
    }
    for (const [key, value] of response.headers) res.setHeader(key, value);
    const status = response.status ?? 200;
    if (method === 'GET' && status === 200) {
      // Queries over GET are cacheable: private (answers depend on the caller), revalidated by ETag.
      const etag = `W/"${createHash('sha1').update(response.body.string).digest('base64url')}"`;
      res.setHeader('etag', etag);
      // Apollo says no-store when no subgraph gave a cache hint; revalidation by ETag is safe and cheaper.
      const policy = res.getHeader('cache-control');
      if (!policy || policy === 'no-store') res.setHeader('cache-control', 'private, no-cache');
      res.setHeader('vary', 'authorization, x-api-key');
      if (req.headers['if-none-match'] === etag) {
        res.statusCode = 304;
        res.end();
        return;
      }
    }
    res.statusCode = status;
    res.end(response.body.string);
  }
}

/** A partner's request, its document taken from its manifest (the only documents it may run). */
function withTrustedDocument(
  manifests: ManifestStore,
  context: GatewayContext,
  method: string,
  body: unknown,
  url: URL,
): { body: unknown; search: string } {
  if (method === 'POST') {
    if (Array.isArray(body) || typeof body !== 'object' || body === null) {
      throw new AppError(ErrorCode.BAD_USER_INPUT, 'Send one operation as a JSON object (batching is off)');
    }
    const request = body as Record<string, unknown>;
    const operation = trustedOperation(manifests, context.partner!, request);
    const { extensions: _e, documentId: _d, ...rest } = request;
    return { body: { ...rest, query: operation.body }, search: url.search };
  }
  const params = url.searchParams;
  let extensions: unknown = undefined;
  if (params.has('extensions')) {
    try {
      extensions = JSON.parse(params.get('extensions')!);
    } catch {
      throw new AppError(ErrorCode.BAD_USER_INPUT, 'The extensions parameter is not valid JSON');
    }
  }
  const operation = trustedOperation(manifests, context.partner!, {
    query: params.get('query') ?? undefined,
    extensions,
    documentId: params.get('documentId') ?? undefined,
  });
  const rewritten = new URLSearchParams(params);
  rewritten.delete('extensions');
  rewritten.delete('documentId');
  rewritten.set('query', operation.body);
  return { body, search: `?${rewritten.toString()}` };
}

function parseBody(text: string, contentType: string): unknown {
  if (text.length === 0) return undefined;
  return contentType.includes('json') ? parseWellFormedJson(text) : text;
}

/**
 * What Apollo Server would report as an internal error, answered typed first: lone surrogates
 * in GET's JSON parameters (a POST body was checked as it was parsed), and APQ extensions that
 * are malformed or do not match their query.
 */
function checkRequest(method: string, body: unknown, url: URL): void {
  if (method === 'GET') {
    const json = (name: string): unknown => {
      const text = url.searchParams.get(name);
      if (text === null) return undefined;
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return undefined; // Apollo answers malformed JSON itself, typed
      }
    };
    const variables = json('variables');
    const extensions = json('extensions');
    if (carriesLoneSurrogate(variables) || carriesLoneSurrogate(extensions)) throw new IllFormedTextError();
    checkPersistedQuery(url.searchParams.get('query') ?? undefined, extensions);
  } else if (method === 'POST' && body && typeof body === 'object' && !Array.isArray(body)) {
    const request = body as Record<string, unknown>;
    checkPersistedQuery(request.query, request.extensions);
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function errorBody(message: string, code: string, details: Record<string, unknown> = {}) {
  return { errors: [{ message, extensions: { code, ...details } }] };
}

function sendRateLimited(
  res: ServerResponse,
  message: string,
  retryAfterSeconds: number,
  details: Record<string, unknown> = {},
): void {
  sendJson(res, 429, errorBody(message, ErrorCode.RATE_LIMITED, { retryAfterSeconds, ...details }), {
    'retry-after': String(retryAfterSeconds),
  });
}

function sendError(res: ServerResponse, error: AppError): void {
  sendJson(res, STATUS_OF[error.code] ?? 400, errorBody(error.message, error.code, error.details));
}
