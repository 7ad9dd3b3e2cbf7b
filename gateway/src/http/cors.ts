import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Route } from '@reglament/shared/platform';
import cors from 'cors';

export interface CorsSettings {
  /** Origins allowed to call the API from a browser (exact `https://host[:port]`), or `*`; none by default. */
  origins: string[];
  /** Let browsers send credentials (cookies, HTTP auth). Never with `*`. */
  allowCredentials?: boolean;
}

const ORIGIN = /^https?:\/\/[^/\s?#]+$/;

/** Checks the settings: a browser refuses `*` with credentials, so does the gateway, at start. */
export function validateCors(settings: CorsSettings): void {
  for (const origin of settings.origins) {
    if (origin !== '*' && !ORIGIN.test(origin)) {
      throw new Error(`CORS_ORIGINS: "${origin}" is not an origin such as https://portal.example.com (no path)`);
    }
  }
  if (settings.allowCredentials && settings.origins.includes('*')) {
    throw new Error('CORS_ORIGINS=* cannot be used with CORS_ALLOW_CREDENTIALS=1: list the origins instead');
  }
}

/**
 * CORS for browser apps on other origins (CORS_ORIGINS), on /graphql and /attachments/: the
 * gateway answers preflights itself and adds the allow headers to answers for allowed origins;
 * other origins get no allow headers, so browsers keep the answer from them. Simple requests
 * are still refused by the CSRF prevention (a request needs a preflight-triggering header or
 * content type), which CORS does not replace.
 */
export function corsRoute(settings: CorsSettings): Route {
  validateCors(settings);
  const any = settings.origins.includes('*');
  const allowed = new Set(settings.origins);
  const middleware = cors({
    origin: (origin, callback) => callback(null, !!origin && (any || allowed.has(origin))),
    methods: ['GET', 'POST', 'HEAD', 'OPTIONS'],
    allowedHeaders: [
      'content-type',
      'authorization',
      'x-api-key',
      'apollo-require-preflight',
      'x-apollo-operation-name',
      'range',
      'if-none-match',
    ],
    exposedHeaders: ['etag', 'retry-after', 'content-disposition', 'content-range', 'content-length'],
    credentials: settings.allowCredentials ?? false,
    maxAge: 600,
    optionsSuccessStatus: 204,
  });
  return async (req, res, url) => {
    if (url.pathname !== '/graphql' && !url.pathname.startsWith('/attachments/')) return false;
    if (!req.headers.origin) return false;
    // cors ends a preflight itself; for other requests it calls next() with the headers set. The
    // origin check is synchronous, so by the time it returns one of the two has happened.
    let passed = false;
    let failure: unknown = null;
    middleware(req as IncomingMessage, res as ServerResponse, (error?: unknown) => {
      passed = true;
      failure = error ?? null;
    });
    if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
    return !passed && res.writableEnded;
  };
}
