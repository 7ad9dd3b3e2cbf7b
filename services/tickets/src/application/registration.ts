import { DateTime } from 'luxon';
import {
  type Actor,
  badInput,
  type Caller,
  type DutyOccurrenceOpenedV1,
  type EventOrigin,
  forbidden,
  newId,
  notFound,
  requireUuid,
  visibilityOf,
} from '@reglament/shared/domain';
import { type Clock, type Transactions, type Tx } from '@reglament/shared/platform';
import { type AttachmentUpload, type CheckedAttachment, checkAttachment } from '../domain/attachment';
import type { TicketChange } from '../domain/changes';
import { validCustomFields } from '../domain/custom-fields';
import {
  type ContactView,
  type ContractView,
  type RegistrationInput,
  registrationRefusals,
  validateRegistration,
  registrationKind,
  validCallbackBy,
  validExpectedDate,
} from '../domain/registration';
import { presetFailureMarking, requireMayPostInternal } from '../domain/transitions';
import type { TicketEntity } from '../infra/entities';
import { TicketStore } from '../infra/ticket-store';
import { actorOf } from './actor';
import type { AttachmentStorage } from './attachment-storage';
import { saveAttachment } from './attachments';
import { recordFacts } from './recorder';
import type { WorkflowSettings } from './workflow';

export const MAX_ATTACHMENTS_AT_REGISTRATION = 10;

