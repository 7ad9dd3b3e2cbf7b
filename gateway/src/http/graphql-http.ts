import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ApolloServer, HeaderMap, type HTTPGraphQLRequest } from '@apollo/server';
import {
  AppError,
  carriesLoneSurrogate,
  carriesNul,
  ErrorCode,
  IllFormedTextError,
  NulCharacterError,
  parseWellFormedJson,
  PayloadTooLargeError,
  readBody,
  type Route,
  sendJson,
} from '@reglament/shared';
import type { Authenticator } from '../auth/authenticate';
import type { GatewayContext } from '../context';
import { type RateLimiter, rateKeyOf } from '../guard/rate-limiter';
import type { GatewayMetrics } from '../observability/metrics';
import type { ManifestStore } from '../persisted/manifest-store';
import { checkPersistedQuery } from '../persisted/apq-check';
import { trustedOperation } from '../persisted/trusted-documents';

export interface GraphQLHttpOptions {
  apollo: ApolloServer<GatewayContext>;
  authenticator: Authenticator;
  limiter: RateLimiter;
  manifests: ManifestStore;
  metrics: GatewayMetrics;
  maxBodyBytes: number;
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
};

/**
 * `/graphql` over HTTP: the door. In order: body size, credentials (partner key or JWT), the
 * caller's rate limit, trusted documents for partners; then Apollo Server (APQ, GET for
 * queries and 405 for other operations over GET, CSRF prevention, batching off, the guard
 * plugin). Answers to GET carry an ETag, so clients and caches can revalidate for free.
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
    let body: unknown = undefined;
    if (method === 'POST') {
      try {
        const text = await readBody(req, options.maxBodyBytes);
        body = parseBody(text, String(req.headers['content-type'] ?? ''));
      } catch (error) {
        if (error instanceof PayloadTooLargeError) {
          metrics.refused.inc({ reason: 'too_large' });
          sendJson(res, 413, errorBody(`${error.message}: send a smaller request`, ErrorCode.BAD_USER_INPUT));
          return true;
        }
        if (error instanceof NulCharacterError || error instanceof IllFormedTextError) {
          sendJson(res, 400, errorBody(error.message, ErrorCode.BAD_USER_INPUT));
          return true;
        }
        if (error instanceof SyntaxError) {
          sendJson(res, 400, errorBody('The request body is not valid JSON', 'BAD_REQUEST'));
          return true;
        }
        throw error;
      }
    }

    let context: GatewayContext;
    try {
      context = await options.authenticator.authenticate({
        apiKey: header(req, 'x-api-key'),
        authorization: header(req, 'authorization'),
      });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      metrics.refused.inc({ reason: 'unauthenticated' });
      sendError(res, error);
      return true;
    }

    const decision = options.limiter.take(rateKeyOf(context, req.socket.remoteAddress));
    if (!decision.allowed) {
      metrics.refused.inc({ reason: 'rate_limited' });
      sendJson(
        res,
        429,
        errorBody(options.limiter.message(decision.retryAfterSeconds), ErrorCode.RATE_LIMITED, {
          retryAfterSeconds: decision.retryAfterSeconds,
        }),
        { 'retry-after': String(decision.retryAfterSeconds) },
      );
      return true;
    }

    let search = url.search;
    if (!context.partner) {
      try {
        checkRequest(method, body, url);
      } catch (error) {
        if (error instanceof IllFormedTextError) {
          sendJson(res, 400, errorBody(error.message, ErrorCode.BAD_USER_INPUT));
          return true;
        }
        if (!(error instanceof AppError)) throw error;
        sendError(res, error);
        return true;
      }
    }
    if (context.partner && (method === 'GET' || method === 'POST')) {
      try {
        ({ body, search } = withTrustedDocument(options.manifests, context, method, body, url));
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        metrics.refused.inc({ reason: 'not_trusted' });
        sendError(res, error);
        return true;
      }
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
    for (const [key, value] of response.headers) res.setHeader(key, value);
    const status = response.status ?? 200;
    if (response.body.kind === 'complete') {
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
          return true;
        }
      }
      res.statusCode = status;
      res.end(response.body.string);
    } else {
      res.statusCode = status;
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    }
    return true;
  };
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

function sendError(res: ServerResponse, error: AppError): void {
  sendJson(res, STATUS_OF[error.code] ?? 400, errorBody(error.message, error.code, error.details));
}
