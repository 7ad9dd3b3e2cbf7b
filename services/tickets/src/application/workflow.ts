import {
  type Actor,
  badInput,
  type Caller,
  type EventOrigin,
  forbidden,
  newId,
  notFound,
  requireUuid,
  visibilityOf,
  type Visibility,
} from '@reglament/shared/domain';
import { type Clock, type Transactions, type Tx } from '@reglament/shared/platform';
import { type AttachmentUpload, checkAttachment } from '../domain/attachment';
import type { NewMessage } from '../domain/changes';
import {
  decideMove,
  type MoveContext,
  type MoveInputs,
  type MoveOutcome,
  mutationOf,
  type TicketMove,
} from '../domain/transitions';
import { type TicketAttachmentEntity, type TicketEntity, TicketMessageEntity } from '../infra/entities';
import { TicketStore } from '../infra/ticket-store';
import { actorOf } from './actor';
import type { AttachmentStorage } from './attachment-storage';
import { saveAttachment } from './attachments';
import { recordFacts } from './recorder';

export interface WorkflowSettings {
  /** Largest attachment accepted, in bytes (TICKETS_ATTACHMENT_MAX_BYTES). */
  attachmentMaxBytes: number;
}

export interface MoveResult {
  ticket: TicketEntity;
  outcome: MoveOutcome;
  message: TicketMessageEntity | null;
}

/**
 * Every change of an existing ticket: load it within the caller's visibility, let the
 * transition table decide, write the changed columns under the version check, and record the
 * facts (history + events) in the same transaction. Nothing is written when a rule refuses.
 */
export class TicketWorkflow {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly storage: AttachmentStorage,
    private readonly settings: WorkflowSettings,
  ) {}

  async move<M extends TicketMove>(
    caller: Caller,
    ticketId: string,
    move: M,
    input: MoveInputs[M],
  ): Promise<TicketEntity> {
    const actor = actorOf(caller, mutationOf(move));
    requireUuid(ticketId, 'id');
    const origin = this.origin();
    const result = await this.transactions.run((tx) =>
      this.moveIn(tx, actor, visibilityOf(caller), ticketId, move, input, origin),
    );
    return result.ticket;
  }

  async addMessage(caller: Caller, ticketId: string, body: string, internal: boolean): Promise<TicketMessageEntity> {
    const actor = actorOf(caller, 'addMessage');
    requireUuid(ticketId, 'ticketId');
    const origin = this.origin();
    const result = await this.transactions.run((tx) =>
      this.moveIn(tx, actor, visibilityOf(caller), ticketId, 'ADD_MESSAGE', { body, internal }, origin),
    );
    return result.message!;
  }

  async addAttachment(caller: Caller, ticketId: string, upload: AttachmentUpload): Promise<TicketAttachmentEntity> {
    const actor = actorOf(caller, 'addAttachment');
    requireUuid(ticketId, 'ticketId');
    const file = checkAttachment(upload, this.settings.attachmentMaxBytes);
    const origin = this.origin();
    return this.transactions.run(async (tx) => {
      const { ticket, outcome } = await this.moveIn(
        tx,
        actor,
        visibilityOf(caller),
        ticketId,
        'ADD_ATTACHMENT',
        { name: file.name, contentType: file.contentType, size: file.content.length, internal: file.internal },
        origin,
      );
      return saveAttachment(tx, this.storage, ticket, outcome.attachmentId!, file, actor, origin.occurredAt);
    });
  }

  /**
   * Issue 18: a contract duty's occurrence done, with a note or a file (or both). The file is
   * checked against the attachment limit and saved in the same transaction as the completion:
   * a refused completion keeps no file.
   */
  async completeDuty(
    caller: Caller,
    ticketId: string,
    note: string | null,
    upload: AttachmentUpload | null,
  ): Promise<TicketEntity> {
    const actor = actorOf(caller, 'completeDutyOccurrence');
    requireUuid(ticketId, 'id');
    if (note === null && upload === null) {
      throw badInput('a duty is completed with a note or a file (or both): say what was done', { field: 'note' });
    }
    const file = upload ? checkAttachment({ ...upload, internal: false }, this.settings.attachmentMaxBytes) : null;
    const origin = this.origin();
    const visibility = visibilityOf(caller);
    return this.transactions.run(async (tx) => {
      let attachmentId: string | null = null;
      if (file) {
        const { ticket, outcome } = await this.moveIn(
          tx,
          actor,
          visibility,
          ticketId,
          'ADD_ATTACHMENT',
          { name: file.name, contentType: file.contentType, size: file.content.length, internal: false },
          origin,
        );
        attachmentId = (
          await saveAttachment(tx, this.storage, ticket, outcome.attachmentId!, file, actor, origin.occurredAt)
        ).id;
      }
      const { ticket } = await this.moveIn(
        tx,
        actor,
        visibility,
        ticketId,
        'COMPLETE_DUTY',
        { note, attachmentId },
        origin,
      );
      return ticket;
    });
  }

  /** A move inside a transaction someone else opened (the SLA consumer's inbox transaction). */
  async moveIn<M extends TicketMove>(
    tx: Tx,
    actor: Actor,
    visibility: Visibility,
    ticketId: string,
    move: M,
    input: MoveInputs[M],
    origin: EventOrigin,
  ): Promise<MoveResult> {
    const store = new TicketStore(tx.manager);
    // Messages and files never conflict with each other: they wait for the row instead.
    const before = await store.load(visibility, ticketId, move === 'ADD_MESSAGE' || move === 'ADD_ATTACHMENT');
    if (!before) throw notFound('Ticket', ticketId);
    if (actor.role === 'CUSTOMER') await requireActiveContact(store, actor, before);
    const assigneeId = (input as { assigneeId?: string }).assigneeId;
    const staff = await store.staff(assigneeId ? [assigneeId] : []);
    const ctx: MoveContext = {
      now: origin.occurredAt,
      sla: await store.slaStanding(before.id),
      staff: (id) => staff.get(id) ?? null,
      newId,
    };
    const outcome = decideMove(before, move, actor, input, ctx);
    const ticket = await store.saveChange(before, outcome.changes);
    const message = outcome.message ? await insertMessage(tx, ticket, actor, outcome.message, origin.occurredAt) : null;
    await recordFacts(tx, ticket, actor, outcome.facts, origin);
    return { ticket, outcome, message };
  }

  origin(): EventOrigin {
    return { source: 'tickets', occurredAt: this.clock.now(), correlationId: newId() };
  }
}

/** R-ACC-1: a customer acts only as a registered, active contact of the ticket's organization. */
async function requireActiveContact(store: TicketStore, actor: Actor, ticket: TicketEntity): Promise<void> {
  const contact = actor.id ? await store.contact(actor.id) : null;
  if (!contact || !contact.active || contact.organizationId !== ticket.organizationId) {
    throw forbidden(
      `Login ${actor.id} is not an active registered contact of the ticket's organization; only such contacts act on its tickets (R-ACC-1)`,
    );
  }
}

async function insertMessage(
  tx: Tx,
  ticket: TicketEntity,
  actor: Actor,
  message: NewMessage,
  at: Date,
): Promise<TicketMessageEntity> {
  const row: TicketMessageEntity = {
    id: message.id,
    ticketId: ticket.id,
    organizationId: ticket.organizationId,
    body: message.body,
    internal: message.internal,
    fromProvider: message.fromProvider,
    authorId: actor.id,
    authorRole: actor.role,
    authorName: actor.name,
    transition: message.transition,
    createdAt: at,
  };
  await tx.manager.insert(TicketMessageEntity, row);
  return row;
}