/** R-TKT-1..5: a new ticket from any channel, for an eligible requester, with a number that never repeats. */
export class Registration {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly storage: AttachmentStorage,
    private readonly settings: WorkflowSettings,
  ) {}

  async register(caller: Caller, input: RegistrationInput, uploads: AttachmentUpload[] = []): Promise<TicketEntity> {
    const actor = actorOf(caller, 'register tickets');
    if (caller.kind === 'user' && caller.role === 'PARTNER' && !caller.organizationId) {
      throw forbidden('A global partner key cannot register tickets; use a key bound to the customer organization');
    }
    const valid = validateRegistration(input, actor.role);
    requireUuid(valid.contractId, 'contractId');
    if (valid.linkedTicketId) requireUuid(valid.linkedTicketId, 'linkedTicketId');
    const requesterId = requesterOf(caller, valid.requesterId);
    if (uploads.length > MAX_ATTACHMENTS_AT_REGISTRATION) {
      throw badInput(`at most ${MAX_ATTACHMENTS_AT_REGISTRATION} attachments at registration; add more afterwards`, {
        field: 'attachments',
      });
    }
    const files = uploads.map((upload) => checkAttachment(upload, this.settings.attachmentMaxBytes));
    // As for addAttachment: internal files are the provider's.
    requireMayPostInternal(
      actor,
      uploads.some((upload) => upload.internal),
      'files',
    );
    const callerOrganization = caller.kind === 'user' ? caller.organizationId : null;
    const now = this.clock.now();
    const expectedResolutionAt = validExpectedDate(input.expectedResolutionAt, now);
    const callbackBy = validCallbackBy(valid, now);
    const origin = { source: 'tickets', occurredAt: now, correlationId: newId() };

    return this.transactions.run(async (tx) => {
      const store = new TicketStore(tx.manager);
      const contract = await store.contract(valid.contractId);
      // A customer never learns whether another organization's contract exists.
      if (!contract || (callerOrganization && callerOrganization !== contract.organizationId)) {
        throw notFound('Contract', valid.contractId);
      }
      const found = await store.contact(requesterId);
      // An organization-bound caller (customer, partner) learns nothing about other organizations'
      // contacts: one of them answers like an unknown id.
      const requester = found && callerOrganization && found.organizationId !== callerOrganization ? null : found;
      if (actor.role === 'CUSTOMER' && (!requester || requester.organizationId !== contract.organizationId)) {
        throw forbidden(
          `Login ${requesterId} is not a registered contact of the contract's organization; only registered contacts file tickets (R-ACC-1)`,
        );
      }
      if (valid.linkedTicketId) {
        const linked = await store.load(visibilityOf(caller), valid.linkedTicketId);
        if (!linked) throw notFound('Ticket', valid.linkedTicketId);
        if (linked.organizationId !== contract.organizationId) {
          throw badInput(`linkedTicketId ${linked.number} belongs to another organization`, {
            field: 'linkedTicketId',
          });
        }
      }
      return this.create(tx, {
        id: newId(),
        actor,
        valid,
        requesterId,
        requester,
        contract,
        files,
        now,
        origin,
        expectedResolutionAt,
        callbackBy,
      });
    });
  }

  /**
   * An e-mail of a registered contact (notifications.email.ticket_requested, R-TKT-3/4), inside
   * the consumer's inbox transaction: registered on the EMAIL channel as that contact, with the
   * id the intake chose (so a repeated request registers one ticket). Returns null when it exists.
   */
  async registerFromEmail(
    tx: Tx,
    request: { ticketId: string; contactId: string; contactName: string; subject: string; description: string },
    contract: ContractView & { preset: string },
    files: CheckedAttachment[],
    origin: EventOrigin,
  ): Promise<TicketEntity | null> {
    const store = new TicketStore(tx.manager);
    if (await store.load({ kind: 'all' }, request.ticketId)) return null;
    const actor: Actor = { id: request.contactId, role: 'CUSTOMER', name: request.contactName };
    // The channel is the intake's to claim (a customer cannot pick EMAIL in the portal).
    const valid = validateRegistration(
      {
        contractId: contract.contractId,
        requesterId: request.contactId,
        channel: 'EMAIL',
        title: request.subject,
        description: request.description,
        category: null,
        priority: null,
        product: null,
        serviceCode: null,
        answeredOnCall: null,
        linkedTicketId: null,
      },
      'SYSTEM',
    );
    const requester = await store.contact(request.contactId);
    return this.create(tx, {
      id: request.ticketId,
      actor,
      valid,
      requesterId: request.contactId,
      requester,
      contract,
      files,
      now: origin.occurredAt,
      origin,
      expectedResolutionAt: null,
    });
  }

  /**
   * Issue 18: an occurrence of a contract duty (contracts.duty.occurrence_opened), inside the
   * consumer's inbox transaction: a DUTY ticket with the occurrence's id (so a redelivery opens
   * one ticket), no requester, its clock run by the SLA service for the responsible party.
   * Returns null when it exists.
   */
  async registerDuty(tx: Tx, occurrence: DutyOccurrenceOpenedV1, origin: EventOrigin): Promise<TicketEntity | null> {
    const store = new TicketStore(tx.manager);
    if (await store.load({ kind: 'all' }, occurrence.occurrenceId)) return null;
    const contract = await store.contract(occurrence.contractId);
    // The contract's own event comes first on the same stream; a gap means retry, never a ticket without it.
    if (!contract) throw new Error(`contract ${occurrence.contractId} of a duty occurrence is not known yet`);
    const now = origin.occurredAt;
    const ticket: TicketEntity = {
      id: occurrence.occurrenceId,
      number: await store.nextNumber(DateTime.fromJSDate(now, { zone: contract.timeZone }).year),
      organizationId: contract.organizationId,
      contractId: contract.contractId,
      preset: contract.preset,
      kind: 'DUTY',
      duty: {
        dutyId: occurrence.dutyId,
        party: occurrence.party,
        periodStartsOn: occurrence.periodStartsOn,
        dueWorkingDays: occurrence.dueWorkingDays,
        periodStart: occurrence.periodStart,
        seedClause: occurrence.seedClause,
        completedAt: null,
        completedBy: null,
        note: null,
        attachmentId: null,
      },
      customFields: {},
      requesterId: null,
      channel: 'API',
      title: `${occurrence.title} (${occurrence.periodStartsOn})`,
      description: occurrence.description || occurrence.title,
      category: null,
      priority: null,
      status: 'REGISTERED',
      closeReason: null,
      assigneeId: null,
      product: null,
      serviceCode: null,
      plannedResolutionAt: null,
      expectedResolutionAt: null,
      solutionDeliveredVia: null,
      markedAsFailureAt: null,
      proposedResolutionAt: null,
      plannedDateAgreedAt: null,
      registeredAt: now,
      acknowledgedAt: null,
      resolvedAt: null,
      closedAt: null,
      answeredOnCall: null,
      linkedTicketId: null,
      clarificationReturnStatus: null,
      clarificationRequestedAt: null,
      reworkCount: 0,
      onSiteRequestedAt: null,
      onSiteArrivedAt: null,
      version: 1,
    };
    await store.insert(ticket);
    const actor: Actor = { id: null, role: 'SYSTEM', name: 'contract duty' };
    await recordFacts(tx, ticket, actor, [{ kind: 'REGISTERED', answeredOnCall: null }], origin);
    return ticket;
  }

  private async create(
    tx: Tx,
    p: {
      id: string;
      actor: Actor;
      valid: RegistrationInput;
      requesterId: string;
      requester: ContactView | null;
      contract: ContractView & { preset: string };
      files: CheckedAttachment[];
      now: Date;
      origin: EventOrigin;
      expectedResolutionAt: Date | null;
      callbackBy?: Date | null;
    },
  ): Promise<TicketEntity> {
    const { actor, valid, requesterId, contract, files, now } = p;
    const store = new TicketStore(tx.manager);
    const refusals = registrationRefusals(contract, requesterId, p.requester, valid.product, now);
    if (refusals.length > 0) {
      throw badInput(`Registration refused: ${refusals.join('; ')}`, { reasons: refusals });
    }
    const ticket: TicketEntity = {
      id: p.id,
      // The year on the number is the customer's year: New Year's night in Moscow is still the old year in UTC.
      number: await store.nextNumber(DateTime.fromJSDate(now, { zone: contract.timeZone }).year),
      organizationId: contract.organizationId,
      contractId: contract.contractId,
      preset: contract.preset,
      kind: registrationKind(valid.kind, contract.preset, valid.serviceCode),
      duty: null,
      customFields: validCustomFields(contract.preset, valid.customFields),
      requesterId,
      channel: valid.channel,
      title: valid.title,
      description: valid.description,
      category: valid.category,
      priority: valid.priority,
      status: 'REGISTERED',
      closeReason: null,
      assigneeId: null,
      product: valid.product,
      serviceCode: valid.serviceCode,
      plannedResolutionAt: null,
      expectedResolutionAt: p.expectedResolutionAt,
      solutionDeliveredVia: null,
      markedAsFailureAt: null,
      proposedResolutionAt: null,
      plannedDateAgreedAt: null,
      registeredAt: now,
      acknowledgedAt: null,
      resolvedAt: null,
      closedAt: null,
      answeredOnCall: valid.answeredOnCall,
      linkedTicketId: valid.linkedTicketId,
      clarificationReturnStatus: null,
      clarificationRequestedAt: null,
      reworkCount: 0,
      onSiteRequestedAt: null,
      onSiteArrivedAt: null,
      version: 1,
    };
    // 003 §7: a class the preset counts as a product failure is marked as one from the start.
    const marking = presetFailureMarking(ticket, now);
    if (marking) Object.assign(ticket, marking.changes);
    await store.insert(ticket);
    const facts: TicketChange[] = [
      { kind: 'REGISTERED', answeredOnCall: valid.answeredOnCall, callbackBy: p.callbackBy ?? null },
    ];
    if (marking) facts.push(marking.fact);
    for (const file of files) {
      const saved = await saveAttachment(tx, this.storage, ticket, newId(), file, actor, now);
      facts.push({
        kind: 'ATTACHMENT_ADDED',
        attachmentId: saved.id,
        name: saved.name,
        contentType: saved.contentType,
        size: saved.size,
        internal: saved.internal,
      });
    }
    await recordFacts(tx, ticket, actor, facts, p.origin);
    return ticket;
  }
}

/** A customer registers for itself; everyone else names the contact the ticket is for (R-ACC-1). */
function requesterOf(caller: Caller, requesterId: string | null): string {
  if (caller.kind === 'user' && caller.role === 'CUSTOMER') {
    if (requesterId !== null && requesterId !== caller.id) {
      throw badInput('A customer registers tickets for itself: omit requesterId', { field: 'requesterId' });
    }
    return caller.id;
  }
  if (requesterId === null) {
    throw badInput('requesterId is required: name the registered contact the ticket is for (R-ACC-1)', {
      field: 'requesterId',
    });
  }
  return requireUuid(requesterId, 'requesterId');
}
