import type { KnownContactEntity, KnownStaffEntity, TicketAttachmentEntity, TicketEntity } from '../infra/entities';
import type { TicketHistoryEntity, TicketMessageEntity } from '../infra/entities';
import { presetTicketFields } from '@reglament/shared/domain';
import { Ticket, TicketAssignee, TicketCustomField, TicketRequester } from './types/ticket.types';
import { Attachment, Message, TicketHistoryEntry } from './types/thread.types';

export function toTicket(row: TicketEntity): Ticket {
  return Object.assign(new Ticket(), {
    id: row.id,
    number: row.number,
    organizationId: row.organizationId,
    contractId: row.contractId,
    preset: row.preset,
    kind: row.kind,
    customFields: presetTicketFields(row.preset)
      .filter((field) => row.customFields[field.name] !== undefined)
      .map((field) =>
        Object.assign(new TicketCustomField(), {
          name: field.name,
          label: field.labelRu,
          labelEn: field.labelEn,
          value: row.customFields[field.name]!,
        }),
      ),
    requesterId: row.requesterId,
    channel: row.channel,
    title: row.title,
    description: row.description,
    category: row.category,
    priority: row.priority,
    status: row.status,
    closeReason: row.closeReason,
    assigneeId: row.assigneeId,
    product: row.product,
    serviceCode: row.serviceCode,
    plannedResolutionAt: row.plannedResolutionAt,
    expectedResolutionAt: row.expectedResolutionAt,
    solutionDeliveredVia: row.solutionDeliveredVia,
    markedAsFailureAt: row.markedAsFailureAt,
    proposedResolutionAt: row.proposedResolutionAt,
    plannedDateAgreedAt: row.plannedDateAgreedAt,
    registeredAt: row.registeredAt,
    acknowledgedAt: row.acknowledgedAt,
    resolvedAt: row.resolvedAt,
    closedAt: row.closedAt,
    answeredOnCall: row.answeredOnCall,
    linkedTicketId: row.linkedTicketId,
    clarificationRequestedAt: row.clarificationRequestedAt,
    reworkCount: row.reworkCount,
    onSiteRequestedAt: row.onSiteRequestedAt,
    onSiteArrivedAt: row.onSiteArrivedAt,
    version: row.version,
  });
}

export function toMessage(row: TicketMessageEntity): Message {
  return Object.assign(new Message(), {
    id: row.id,
    ticketId: row.ticketId,
    body: row.body,
    internal: row.internal,
    fromProvider: row.fromProvider,
    authorId: row.authorId,
    authorRole: row.authorRole,
    authorName: row.authorName,
    transition: row.transition,
    createdAt: row.createdAt,
  });
}

export function toHistoryEntry(row: TicketHistoryEntity): TicketHistoryEntry {
  return Object.assign(new TicketHistoryEntry(), {
    id: row.id,
    at: row.at,
    actor: displayActor(row.actorName, row.actorId, row.actorRole),
    actorId: row.actorId,
    actorRole: row.actorRole,
    actorName: row.actorName,
    type: row.type,
    transition: row.transition,
    from: row.fromValue,
    to: row.toValue,
    note: row.note,
    reason: row.reason,
    version: row.version,
  });
}

export function toAttachment(row: TicketAttachmentEntity): Attachment {
  return Object.assign(new Attachment(), {
    id: row.id,
    ticketId: row.ticketId,
    name: row.name,
    contentType: row.contentType,
    size: row.size,
    sha256: row.sha256,
    internal: row.internal,
    uploadedAt: row.uploadedAt,
    uploadedBy: displayActor(row.uploadedByName, row.uploadedById, row.uploadedByRole),
  });
}

export function toRequester(row: KnownContactEntity): TicketRequester {
  return Object.assign(new TicketRequester(), {
    id: row.contactId,
    fullName: row.fullName,
    email: row.email,
    phone: row.phone,
    active: row.active,
  });
}

export function toAssignee(row: KnownStaffEntity): TicketAssignee {
  return Object.assign(new TicketAssignee(), {
    id: row.staffId,
    fullName: row.fullName,
    role: row.role,
    active: row.active,
  });
}

/** "Anna Smirnova (ENGINEER)"; the id or the role when the name is unknown. */
function displayActor(name: string | null, id: string | null, role: string): string {
  return `${name ?? id ?? role.toLowerCase()} (${role})`;
}
