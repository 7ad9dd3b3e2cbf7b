import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { postWebhook, type Resolver, requirePublicUrl } from '../src/application/webhook-http';

/**
 * One delivery over real HTTP to a receiver on 127.0.0.1 (issue 17 SSRF rules): the address is
 * checked when the socket connects (a name that resolved to a public address at registration
 * and resolves to loopback now is refused: DNS rebinding), redirects are not followed, and only
 * an excerpt of the answer is kept. The resolver is a stand-in for DNS answers.
 */
describe('webhook POST', () => {
  let server: Server;
  let port: number;
  const hits: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push(req.url ?? '/');
      req.resume();
      if (req.url === '/redirect') {
        res.writeHead(302, { location: `http://127.0.0.1:${port}/target` }).end();
      } else if (req.url === '/big') {
        res.writeHead(500).end('e'.repeat(1024 * 1024));
      } else if (req.url === '/silent') {
        // never answers
      } else {
        res.writeHead(200).end('thanks');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const post = (url: string, options: { internal?: boolean; resolve?: Resolver; timeoutMs?: number } = {}) =>
    postWebhook(
      {
        url,
        headers: { 'content-type': 'application/json' },
        body: '{}',
        internal: options.internal ?? false,
        timeoutMs: options.timeoutMs ?? 10_000,
      },
      options.resolve,
    );

  it('DNS rebinding: a name that now resolves to loopback (alone or beside a public address) is refused when connecting', async () => {
    const publicAnswer: Resolver = async () => [{ address: '93.184.215.14', family: 4 }];
    // At registration the name is public.
    await expect(requirePublicUrl(new URL(`http://rebind.example:${port}/`), publicAnswer)).resolves.toBeUndefined();
    const before = hits.length;
    for (const answer of [
      [{ address: '127.0.0.1', family: 4 }],
      [
        { address: '93.184.215.14', family: 4 },
        { address: '127.0.0.1', family: 4 },
      ],
    ]) {
      const outcome = await post(`http://rebind.example:${port}/hook`, { resolve: async () => answer });
      expect(outcome).toMatchObject({ ok: false, status: null });
      expect(!outcome.ok && outcome.error).toContain('loopback');
    }
    expect(hits.length).toBe(before);
    // The same answer for an internal webhook reaches the receiver (the refusal was the check's).
    const internal = await post(`http://127.0.0.1:${port}/hook`, { internal: true });
    expect(internal).toEqual({ ok: true, status: 200, excerpt: 'thanks' });
  });

  it('an IP literal of a private range is refused without a lookup', async () => {
    const before = hits.length;
    const outcome = await post(`http://127.0.0.1:${port}/hook`);
    expect(!outcome.ok && outcome.error).toContain('loopback');
    expect(hits.length).toBe(before);
    await expect(requirePublicUrl(new URL('https://169.254.169.254/'), async () => [])).rejects.toThrow('linkLocal');
  });

  it('a redirect is not followed: the delivery fails and the target is never asked', async () => {
    const outcome = await post(`http://127.0.0.1:${port}/redirect`, { internal: true });
    expect(outcome).toMatchObject({ ok: false, status: 302 });
    expect(!outcome.ok && outcome.error).toContain('redirects are not followed');
    expect(hits).not.toContain('/target');
  });

  it('only 256 characters of a large answer are kept', async () => {
    const outcome = await post(`http://127.0.0.1:${port}/big`, { internal: true });
    expect(outcome).toMatchObject({ ok: false, status: 500, excerpt: 'e'.repeat(256) });
  });

  it('a receiver that never answers fails the attempt at the timeout', async () => {
    const outcome = await post(`http://127.0.0.1:${port}/silent`, { internal: true, timeoutMs: 300 });
    expect(outcome).toEqual({ ok: false, status: null, excerpt: null, error: 'no answer within 300 ms' });
  });
});
