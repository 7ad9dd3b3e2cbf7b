import { pipeline } from 'node:stream/promises';
import { ErrorCode } from '@reglament/shared/domain';
import { DownloadLinks, type Route, sendJson } from '@reglament/shared/platform';
import { Pool } from 'undici';
import type { Authenticator } from '../auth/authenticate';
import type { InFlightLimiter } from '../guard/in-flight';
import type { RateLimiter } from '../guard/rate-limiter';
import type { CallerSigner } from '../caller-signer';
import { SUBGRAPH_TIMEOUT_MS } from '../supergraph';

export interface DownloadOptions {
  internalSecret: string;
  /** The tickets subgraph's GraphQL URL: files are fetched from its origin. */
  ticketsUrl: string;
  signer: CallerSigner;
  authenticator: Authenticator;
  limiter: RateLimiter;
  inFlight: InFlightLimiter;
}

const PATH = /^\/attachments\/([^/]+)$/;
/** Headers of the tickets subgraph's answer that reach the client; nothing else does. */
const PASSED = [
  'content-type',
  'content-length',
  'content-range',
  'content-disposition',
  'accept-ranges',
  'etag',
  'cache-control',
  'x-content-type-options',
  'content-security-policy',
];

/**
 * `GET /attachments/<id>?token=...`: the signed links of `Attachment.url`. The link names its
 * caller; the gateway checks the signature and expiry, that the caller's account is still
 * active, the caller's rate and in-flight limits, then streams the file from the tickets
 * subgraph as that caller (who must still be allowed to see it there). Range requests pass through.
 */
export function attachmentDownloadRoute(options: DownloadOptions): { route: Route; close(): Promise<void> } {
  const links = new DownloadLinks(options.internalSecret);
  const tickets = new URL(options.ticketsUrl);
  const pool = new Pool(tickets.origin, {
    connections: 16,
    headersTimeout: SUBGRAPH_TIMEOUT_MS,
    bodyTimeout: SUBGRAPH_TIMEOUT_MS,
  });
  const route: Route = async (req, res, url) => {
    const match = PATH.exec(url.pathname);
    if (!match) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, refusal(ErrorCode.BAD_REQUEST, 'Downloads are GET requests'), { allow: 'GET, HEAD' });
      return true;
    }
    const id = decodeURIComponent(match[1]!);
    const grant = links.verify(id, url.searchParams.get('token'));
    if (!grant.ok) {
      sendJson(res, 403, refusal(ErrorCode.FORBIDDEN, `Refused: ${grant.reason}`));
      return true;
    }
    const context = { caller: grant.caller, expiresAt: null, partner: null };
    const valid = options.authenticator.stillValid(context);
    if (!valid.ok) {
      sendJson(res, 403, refusal(ErrorCode.FORBIDDEN, `Refused: ${valid.reason}`));
      return true;
    }
    const key = `user:${grant.caller.id}`;
    const decision = options.limiter.take(key);
    const leave = decision.allowed ? options.inFlight.enter(key) : null;
    if (!leave) {
      const retry = decision.allowed ? 1 : decision.retryAfterSeconds;
      const message = decision.allowed ? options.inFlight.message() : options.limiter.message(retry);
      sendJson(res, 429, refusal(ErrorCode.RATE_LIMITED, message, { retryAfterSeconds: retry }), {
        'retry-after': String(retry),
      });
      return true;
    }
    try {
      const forwarded: Record<string, string> = { ...options.signer.headersFor(context) };
      for (const name of ['range', 'if-none-match']) {
        const value = req.headers[name];
        if (typeof value === 'string') forwarded[name] = value;
      }
      const fetchFile = () =>
        pool.request({
          path: `/attachments/${encodeURIComponent(id)}`,
          method: req.method === 'HEAD' ? 'HEAD' : 'GET',
          headers: forwarded,
        });
      // A GET is safe to send again: a kept-alive connection the subgraph closed as it was reused resets it.
      const answer = await fetchFile().catch((error: unknown) => {
        const code = (error as { code?: string }).code;
        if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return fetchFile();
        throw error;
      });
      const headers: Record<string, string> = {};
      for (const name of PASSED) {
        const value = answer.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      res.writeHead(answer.statusCode, headers);
      // A client that goes away mid-file ends the stream; nothing to answer then.
      await pipeline(answer.body, res).catch(() => undefined);
    } finally {
      leave();
    }
    return true;
  };
  return { route, close: () => pool.close() };
}

function refusal(code: string, message: string, details: Record<string, unknown> = {}) {
  return { errors: [{ message, extensions: { code, ...details } }] };
}
