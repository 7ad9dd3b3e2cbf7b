import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Route } from '@reglament/shared/platform';

/**
 * Browser pages built at build time (packages/wallboard): everything from this origin, nothing
 * inline, nothing from a CDN. Sockets go to the same origin (CSP3 'self' covers ws: and wss:).
 */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The IDE's editor (Monaco, inside GraphiQL) adds its styles at run time as <style> elements and
 * carries its icon fonts inline: both are allowed on that page only; scripts and workers stay
 * this origin's files.
 */
export const IDE_CSP =
  PAGE_CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'").replace(
    "font-src 'self'",
    "font-src 'self' data:",
  ) + "; worker-src 'self'";

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.map': 'application/json',
};

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};

export interface PagesSettings {
  /** The build output (packages/wallboard/dist). */
  dir: string;
  /** Serve the GraphQL IDE to browsers asking GET /graphql for HTML. */
  ide: boolean;
}

/** A page of the build: its HTML, or a plain 503 naming the command when it was not built. */
function pageHtml(dir: string, page: string): string | null {
  const file = join(dir, page, 'index.html');
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}

/**
 * GET /wallboard (the wallboard), GET /graphql from a browser (the IDE, when on), GET /assets/*
 * (their scripts and styles: only files of the build, looked up by name, cached for ever since
 * their names carry their hash).
 */
export function pagesRoute(settings: PagesSettings): Route {
  const assetsDir = join(settings.dir, 'assets');
  const assets = new Map<string, { type: string; body: Buffer }>();
  if (existsSync(assetsDir)) {
    for (const name of readdirSync(assetsDir)) {
      const type = TYPES[extname(name)];
      if (type) assets.set(name, { type, body: readFileSync(join(assetsDir, name)) });
    }
  }
  const pages = {
    wallboard: pageHtml(settings.dir, 'wallboard'),
    ide: settings.ide ? pageHtml(settings.dir, 'ide') : null,
  };
  const sendPage = (res: Parameters<Route>[1], html: string | null, head: boolean, csp = PAGE_CSP) => {
    if (html === null) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
      res.end('The browser pages are not built: run `pnpm build:pages` (pnpm start builds them).\n');
      return;
    }
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': csp,
      'cache-control': 'no-cache',
      ...SECURITY_HEADERS,
    });
    res.end(head ? undefined : html);
  };
  return (req, res, url) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const head = req.method === 'HEAD';
    const path = url.pathname;
    if (path === '/wallboard' || path === '/wallboard/') {
      sendPage(res, pages.wallboard, head);
      return true;
    }
    if (path === '/graphql' && settings.ide && wantsHtml(req.headers.accept) && !url.search) {
      sendPage(res, pages.ide, head, IDE_CSP);
      return true;
    }
    if (path.startsWith('/assets/')) {
      const asset = assets.get(path.slice('/assets/'.length));
      if (!asset) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
        res.end('404 no such asset\n');
        return true;
      }
      res.writeHead(200, {
        'content-type': asset.type,
        'content-length': asset.body.length,
        'cache-control': 'public, max-age=31536000, immutable',
        ...SECURITY_HEADERS,
      });
      res.end(head ? undefined : asset.body);
      return true;
    }
    return false;
  };
}

/** A browser navigating (text/html first choice), not a GraphQL client asking for JSON. */
function wantsHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  const first = accept.split(',')[0]!.trim().toLowerCase();
  return first.startsWith('text/html');
}
