import {
  badInput,
  type Caller,
  type Clock,
  forbidden,
  makeEvent,
  newId,
  notFound,
  requireRole,
  requireUuid,
  type TicketFacts,
  type Transactions,
} from '@reglament/shared';
import type { EntityManager } from 'typeorm';
import { formatTicketNumber, type RegistrationInput, validateRegistration } from '../domain/registration';
import { KnownContractEntity, TicketEntity } from '../infra/entities';

export class Registration {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async register(caller: Caller, input: RegistrationInput): Promise<TicketEntity> {
    requireRole(caller, ['CUSTOMER', 'DISPATCHER', 'ENGINEER', 'ADMIN', 'PARTNER'], 'register tickets');
    requireUuid(input.contractId, 'contractId');
    const valid = validateRegistration(input);
    const requesterId = caller.kind === 'user' && caller.role === 'CUSTOMER' ? caller.id : valid.requesterId;
    if (requesterId) requireUuid(requesterId, 'requesterId');
    const now = this.clock.now();
    return this.transactions.run(async (tx) => {
      const contract = await tx.manager.findOneBy(KnownContractEntity, { contractId: valid.contractId });
      if (!contract) throw notFound('Contract', valid.contractId);
      if (caller.kind === 'user' && caller.organizationId && caller.organizationId !== contract.organizationId) {
        // A customer never learns whether another organization's contract exists.
        throw notFound('Contract', valid.contractId);
      }
      const today = now.toISOString().slice(0, 10);
      if (today < contract.startsOn || today > contract.endsOn) {
        throw badInput(
          `Contract ${contract.number} is not active on ${today} (valid ${contract.startsOn} to ${contract.endsOn}); support is given only under an active contract (R-CON-1)`,
          { field: 'contractId' },
        );
      }
      if (caller.kind === 'user' && caller.role === 'PARTNER' && !caller.organizationId) {
        throw forbidden('A global partner key must register tickets on behalf of an organization-bound key');
      }
      const ticket: TicketEntity = {
        id: newId(),
        number: await this.nextNumber(tx.manager, now.getUTCFullYear()),
        organizationId: contract.organizationId,
        contractId: contract.contractId,
        preset: contract.preset,
        requesterId,
        channel: valid.channel,
        title: valid.title,
        description: valid.description,
        category: valid.category,
        priority: valid.priority,
        status: 'REGISTERED',
        assigneeId: null,
        product: valid.product,
        serviceCode: valid.serviceCode,
        plannedResolutionAt: null,
        registeredAt: now,
        version: 1,
      };
      await tx.manager.insert(TicketEntity, ticket);
      tx.emit(
        makeEvent(
          'tickets.ticket.registered',
          ticket.organizationId,
          {
            ticketId: ticket.id,
            organizationId: ticket.organizationId,
            ticket: ticketFacts(ticket),
            actor: actorOf(caller),
            answeredOnCall: valid.answeredOnCall,
          },
          { source: 'tickets', occurredAt: now },
        ),
      );
      return ticket;
    });
  }

  /** One counter row per year, incremented in the registering transaction (a row lock). */
  private async nextNumber(manager: EntityManager, year: number): Promise<string> {
    const rows = (await manager.query(
      `INSERT INTO ticket_number_counters (year, last_value) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last_value = ticket_number_counters.last_value + 1
       RETURNING last_value`,
      [year],
    )) as { last_value: number }[];
    return formatTicketNumber(year, rows[0]!.last_value);
  }
}

export function ticketFacts(ticket: TicketEntity): TicketFacts {
  return {
    ticketId: ticket.id,
    number: ticket.number,
    organizationId: ticket.organizationId,
    contractId: ticket.contractId,
    preset: ticket.preset,
    requesterId: ticket.requesterId,
    channel: ticket.channel,
    title: ticket.title,
    category: ticket.category,
    priority: ticket.priority,
    status: ticket.status,
    assigneeId: ticket.assigneeId,
    product: ticket.product,
    serviceCode: ticket.serviceCode,
    plannedResolutionAt: ticket.plannedResolutionAt?.toISOString() ?? null,
    registeredAt: ticket.registeredAt.toISOString(),
    resolvedAt: null,
    closedAt: null,
    closeReason: null,
    linkedTicketId: null,
    version: ticket.version,
  };
}

export function actorOf(caller: Caller) {
  if (caller.kind === 'user') return { id: caller.id, role: caller.role, name: caller.name };
  return { id: null, role: 'SYSTEM' as const, name: caller.kind === 'system' ? caller.name : null };
}
