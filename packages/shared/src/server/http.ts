import { inSpan } from '../telemetry/tracing';
import { stoppingOnSignal } from './lifecycle';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo, Server as NetServer } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLRequest } from '@apollo/server';
import { IllFormedTextError, parseWellFormedJson } from '../text/unicode';

export type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean> | boolean;

export class PayloadTooLargeError extends Error {}

/** Text no database column may hold: PostgreSQL refuses NUL characters in text. */
export class NulCharacterError extends Error {
  constructor() {
    super('Text may not contain NUL characters (\\u0000)');
  }
}

/** True when a JSON text carries a NUL character (raw or escaped). */
export function carriesNul(text: string): boolean {
  return text.includes('\u0000') || text.includes('\\u0000');
}

/** Reads a request body, refusing more than `limit` bytes. */
export async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new PayloadTooLargeError(`Request body exceeds ${limit} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new PayloadTooLargeError(`Request body exceeds ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  // Refused at the door with a clear error rather than as an internal error from the database.
  if (carriesNul(text)) throw new NulCharacterError();
  return text;
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(text);
}

/** Serves `/graphql` with Apollo Server through its documented integration API. */
export function graphqlRoute<Ctx extends BaseContext>(
  apollo: ApolloServer<Ctx>,
  context: (req: IncomingMessage) => Promise<Ctx>,
  options: { path?: string; maxBodyBytes?: number; part?: string } = {},
): Route {
  const path = options.path ?? '/graphql';
  const limit = options.maxBodyBytes ?? 1_000_000;
  return async (req, res, url) => {
    if (url.pathname !== path) return false;
    let body: unknown = undefined;
    if (req.method === 'POST') {
      let text: string;
      try {
        text = await readBody(req, limit);
      } catch (error) {
        if (error instanceof PayloadTooLargeError) {
          sendJson(res, 413, { errors: [{ message: error.message, extensions: { code: 'BAD_USER_INPUT' } }] });
          return true;
        }
        if (error instanceof NulCharacterError) {
          sendJson(res, 400, { errors: [{ message: error.message, extensions: { code: 'BAD_USER_INPUT' } }] });
          return true;
        }
        throw error;
      }
      const type = req.headers['content-type'] ?? '';
      if (text.length > 0 && type.includes('json')) {
        try {
          body = parseWellFormedJson(text);
        } catch (error) {
          if (error instanceof IllFormedTextError) {
            sendJson(res, 400, { errors: [{ message: error.message, extensions: { code: 'BAD_USER_INPUT' } }] });
            return true;
          }
          sendJson(res, 400, {
            errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }],
          });
          return true;
        }
      } else {
        body = text;
      }
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const httpGraphQLRequest: HTTPGraphQLRequest = {
      method: req.method?.toUpperCase() ?? 'GET',
      headers,
      search: url.search,
      body,
    };
    // A server span, child of the caller's (the gateway's) trace context: resolvers and the events
    // they emit run inside it (docs/operations.md "Traces").
    const response = await inSpan(
      `${options.part ?? 'graphql'} ${path}`,
      'server',
      { traceparent: req.headers.traceparent, tracestate: req.headers.tracestate },
      { 'http.request.method': httpGraphQLRequest.method, 'http.route': path },
      () => apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: () => context(req) }),
    );
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
    } else {
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    }
    return true;
  };
}

/** Readiness: `ok` decides 200/503; `degraded` checks are reported but keep the part ready. */
export interface Readiness {
  ok: boolean;
  checks: Record<string, boolean>;
  degraded?: Record<string, string>;
}

export function healthRoutes(ready: () => Promise<Readiness>): Route {
  return async (_req, res, url) => {
    if (url.pathname === '/healthz') {
      sendJson(res, 200, { status: 'ok' });
      return true;
    }
    if (url.pathname === '/readyz') {
      const result: Readiness = await ready().catch(() => ({ ok: false, checks: {} }));
      const degraded = result.degraded && Object.keys(result.degraded).length > 0 ? result.degraded : undefined;
      sendJson(res, result.ok ? 200 : 503, {
        status: result.ok ? 'ready' : 'not ready',
        checks: result.checks,
        ...(degraded ? { degraded } : {}),
      });
      return true;
    }
    return false;
  };
}

/** The servers of this process, and those in their lame-duck period (see closeServer). */
const live = new Set<Server>();
const draining = new WeakSet<Server>();
/**
 * After the listener closes: time for a request on a just-accepted connection to be read (on a
 * loaded machine 1 s was not always enough: the replicas test saw such a request cut).
 */
const ACCEPTED_REQUEST_GRACE_MS = 3_000;
/** The process drains once, every server at the same time (embedded mode runs five). */
let drain: Promise<void> | null = null;

/** A plain node HTTP server over a list of routes; unmatched paths get 404. */
export function createHttpServer(routes: Route[], onError: (error: unknown) => void): Server {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (draining.has(server)) {
      // Lame duck: every answer closes its connection, and load balancers are told to look elsewhere.
      res.setHeader('connection', 'close');
      if (url.pathname === '/readyz') {
        sendJson(res, 503, { status: 'draining', checks: {} });
        return;
      }
    }
    void (async () => {
      for (const route of routes) {
        if (await route(req, res, url)) return;
      }
      sendJson(res, 404, { error: `Nothing at ${url.pathname}` });
    })().catch((error: unknown) => {
      onError(error);
      if (!res.headersSent)
        sendJson(res, 500, { errors: [{ message: 'Internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else res.end();
    });
  });
  live.add(server);
  server.once('close', () => live.delete(server));
  return server;
}

export async function listen(server: Server, port: number, host = '0.0.0.0'): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

/**
 * Stops a server. On a signal (a rolling restart, `docker stop`) it first drains for one
 * keep-alive timeout: answers close their connections and idle keep-alive connections are left
 * to time out as their clients expect (the `Keep-Alive: timeout` hint; undici stops reusing them
 * before), instead of being cut while a request may be on its way on them, which a client could
 * not tell from a request that ran (docs/operations.md "Guarantees"). Then it stops accepting and
 * still reads, for a moment, the requests of connections it had just accepted.
 */
export async function closeServer(server: Server): Promise<void> {
  if (stoppingOnSignal() && server.listening) {
    drain ??= (async () => {
      for (const each of live) draining.add(each);
      const longest = Math.max(...[...live].map((each) => each.keepAliveTimeout));
      await new Promise((resolve) => setTimeout(resolve, longest + 500));
    })();
    await drain;
    // Stop accepting, but not as http's close() does (it also closes the idle connections at
    // once): a connection accepted a moment before counts as idle until its request is read,
    // and closing it then cuts a request the client sent. Such requests are read and answered
    // (their connections close after the answer: the server is draining); then the rest close.
    await new Promise<void>((resolve) => {
      NetServer.prototype.close.call(server, () => resolve());
      setTimeout(() => server.closeIdleConnections(), ACCEPTED_REQUEST_GRACE_MS).unref();
      setTimeout(() => server.closeAllConnections(), 5_000).unref();
    });
    return;
  }
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 5_000).unref();
  });
}
