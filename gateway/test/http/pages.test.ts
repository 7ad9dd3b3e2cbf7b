import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gatewayConfigShape, ideEnabled } from '../../src/config';
import { IDE_CSP, PAGE_CSP, pagesRoute } from '../../src/http/pages';
import { z } from 'zod';

/** A response that records what the route wrote. */
function recorder() {
  const sent: { status?: number; headers: Record<string, unknown>; body?: unknown } = { headers: {} };
  const res = {
    writeHead(status: number, headers: Record<string, unknown>) {
      sent.status = status;
      sent.headers = headers;
      return this;
    },
    end(body?: unknown) {
      sent.body = body;
    },
  } as unknown as ServerResponse;
  return { res, sent };
}

function get(route: ReturnType<typeof pagesRoute>, path: string, accept = 'text/html,application/xhtml+xml') {
  const { res, sent } = recorder();
  const req = { method: 'GET', headers: { accept } } as unknown as IncomingMessage;
  const handled = route(req, res, new URL(path, 'http://gateway.example'));
  return { handled, ...sent };
}

describe('the browser pages the gateway serves', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pages-'));
    for (const page of ['wallboard', 'ide']) {
      mkdirSync(join(dir, page));
      writeFileSync(join(dir, page, 'index.html'), `<title>${page}</title>`);
    }
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'assets', 'wallboard-abc123.js'), 'console.log(1)');
    writeFileSync(join(dir, 'secret.txt'), 'not an asset');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('/wallboard is served under a strict CSP: scripts, styles and sockets of this origin only', () => {
    const page = get(pagesRoute({ dir, ide: false }), '/wallboard');
    expect(page.handled).toBe(true);
    expect(page.status).toBe(200);
    expect(page.body).toBe('<title>wallboard</title>');
    expect(page.headers['content-security-policy']).toBe(PAGE_CSP);
    expect(PAGE_CSP).toContain("default-src 'none'");
    expect(PAGE_CSP).toContain("script-src 'self'");
    expect(PAGE_CSP).not.toContain('unsafe');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
  });

  it('the IDE answers a browser at GET /graphql only when turned on; GraphQL clients never see it', () => {
    expect(get(pagesRoute({ dir, ide: false }), '/graphql').handled).toBe(false);
    const on = pagesRoute({ dir, ide: true });
    const ide = get(on, '/graphql');
    expect(ide.body).toBe('<title>ide</title>');
    expect(ide.headers['content-security-policy']).toBe(IDE_CSP);
    expect(IDE_CSP).toContain("script-src 'self'");
    expect(IDE_CSP).not.toContain('unsafe-eval');
    // A client asking for JSON, or a GraphQL GET with its query, goes on to GraphQL.
    expect(get(on, '/graphql', 'application/json').handled).toBe(false);
    expect(get(on, '/graphql?query=%7B__typename%7D').handled).toBe(false);
  });

  it('production keeps the IDE off unless GATEWAY_IDE=1; development turns it on', () => {
    const shape = z.object({
      GATEWAY_DEVELOPMENT: gatewayConfigShape.GATEWAY_DEVELOPMENT,
      GATEWAY_IDE: gatewayConfigShape.GATEWAY_IDE,
    });
    expect(ideEnabled(shape.parse({}))).toBe(false);
    expect(ideEnabled(shape.parse({ GATEWAY_IDE: '1' }))).toBe(true);
    expect(ideEnabled(shape.parse({ GATEWAY_DEVELOPMENT: '1' }))).toBe(true);
  });

  it('assets are the files of the build by name only (no paths out of it), cached for ever', () => {
    const route = pagesRoute({ dir, ide: false });
    const asset = get(route, '/assets/wallboard-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(asset.headers['cache-control']).toContain('immutable');
    // A dot-dot path is normalized by the URL to /secret.txt, which is none of these routes'.
    expect(get(route, '/assets/../secret.txt').handled).toBe(false);
    expect(get(route, '/assets/%2e%2e%2fsecret.txt').status).toBe(404);
    expect(get(route, '/assets/nothing.js').status).toBe(404);
  });

  it('without a build it says how to make one (503), rather than a blank page', () => {
    const page = get(pagesRoute({ dir: join(dir, 'missing'), ide: true }), '/wallboard');
    expect(page.status).toBe(503);
    expect(String(page.body)).toContain('pnpm build:pages');
  });
});
