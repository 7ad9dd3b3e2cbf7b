import type { Tx } from '@reglament/shared';

/**
 * Where attachment bytes live. PostgreSQL (bytea) by default, written in the transaction of the
 * change; another store (e.g. object storage) implements the same two calls.
 */
export interface AttachmentStorage {
  put(tx: Tx, attachmentId: string, content: Buffer): Promise<void>;
  get(attachmentIds: readonly string[]): Promise<Map<string, Buffer>>;
}
