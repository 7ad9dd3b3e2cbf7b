import type { IncomingMessage } from 'node:http';
import { hasRole, verifyCaller } from '../auth/caller';
import { AppError, badInput, ErrorCode } from '../errors';
import type { ParkedEvents } from '../outbox/parking';
import { PayloadTooLargeError, readBody, type Route, sendJson } from './http';

export const PARKED_EVENTS_PATH = '/internal/parked-events';
/** Most parked events one listing returns. */
export const MAX_PARKED_LISTED = 500;

/**
 * The part's parked events for the gateway (which serves `parkedEvents`, `retryParkedEvent`,
 * `discardParkedEvent` over all parts): GET lists, POST `{ action: "retry" | "discard", id }`
 * acts. Only a signed ADMIN caller; anyone else gets 403 and nothing changes.
 */
export function parkedEventsRoute(parked: ParkedEvents, internalSecret: string): Route {
  return async (req, res, url) => {
    if (url.pathname !== PARKED_EVENTS_PATH) return false;
    const verdict = verifyCaller({ get: (name) => headerValue(req, name) }, internalSecret);
    if (!verdict.ok || !hasRole(verdict.caller, 'ADMIN')) {
      sendJson(res, 403, { error: { code: ErrorCode.FORBIDDEN, message: 'Parked events are for admins only' } });
      return true;
    }
    try {
      if (req.method === 'GET') {
        const limit = Number(url.searchParams.get('limit') ?? 100);
        if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PARKED_LISTED) {
          throw badInput(`limit must be an integer 1-${MAX_PARKED_LISTED}`, { limit: url.searchParams.get('limit') });
        }
        sendJson(res, 200, { events: await parked.list(limit) });
        return true;
      }
      if (req.method === 'POST') {
        const body = JSON.parse(await readBody(req, 10_000)) as { action?: unknown; id?: unknown };
        if (typeof body.id !== 'string') throw badInput('id must be the id of a parked event');
        if (body.action === 'retry') sendJson(res, 200, await parked.retry(body.id));
        else if (body.action === 'discard') sendJson(res, 200, await parked.discard(body.id));
        else throw badInput('action must be retry or discard', { action: body.action });
        return true;
      }
      sendJson(res, 405, { error: { code: ErrorCode.BAD_REQUEST, message: 'GET or POST only' } });
    } catch (error) {
      if (error instanceof AppError) {
        const status = error.code === ErrorCode.NOT_FOUND ? 404 : error.code === ErrorCode.CONFLICT ? 409 : 400;
        sendJson(res, status, { error: { code: error.code, message: error.message, details: error.details } });
      } else if (error instanceof PayloadTooLargeError || error instanceof SyntaxError) {
        sendJson(res, 400, { error: { code: ErrorCode.BAD_USER_INPUT, message: 'The body must be small JSON' } });
      } else throw error;
    }
    return true;
  };
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
