import { createHash } from 'node:crypto';
import type { Actor } from '@reglament/shared/domain';
import type { Tx } from '@reglament/shared/platform';
import type { CheckedAttachment } from '../domain/attachment';
import type { TicketState } from '../domain/ticket';
import { TicketAttachmentEntity } from '../infra/entities';
import type { AttachmentStorage } from './attachment-storage';

/** Stores a checked file's description and bytes in the transaction of the change that adds it. */
export async function saveAttachment(
  tx: Tx,
  storage: AttachmentStorage,
  ticket: TicketState,
  attachmentId: string,
  file: CheckedAttachment,
  actor: Actor,
  at: Date,
): Promise<TicketAttachmentEntity> {
  const row: TicketAttachmentEntity = {
    id: attachmentId,
    ticketId: ticket.id,
    organizationId: ticket.organizationId,
    name: file.name,
    contentType: file.contentType,
    size: file.content.length,
    sha256: createHash('sha256').update(file.content).digest('hex'),
    internal: file.internal,
    uploadedAt: at,
    uploadedById: actor.id,
    uploadedByRole: actor.role,
    uploadedByName: actor.name,
  };
  await tx.manager.insert(TicketAttachmentEntity, row);
  await storage.put(tx, attachmentId, file.content);
  return row;
}
