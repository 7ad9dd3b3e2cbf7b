import type { Tx } from '@reglament/shared';
import { type DataSource, In } from 'typeorm';
import type { AttachmentStorage } from '../application/attachment-storage';
import { TicketAttachmentContentEntity } from './entities';

/** Attachment bytes in the service's own PostgreSQL schema (bytea), committed with the change. */
export class PostgresAttachmentStorage implements AttachmentStorage {
  constructor(private readonly dataSource: DataSource) {}

  async put(tx: Tx, attachmentId: string, content: Buffer): Promise<void> {
    await tx.manager.insert(TicketAttachmentContentEntity, { attachmentId, content });
  }

  async get(attachmentIds: readonly string[]): Promise<Map<string, Buffer>> {
    if (attachmentIds.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(TicketAttachmentContentEntity)
      .findBy({ attachmentId: In([...attachmentIds]) });
    // pg gives a Buffer, embedded PGlite a plain Uint8Array: hand out Buffers either way.
    return new Map(rows.map((row) => [row.attachmentId, asBuffer(row.content)]));
  }
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
