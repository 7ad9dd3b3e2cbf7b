import type { IncomingMessage } from 'node:http';

/**
 * The client's address. Directly connected: the socket's. Behind `trustedProxyHops` reverse
 * proxies (TRUST_PROXY_HOPS), each appending to X-Forwarded-For: the entry the outermost
 * trusted proxy added, so a client cannot choose its address by sending the header itself.
 * Rate limits of anonymous callers and login throttling count per this address.
 */
export function clientAddressOf(req: IncomingMessage, trustedProxyHops: number): string | null {
  const socket = normalize(req.socket.remoteAddress);
  if (trustedProxyHops <= 0) return socket;
  const header = req.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  if (forwarded.length === 0) return socket;
  return normalize(forwarded[Math.max(0, forwarded.length - trustedProxyHops)]);
}

function normalize(address: string | undefined): string | null {
  if (!address) return null;
  // IPv4 seen through an IPv6 socket.
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address.slice(0, 100);
}
