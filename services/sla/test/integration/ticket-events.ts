import {
  type AnyEventEnvelope,
  type Category,
  type Channel,
  type CloseReason,
  makeEvent,
  newId,
  type Priority,
  type TicketAfterChange,
  type TicketStatus,
  type TicketTransition,
} from '@reglament/shared/domain';

/**
 * Produces the events the tickets service publishes for one ticket (payloads as in
 * packages/shared/src/events/tickets-events.ts), so the SLA service can be tested on its own.
 */
export class TicketEvents {
  readonly facts: TicketAfterChange;
  private readonly staff = { id: newId(), role: 'DISPATCHER' as const, name: 'Dispatcher' };
  private readonly customer = { id: newId(), role: 'CUSTOMER' as const, name: 'Customer' };
  private beforeClarification: TicketStatus = 'IN_ANALYSIS';

  constructor(init: {
    organizationId: string;
    contractId: string;
    preset: string;
    channel?: Channel;
    category?: Category | null;
    priority?: Priority | null;
    product?: string | null;
  }) {
    this.facts = {
      ticketId: newId(),
      number: `T-2025-${Math.floor(Math.random() * 1e6)}`,
      organizationId: init.organizationId,
      contractId: init.contractId,
      preset: init.preset,
      requesterId: null,
      channel: init.channel ?? 'PORTAL',
      title: 'Test ticket',
      category: init.category ?? null,
      priority: init.priority ?? null,
      status: 'REGISTERED',
      assigneeId: null,
      product: init.product ?? null,
      serviceCode: null,
      plannedResolutionAt: null,
      registeredAt: '',
      resolvedAt: null,
      closedAt: null,
      closeReason: null,
      linkedTicketId: null,
      version: 0,
    };
  }

  get ticketId() {
    return this.facts.ticketId;
  }

  private next(changes: Partial<TicketAfterChange>) {
    Object.assign(this.facts, changes, { version: this.facts.version + 1 });
    return { ticketId: this.facts.ticketId, organizationId: this.facts.organizationId, ticket: { ...this.facts } };
  }

  private origin(at: string) {
    return { source: 'tickets', occurredAt: new Date(at) };
  }

  registered(at: string, answeredOnCall: boolean | null = null): AnyEventEnvelope {
    const base = this.next({ registeredAt: new Date(at).toISOString() });
    return makeEvent(
      'tickets.ticket.registered',
      this.facts.organizationId,
      { ...base, actor: this.customer, answeredOnCall },
      this.origin(at),
    );
  }

  move(
    transition: TicketTransition,
    at: string,
    changes: { to?: TicketStatus; category?: Category; priority?: Priority; plannedResolutionAt?: string } = {},
    byCustomer = false,
  ): AnyEventEnvelope {
    const from = this.facts.status;
    const toStatus: Record<string, TicketStatus> = {
      ACKNOWLEDGE: 'IN_ANALYSIS',
      TRIAGE: 'IN_PROGRESS',
      REQUEST_CLARIFICATION: 'AWAITING_CLARIFICATION',
      ANSWER_CLARIFICATION: this.beforeClarification,
      PROVIDE_SOLUTION: 'RESOLVED',
      RETURN_SOLUTION: 'IN_PROGRESS',
      START_WORK: 'IN_PROGRESS',
    };
    if (transition === 'REQUEST_CLARIFICATION') this.beforeClarification = from;
    const to = changes.to ?? toStatus[transition]!;
    const base = this.next({
      status: to,
      ...(changes.category ? { category: changes.category } : {}),
      ...(changes.priority ? { priority: changes.priority } : {}),
      ...(changes.plannedResolutionAt
        ? { plannedResolutionAt: new Date(changes.plannedResolutionAt).toISOString() }
        : {}),
    });
    return makeEvent(
      'tickets.ticket.status_changed',
      this.facts.organizationId,
      {
        ...base,
        actor: byCustomer ? this.customer : this.staff,
        transition,
        fromStatus: from,
        toStatus: to,
        note: null,
      },
      this.origin(at),
    );
  }

  closed(reason: CloseReason, at: string, byCustomer = reason === 'ACCEPTED'): AnyEventEnvelope {
    const from = this.facts.status;
    const base = this.next({ status: 'CLOSED', closeReason: reason, closedAt: new Date(at).toISOString() });
    return makeEvent(
      'tickets.ticket.closed',
      this.facts.organizationId,
      {
        ...base,
        actor: byCustomer ? this.customer : this.staff,
        fromStatus: from,
        toStatus: 'CLOSED',
        reason,
        comment: null,
      },
      this.origin(at),
    );
  }

  priorityChanged(at: string, priority: Priority): AnyEventEnvelope {
    const previous = this.facts.priority;
    const base = this.next({ priority });
    return makeEvent(
      'tickets.ticket.priority_changed',
      this.facts.organizationId,
      { ...base, actor: this.staff, priority, previousPriority: previous, reason: null },
      this.origin(at),
    );
  }

  onSiteRequested(at: string): AnyEventEnvelope {
    return makeEvent(
      'tickets.ticket.on_site_requested',
      this.facts.organizationId,
      { ...this.next({}), actor: this.customer, note: null },
      this.origin(at),
    );
  }

  onSiteArrived(at: string): AnyEventEnvelope {
    return makeEvent(
      'tickets.ticket.on_site_arrived',
      this.facts.organizationId,
      { ...this.next({}), actor: this.staff },
      this.origin(at),
    );
  }
}
