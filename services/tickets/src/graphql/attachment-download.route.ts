import type { ServerResponse } from 'node:http';
import { AppError, type Caller, ErrorCode } from '@reglament/shared/domain';
import { type Route, sendJson } from '@reglament/shared/platform';
import contentDisposition from 'content-disposition';
import parseRange from 'range-parser';
import type { TicketsApp } from './context';

const PATH = /^\/attachments\/([^/]+)$/;

/**
 * `GET /attachments/<id>` on the tickets subgraph: the file's bytes, streamed, for the signed
 * caller the gateway passes (a download link resolves to its caller there). The caller's
 * rights are the same as for `attachment(id)`: another organization's file, or an internal
 * one for a customer, is NOT_FOUND. One byte range (`Range: bytes=a-b`) is honoured.
 */
export function attachmentDownloadRoute(
  app: TicketsApp,
  callerOf: (headers: { get(name: string): string | undefined }) => Caller | null,
): Route {
  return async (req, res, url) => {
    const match = PATH.exec(url.pathname);
    if (!match) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, refusal(ErrorCode.BAD_REQUEST, 'Downloads are GET requests'), { allow: 'GET, HEAD' });
      return true;
    }
    const caller = callerOf({ get: (name) => header(req.headers[name.toLowerCase()]) });
    if (!caller) {
      sendJson(res, 401, refusal(ErrorCode.UNAUTHENTICATED, 'Refused: call through the gateway'));
      return true;
    }
    let attachment;
    try {
      attachment = await app.queries.attachment(caller, decodeURIComponent(match[1]!));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const status = error.code === ErrorCode.NOT_FOUND ? 404 : error.code === ErrorCode.UNAUTHENTICATED ? 401 : 400;
      sendJson(res, status, refusal(error.code, error.message));
      return true;
    }
    const etag = `"${attachment.sha256}"`;
    const headers: Record<string, string> = {
      'content-type': attachment.contentType,
      // Never shown in place (an HTML file must not run on the API's origin): saved, under a safe name.
      'content-disposition': contentDisposition(attachment.name, { type: 'attachment' }),
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'private, no-cache',
      'accept-ranges': 'bytes',
      etag,
    };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers).end();
      return true;
    }
    const size = attachment.size;
    const ranges = req.headers.range ? parseRange(size, req.headers.range, { combine: true }) : -2;
    if (ranges === -1) {
      res.writeHead(416, { ...headers, 'content-range': `bytes */${size}` }).end();
      return true;
    }
    // A malformed Range, or several ranges, get the whole file (a server may ignore Range).
    const range = Array.isArray(ranges) && ranges.length === 1 && ranges.type === 'bytes' ? ranges[0]! : null;
    const start = range?.start ?? 0;
    const end = range?.end ?? size - 1;
    res.writeHead(range ? 206 : 200, {
      ...headers,
      'content-length': String(end - start + 1),
      ...(range ? { 'content-range': `bytes ${start}-${end}/${size}` } : {}),
    });
    if (req.method === 'HEAD') {
      res.end();
      return true;
    }
    await send(res, app.storage.stream(attachment.id, start, end));
    return true;
  };
}

/** Writes each chunk, waiting for the client to take it (a slow reader holds one chunk, not the file). */
async function send(res: ServerResponse, chunks: AsyncIterable<Buffer>): Promise<void> {
  for await (const chunk of chunks) {
    if (res.destroyed) return;
    if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve).once('close', resolve));
  }
  res.end();
}

function refusal(code: string, message: string) {
  return { errors: [{ message, extensions: { code } }] };
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
