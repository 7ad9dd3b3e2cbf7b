import {
  type AnyEventEnvelope,
  AppError,
  causedBy,
  type EmailAttachmentV1,
  ErrorCode,
  makeEvent,
} from '@reglament/shared/domain';
import { type EventHandlers, type Logger } from '@reglament/shared/platform';
import type { AttachmentStorage } from '../application/attachment-storage';
import { saveAttachment } from '../application/attachments';
import type { Registration } from '../application/registration';
import type { TicketWorkflow } from '../application/workflow';
import { type CheckedAttachment, checkAttachment } from '../domain/attachment';
import { emailContract } from '../domain/email';
import { KnownContractEntity, TicketEntity } from '../infra/entities';

/**
 * What the e-mail intake of notifications asks of tickets (docs/email.md): register a mail of a
 * registered contact on the EMAIL channel, or add a reply to the contact's ticket (answering a
 * clarification when one is awaited, R-TKT-9). Idempotent: the intake chose the ticket id, and
 * the inbox takes each event once. A refusal by the rules (contract not in force, ticket closed)
 * is logged, not retried.
 */
export function emailHandlers(
  registration: Registration,
  workflow: TicketWorkflow,
  storage: AttachmentStorage,
  limits: { attachmentMaxBytes: number },
  log: Logger,
): EventHandlers {
  return {
    'notifications.email.ticket_requested': async (event, tx) => {
      const request = event.data;
      const contracts = await tx.manager.findBy(KnownContractEntity, { organizationId: request.organizationId });
      const origin = causedBy(event, 'tickets', workflow.origin().occurredAt);
      const contract = emailContract(contracts, request.subject, origin.occurredAt);
      // A refusal is told back (notifications tells the sender why), never retried.
      const refuse = (reasons: string[]) =>
        tx.emit(
          makeEvent(
            'tickets.email.refused',
            request.organizationId,
            {
              intakeId: request.intakeId,
              organizationId: request.organizationId,
              contactId: request.contactId,
              reasons,
            },
            origin,
          ),
        );
      if (!contract) {
        log.warn({ intakeId: request.intakeId }, 'e-mail not registered: the organization has no contract');
        refuse(['the organization has no support contract (R-CON-1)']);
        return;
      }
      const files = checkedFiles(request.attachments, limits.attachmentMaxBytes, log);
      const refusal = await refusedIsLogged(log, event, () =>
        registration.registerFromEmail(tx, request, contract, files, origin),
      );
      if (refusal) {
        const reasons = Array.isArray(refusal.details.reasons)
          ? (refusal.details.reasons as string[])
          : [refusal.message];
        refuse(reasons);
      }
    },

    'notifications.email.reply_received': async (event, tx) => {
      const reply = event.data;
      const actor = { id: reply.contactId, role: 'CUSTOMER' as const, name: reply.contactName };
      // Only a ticket of the contact's own organization (tenant isolation).
      const visibility = { kind: 'organization' as const, organizationId: reply.organizationId };
      const origin = causedBy(event, 'tickets', workflow.origin().occurredAt);
      await refusedIsLogged(log, event, async () => {
        const ticket = await tx.manager.findOneBy(TicketEntity, { id: reply.ticketId });
        if (ticket?.status === 'AWAITING_CLARIFICATION') {
          await workflow.moveIn(
            tx,
            actor,
            visibility,
            reply.ticketId,
            'ANSWER_CLARIFICATION',
            { answer: reply.body },
            origin,
          );
        } else {
          await workflow.moveIn(
            tx,
            actor,
            visibility,
            reply.ticketId,
            'ADD_MESSAGE',
            { body: reply.body, internal: false },
            origin,
          );
        }
        for (const file of checkedFiles(reply.attachments, limits.attachmentMaxBytes, log)) {
          const { ticket: current, outcome } = await workflow.moveIn(
            tx,
            actor,
            visibility,
            reply.ticketId,
            'ADD_ATTACHMENT',
            { name: file.name, contentType: file.contentType, size: file.content.length, internal: false },
            origin,
          );
          await saveAttachment(tx, storage, current, outcome.attachmentId!, file, actor, origin.occurredAt);
        }
      });
    },
  };
}

function checkedFiles(attachments: EmailAttachmentV1[], maxBytes: number, log: Logger): CheckedAttachment[] {
  const files: CheckedAttachment[] = [];
  for (const a of attachments) {
    try {
      files.push(checkAttachment({ ...a, internal: false }, maxBytes));
    } catch (error) {
      log.warn({ name: a.name, reason: (error as Error).message }, 'e-mail attachment left out');
    }
  }
  return files;
}

/** Runs the work; a rule's refusal is an answer (returned), not a failure to retry (a conflict is retried). */
async function refusedIsLogged(
  log: Logger,
  event: AnyEventEnvelope,
  work: () => Promise<unknown>,
): Promise<AppError | null> {
  try {
    await work();
    return null;
  } catch (error) {
    if (error instanceof AppError && error.code !== ErrorCode.CONFLICT) {
      log.warn({ eventId: event.id, type: event.type, reason: error.message }, 'e-mail request refused');
      return error;
    }
    throw error;
  }
}
