import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attachment bytes out of line and uncompressed (most files are compressed already): a
 * download's substring() then reads only the TOAST chunks it needs, not the whole value.
 * Applies to rows written from now on.
 */
export class AttachmentContentExternal1795400000000 implements MigrationInterface {
  name = 'AttachmentContentExternal1795400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "ticket_attachment_contents" ALTER COLUMN "content" SET STORAGE EXTERNAL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "ticket_attachment_contents" ALTER COLUMN "content" SET STORAGE EXTENDED');
  }
}
