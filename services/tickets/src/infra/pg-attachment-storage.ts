import type { Tx } from '@reglament/shared/platform';
import { type DataSource, In } from 'typeorm';
import type { AttachmentStorage } from '../application/attachment-storage';
import { TicketAttachmentContentEntity } from './entities';

/** A download reads this much per query. */
const CHUNK_BYTES = 256 * 1024;

/**
 * Attachment bytes in the service's own PostgreSQL schema (bytea), committed with the change.
 * The column is stored uncompressed out of line (migration AttachmentContentExternal), so a
 * download reads it a chunk at a time with substring() without loading the whole value.
 */
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

  async *stream(attachmentId: string, start: number, end: number): AsyncIterable<Buffer> {
    for (let offset = start; offset <= end; offset += CHUNK_BYTES) {
      const length = Math.min(CHUNK_BYTES, end - offset + 1);
      // substring() counts from 1.
      const rows = (await this.dataSource.query(
        'SELECT substring(content FROM $2::int FOR $3::int) AS chunk FROM ticket_attachment_contents WHERE attachment_id = $1',
        [attachmentId, offset + 1, length],
      )) as { chunk: Uint8Array }[];
      if (rows.length === 0) return;
      yield asBuffer(rows[0]!.chunk);
    }
  }
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
