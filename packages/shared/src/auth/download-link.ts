import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Caller } from './caller';

/** How long an attachment's download link works (real time). */
export const DOWNLOAD_LINK_TTL_MS = 5 * 60_000;

type UserCaller = Extract<Caller, { kind: 'user' }>;

interface Grant {
  /** Attachment id. */
  a: string;
  /** The caller the link was given to: its rights are checked again when it is used. */
  c: { id: string; role: UserCaller['role']; org: string | null };
  /** Expiry, epoch ms. */
  e: number;
}

/**
 * Short-lived signed links to attachments (`Attachment.url`): `/attachments/<id>?token=...`,
 * relative to the gateway. The tickets subgraph signs one for the caller who asked; the gateway
 * checks it, then fetches the file from the tickets subgraph as that caller, whose rights are
 * checked again there. The key is derived from INTERNAL_SECRET for this purpose only, so a
 * link cannot be replayed as a signed caller header or the other way round.
 */
export class DownloadLinks {
  private readonly key: Buffer;

  constructor(
    internalSecret: string,
    private readonly now: () => number = Date.now,
    readonly ttlMs = DOWNLOAD_LINK_TTL_MS,
  ) {
    this.key = createHmac('sha256', internalSecret).update('reglament attachment download link v1').digest();
  }

  /** The link for `caller` to download attachment `attachmentId`. */
  linkFor(attachmentId: string, caller: UserCaller): string {
    const grant: Grant = {
      a: attachmentId,
      c: { id: caller.id, role: caller.role, org: caller.organizationId },
      e: this.now() + this.ttlMs,
    };
    const body = Buffer.from(JSON.stringify(grant)).toString('base64url');
    return `/attachments/${encodeURIComponent(attachmentId)}?token=${body}.${this.sign(body)}`;
  }

  /** The caller a link was given to, or why it does not open `attachmentId`. */
  verify(attachmentId: string, token: string | null): { ok: true; caller: UserCaller } | { ok: false; reason: string } {
    const [body, signature, extra] = (token ?? '').split('.');
    if (!body || !signature || extra !== undefined) return { ok: false, reason: 'the link carries no token' };
    const expected = Buffer.from(this.sign(body), 'base64url');
    const given = Buffer.from(signature, 'base64url');
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      return { ok: false, reason: 'the link is not valid' };
    }
    let grant: Grant;
    try {
      grant = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Grant;
    } catch {
      return { ok: false, reason: 'the link is not valid' };
    }
    if (grant.a !== attachmentId) return { ok: false, reason: 'the link is for another attachment' };
    if (typeof grant.e !== 'number' || grant.e <= this.now()) {
      return { ok: false, reason: 'the link has expired: ask for Attachment.url again' };
    }
    return {
      ok: true,
      caller: { kind: 'user', id: grant.c.id, role: grant.c.role, organizationId: grant.c.org, name: null },
    };
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}
