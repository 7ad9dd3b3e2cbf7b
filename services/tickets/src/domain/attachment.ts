import { badInput, plainText } from '@reglament/shared/domain';

export const ATTACHMENT_NAME_MAX = 255;
const CONTENT_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*(\s*;.*)?$/i;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export interface AttachmentUpload {
  name: string;
  contentType: string;
  /** The file, base64-encoded (GraphQL has no binary type; see docs/tickets.md). */
  contentBase64: string;
  internal: boolean;
}

export interface CheckedAttachment {
  name: string;
  contentType: string;
  content: Buffer;
  internal: boolean;
}

/** A file's name, type and content checked, and its size against the limit (R-TKT-5). */
export function checkAttachment(upload: AttachmentUpload, maxBytes: number): CheckedAttachment {
  const name = plainText(upload.name.trim(), 'name');
  if (name.length === 0 || name.length > ATTACHMENT_NAME_MAX || hasSlashOrControl(name)) {
    throw badInput(
      `attachment name must be 1 to ${ATTACHMENT_NAME_MAX} characters without slashes or control characters`,
      { field: 'name' },
    );
  }
  const contentType = upload.contentType.trim().toLowerCase();
  if (!CONTENT_TYPE.test(contentType)) {
    throw badInput(`contentType "${upload.contentType}" is not a media type such as application/pdf`, {
      field: 'contentType',
    });
  }
  const encoded = upload.contentBase64.replace(/\s+/g, '');
  if (encoded.length % 4 !== 0 || !BASE64.test(encoded)) {
    throw badInput(`the content of ${name} is not valid base64`, { field: 'contentBase64' });
  }
  // Checked before decoding: a client cannot make us allocate more than the limit.
  const size = (encoded.length / 4) * 3 - (encoded.endsWith('==') ? 2 : encoded.endsWith('=') ? 1 : 0);
  if (size > maxBytes) {
    throw badInput(`attachment ${name} is ${size} bytes; the limit is ${maxBytes} bytes`, {
      field: 'contentBase64',
      size,
      maxBytes,
    });
  }
  if (size === 0) throw badInput(`attachment ${name} is empty`, { field: 'contentBase64' });
  return { name, contentType, content: Buffer.from(encoded, 'base64'), internal: upload.internal };
}

function hasSlashOrControl(name: string): boolean {
  return [...name].some((c) => c === '/' || c === '\\' || c.charCodeAt(0) < 0x20);
}
