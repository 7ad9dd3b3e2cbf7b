import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { badInput } from '@reglament/shared/domain';
import { addressRange, ipLiteralOf, isPublicAddress, WEBHOOK_LIMITS } from '../domain/webhooks';

/** Resolves a host to every address (the system resolver, as a connection would). */
export type Resolver = (host: string) => Promise<LookupAddress[]>;

export const systemResolver: Resolver = (host) =>
  new Promise((resolve, reject) =>
    dnsLookup(host, { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))),
  );

/** A URL's host may not be reached (SSRF rules, docs/adr/0020). */
export class AddressRefused extends Error {}

/**
 * The addresses a non-internal webhook's URL reaches, refused unless every one is public
 * unicast: a host that resolves to a loopback, private, link-local or metadata address anywhere
 * in its answer is refused as a whole.
 */
export async function publicAddressesOf(url: URL, resolve: Resolver): Promise<LookupAddress[]> {
  const literal = ipLiteralOf(url);
  const addresses = literal
    ? [{ address: literal, family: literal.includes(':') ? 6 : 4 }]
    : await resolve(url.hostname).catch((error: NodeJS.ErrnoException) => {
        throw new AddressRefused(`${url.hostname} does not resolve (${error.code ?? error.message})`);
      });
  if (addresses.length === 0) throw new AddressRefused(`${url.hostname} does not resolve`);
  const refused = addresses.find((a) => !isPublicAddress(a.address));
  if (refused) {
    throw new AddressRefused(
      `${url.hostname} resolves to ${refused.address}, a ${addressRange(refused.address)} address: only public addresses are allowed (an admin may mark a webhook internal)`,
    );
  }
  return addresses;
}

/** The registration-time check: the same rule, as a BAD_USER_INPUT. */
export async function requirePublicUrl(url: URL, resolve: Resolver): Promise<void> {
  try {
    await publicAddressesOf(url, resolve);
  } catch (error) {
    if (error instanceof AddressRefused) throw badInput(`url: ${error.message}`, { field: 'url' });
    throw error;
  }
}

/**
 * The lookup a delivery connects through: it checks the answer it connects to (so a name that
 * resolved to a public address at registration and to 127.0.0.1 now is refused: DNS
 * rebinding), and the socket goes to exactly the checked address.
 */
function guardedLookup(resolve: Resolver): LookupFunction {
  return (hostname, options, callback) => {
    publicAddressesOf(new URL(`https://${hostname.includes(':') ? `[${hostname}]` : hostname}/`), resolve).then(
      (addresses) => {
        const wanted = options.family === 4 || options.family === 6 ? options.family : 0;
        const usable = addresses.filter((a) => wanted === 0 || a.family === wanted);
        if (usable.length === 0) {
          callback(new AddressRefused(`${hostname} has no IPv${wanted} address`), '', 4);
        } else if (options.all) {
          (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, usable);
        } else {
          callback(null, usable[0]!.address, usable[0]!.family);
        }
      },
      (error: Error) => callback(error as NodeJS.ErrnoException, '', 4),
    );
  };
}

export interface WebhookPost {
  url: string;
  headers: Record<string, string>;
  body: string;
  /** Skip the address rules (an admin's internal webhook). */
  internal: boolean;
  timeoutMs: number;
}

export type PostOutcome =
  | { ok: true; status: number; excerpt: string | null }
  | { ok: false; status: number | null; excerpt: string | null; error: string };

/**
 * One POST to a receiver: no redirect followed (a 3xx is a failure), at most `timeoutMs` for the
 * whole exchange, at most 4 KiB of the answer read and 256 characters of it kept. Success is a
 * 2xx answer.
 */
export async function postWebhook(post: WebhookPost, resolve: Resolver = systemResolver): Promise<PostOutcome> {
  let url: URL;
  try {
    url = new URL(post.url);
  } catch {
    return { ok: false, status: null, excerpt: null, error: 'the URL is not valid' };
  }
  if (!post.internal) {
    // An IP literal is connected to without a lookup: check it here.
    const literal = ipLiteralOf(url);
    if (literal && !isPublicAddress(literal)) {
      return {
        ok: false,
        status: null,
        excerpt: null,
        error: `refused: ${literal} is a ${addressRange(literal)} address (only public addresses are allowed)`,
      };
    }
  }
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<PostOutcome>((done) => {
    let settled = false;
    const finish = (outcome: PostOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      done(outcome);
    };
    const req = send(
      url,
      {
        method: 'POST',
        headers: { ...post.headers, 'content-length': Buffer.byteLength(post.body).toString() },
        ...(post.internal ? {} : { lookup: guardedLookup(resolve) }),
        agent: false,
      },
      (res: IncomingMessage) => {
        const status = res.statusCode ?? 0;
        const chunks: Buffer[] = [];
        let size = 0;
        const end = () => {
          const excerpt = Buffer.concat(chunks).toString('utf8').slice(0, WEBHOOK_LIMITS.responseExcerptChars) || null;
          res.destroy();
          if (status >= 200 && status < 300) finish({ ok: true, status, excerpt });
          else if (status >= 300 && status < 400) {
            finish({
              ok: false,
              status,
              excerpt,
              error: `answered ${status} (redirects are not followed: register the final URL)`,
            });
          } else finish({ ok: false, status, excerpt, error: `answered ${status}` });
        };
        res.on('data', (chunk: Buffer) => {
          if (size >= WEBHOOK_LIMITS.responseReadBytes) return;
          chunks.push(chunk);
          size += chunk.length;
          if (size >= WEBHOOK_LIMITS.responseReadBytes) end();
        });
        res.on('end', end);
        res.on('error', end);
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      finish({ ok: false, status: null, excerpt: null, error: `no answer within ${post.timeoutMs} ms` });
    }, post.timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) => {
      const reason = error instanceof AddressRefused ? `refused: ${error.message}` : (error.code ?? error.message);
      finish({ ok: false, status: null, excerpt: null, error: reason.slice(0, 500) });
    });
    req.end(post.body);
  });
}
