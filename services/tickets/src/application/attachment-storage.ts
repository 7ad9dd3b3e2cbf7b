import type { Tx } from '@reglament/shared/platform';

/**
 * Where attachment bytes live. PostgreSQL (bytea) by default, written in the transaction of the
 * change; another store (e.g. object storage) implements the same three calls.
 */
export interface AttachmentStorage {
  put(tx: Tx, attachmentId: string, content: Buffer): Promise<void>;
  get(attachmentIds: readonly string[]): Promise<Map<string, Buffer>>;
  /** Bytes `start` to `end` (inclusive) of a file, in chunks: a download never holds the whole file. */
  stream(attachmentId: string, start: number, end: number): AsyncIterable<Buffer>;
}
