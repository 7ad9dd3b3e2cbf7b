import { badInput, type Caller, notFound, requireRole, requireUuid } from '@reglament/shared/domain';
import type { Clock, Transactions } from '@reglament/shared/platform';
import { contractInForce } from '../domain/email';
import { callerPhoneDigits, callTitle } from '../domain/phone';
import { DESCRIPTION_MAX } from '../domain/registration';
import { requiredText } from '../domain/text';
import type { TicketEntity } from '../infra/entities';
import { TicketStore } from '../infra/ticket-store';
import type { Registration } from './registration';
import type { TicketWorkflow } from './workflow';

/** logCall: a call the hotline took (R-TKT-3). */
export interface CallInput {
  /** The registered contact who called; or `callerPhone` to find them. */
  contactId: string | null;
  /** The number the caller called from or gave: matched against active contacts' phones. */
  callerPhone: string | null;
  /** The contract; default: the one in force of the contact's organization. */
  contractId: string | null;
  /** An answered call about an existing ticket of the caller's organization: recorded on it. */
  ticketId: string | null;
  title: string | null;
  summary: string;
  answered: boolean;
  callbackBy: Date | null;
}

/**
 * The phone hotline (R-TKT-3): an answered call is recorded on a ticket (a public message on the
 * ticket it was about, or a new PHONE ticket answered on the call); an unanswered one registers a
 * PHONE ticket with the call-back the hotline promised, which the CALLBACK clock holds to at most
 * 3 working days of the contract's calendar (the SLA service's, from the registered event).
 */
export class PhoneCalls {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly registration: Registration,
    private readonly workflow: TicketWorkflow,
  ) {}

  async logCall(caller: Caller, input: CallInput): Promise<TicketEntity> {
    requireRole(
      caller,
      ['DISPATCHER', 'ENGINEER', 'ADMIN'],
      'log phone calls (the hotline is the provider staff, R-TKT-3)',
    );
    const summary = requiredText(input.summary, 'summary', DESCRIPTION_MAX);
    if (input.ticketId !== null && !input.answered) {
      throw badInput(
        'an unanswered call registers a new ticket with a call-back: omit ticketId (or answered: true to record a call on it)',
        { field: 'ticketId' },
      );
    }
    if (input.answered && input.callbackBy !== null) {
      throw badInput('callbackBy applies only to a call that was not answered (answered: false)', {
        field: 'callbackBy',
      });
    }
    const { contact, contractId, ticket } = await this.transactions.run(async (tx) => {
      const store = new TicketStore(tx.manager);
      const contact = await this.caller(store, input);
      if (input.ticketId !== null) {
        requireUuid(input.ticketId, 'ticketId');
        const found = await store.load(
          { kind: 'organization', organizationId: contact.organizationId },
          input.ticketId,
        );
        // A ticket of another organization is not the caller's to talk about (tenant isolation).
        if (!found) throw notFound('Ticket', input.ticketId);
        return { contact, contractId: found.contractId, ticket: found };
      }
      if (input.contractId !== null)
        return { contact, contractId: requireUuid(input.contractId, 'contractId'), ticket: null };
      const contract = contractInForce(await store.contractsOf(contact.organizationId), this.clock.now());
      if (!contract) {
        throw badInput(`the organization of ${contact.fullName} has no support contract (R-CON-1)`, {
          field: 'contactId',
        });
      }
      return { contact, contractId: contract.contractId, ticket: null };
    });
    if (ticket) {
      await this.workflow.addMessage(caller, ticket.id, `Phone call with ${contact.fullName}: ${summary}`, false);
      return (await this.transactions.run((tx) => new TicketStore(tx.manager).load({ kind: 'all' }, ticket.id)))!;
    }
    return this.registration.register(caller, {
      contractId,
      requesterId: contact.contactId,
      channel: 'PHONE',
      title: input.title?.trim() ? input.title : callTitle(summary),
      description: summary,
      category: null,
      priority: null,
      product: null,
      serviceCode: null,
      answeredOnCall: input.answered,
      callbackBy: input.callbackBy,
      linkedTicketId: null,
    });
  }

  /** R-ACC-1: only a registered, active contact's call becomes a ticket. */
  private async caller(store: TicketStore, input: CallInput) {
    if ((input.contactId === null) === (input.callerPhone === null)) {
      throw badInput('give the caller as contactId or as callerPhone (one of them)', { field: 'contactId' });
    }
    if (input.contactId !== null) {
      requireUuid(input.contactId, 'contactId');
      const contact = await store.contact(input.contactId);
      if (!contact) throw notFound('Contact', input.contactId);
      if (!contact.active) {
        throw badInput(`contact ${contact.fullName} is deactivated; only registered contacts file tickets (R-ACC-1)`, {
          field: 'contactId',
        });
      }
      return contact;
    }
    const digits = callerPhoneDigits(input.callerPhone!);
    const matches = await store.activeContactsByPhone(digits);
    if (matches.length === 0) {
      throw badInput(
        `no active registered contact has the phone ${input.callerPhone}; only registered contacts' requests are registered (R-ACC-1): register the caller as a contact, or give contactId`,
        { field: 'callerPhone' },
      );
    }
    if (matches.length > 1) {
      throw badInput(
        `${matches.length} active contacts share the phone ${input.callerPhone}; give contactId to say which one called`,
        { field: 'callerPhone' },
      );
    }
    return matches[0]!;
  }
}
