import { createHash } from 'node:crypto';
import type { EmailAttachmentV1 } from '@reglament/shared/domain';
import { type AddressObject, type ParsedMail, simpleParser } from 'mailparser';
import type { InboundFacts } from '../domain/intake';

/**
 * Reading an inbound mail (`mailparser`) into what the intake decides on and carries to tickets:
 * the sender, the headers that tell an auto-reply, the thread ids, clean text and the files.
 */

/** As tickets accepts at registration (R-TKT-5). */
export const MAX_FILES = 10;
export const TITLE_MAX = 300;
export const TEXT_MAX = 20_000;
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

export function parseMail(raw: Buffer): Promise<ParsedMail> {
  return simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
}

/** The mail's Message-ID, or one made of its bytes (the same mail twice is one intake). */
export function messageIdOf(parsed: ParsedMail, raw: Buffer): string {
  return (parsed.messageId ?? `<sha256.${createHash('sha256').update(raw).digest('hex')}@intake>`).slice(0, 998);
}

/** Files carried to the ticket, within `maxBytes` per mail; the rest are named in the text. */
export function carriedFiles(
  parsed: ParsedMail,
  maxBytes: number,
): { attachments: EmailAttachmentV1[]; skipped: string } {
  const attachments: EmailAttachmentV1[] = [];
  const left: string[] = [];
  let total = 0;
  for (const [index, file] of parsed.attachments.entries()) {
    const name = safeName(file.filename ?? `attachment-${index + 1}`);
    if (file.size === 0) continue;
    if (attachments.length >= MAX_FILES || total + file.size > maxBytes) {
      left.push(`${name} (${file.size} bytes)`);
      continue;
    }
    total += file.size;
    attachments.push({
      name,
      contentType: (file.contentType || 'application/octet-stream').toLowerCase(),
      contentBase64: file.content.toString('base64'),
    });
  }
  const skipped = left.length
    ? `\n\n[Not attached: over the limit of ${MAX_FILES} files or ${maxBytes} bytes per e-mail: ${left.join(', ')}]`
    : '';
  return { attachments, skipped };
}

export function inboundFacts(parsed: ParsedMail, from: string): InboundFacts {
  const header = (name: string): string | null => {
    const value = parsed.headers.get(name);
    if (value === undefined || value === null) return null;
    if (typeof value === 'string') return value;
    if (typeof value === 'object' && 'value' in value) return String((value as { value: unknown }).value);
    return String(value);
  };
  const contentType = parsed.headers.get('content-type') as { value?: string } | string | undefined;
  return {
    from,
    subject: parsed.subject ?? '',
    autoSubmitted: header('auto-submitted'),
    precedence: header('precedence'),
    xAutoreply: parsed.headers.has('x-autoreply') || parsed.headers.has('x-autorespond'),
    contentType: typeof contentType === 'string' ? contentType : (contentType?.value ?? null),
  };
}

export function firstAddress(value: AddressObject | AddressObject[] | undefined): string | null {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  for (const object of list) {
    for (const entry of object.value) if (entry.address) return entry.address;
  }
  return null;
}

export function firstAddressOf(header: string): string | null {
  const match = /<([^>]+)>/.exec(header) ?? /(\S+@\S+)/.exec(header);
  return match?.[1]?.toLowerCase() ?? null;
}

export function headerIds(value: string | string[] | undefined): string[] {
  if (!value) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.flatMap((v) => v.match(/<[^>]+>/g) ?? []);
}

export function clean(text: string): string {
  return text.replace(INVISIBLE, ' ').replace(/\s+/g, ' ').trim();
}

function safeName(name: string): string {
  const cleaned = name.replace(INVISIBLE, '').replace(/[\\/]/g, '_').trim().slice(0, 255);
  return cleaned || 'attachment';
}
