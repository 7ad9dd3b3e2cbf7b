import {
  badInput,
  type Caller,
  canSeeOrganization,
  makeEvent,
  newId,
  notFound,
  requireRole,
  requireUuid,
  visibilityOf,
  STAFF_ROLES,
} from '@reglament/shared/domain';
import { type Clock, type Transactions } from '@reglament/shared/platform';
import { IsNull } from 'typeorm';
import { SlaFailureReportEntity, SlaTicketEntity, SlaTimerEntity } from '../infra/entities';
import type { TicketClocks } from './ticket-clocks';

const TEXT_MAX = 10_000;

/** R-SLA-11: the provider reports causes and measures for its breached deadlines. */
export class FailureReports {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly clocks: TicketClocks,
  ) {}

  async submit(
    caller: Caller,
    input: { ticketId: string; causes: string; measures: string },
  ): Promise<SlaFailureReportEntity> {
    requireRole(caller, STAFF_ROLES, 'submit failure reports');
    requireUuid(input.ticketId, 'ticketId');
    const causes = input.causes.trim();
    const measures = input.measures.trim();
    if (causes.length < 1 || causes.length > TEXT_MAX)
      throw badInput(`causes must be 1 to ${TEXT_MAX} characters`, { field: 'causes' });
    if (measures.length < 1 || measures.length > TEXT_MAX) {
      throw badInput(`measures must be 1 to ${TEXT_MAX} characters`, { field: 'measures' });
    }
    const now = this.clock.now();
    return this.transactions.run(async (tx) => {
      const ticket = await tx.manager.findOne(SlaTicketEntity, {
        where: { ticketId: input.ticketId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!ticket || !canSeeOrganization(visibilityOf(caller), ticket.organizationId))
        throw notFound('Ticket', input.ticketId);
      const breached = await tx.manager.find(SlaTimerEntity, {
        where: { ticketId: input.ticketId, party: 'PROVIDER', status: 'BREACHED', failureReportId: IsNull() },
      });
      // 003 §7: a ticket marked as a product failure owes a report of its own.
      const forFailure = ticket.failureMarkedAt !== null && ticket.failureReportId === null;
      if (breached.length === 0 && !forFailure) {
        throw badInput(
          'This ticket has no breached provider deadline and no product failure without a report; a report is attached to a breach or to a ticket marked as a failure (markAsFailure)',
        );
      }
      const report: SlaFailureReportEntity = {
        id: newId(),
        ticketId: input.ticketId,
        organizationId: ticket.organizationId,
        causes,
        measures,
        submittedBy: caller.kind === 'user' ? caller.id : null,
        submittedAt: now,
        forFailure,
        metrics: [...new Set(breached.map((timer) => timer.metric))],
      };
      await tx.manager.insert(SlaFailureReportEntity, report);
      for (const timer of breached) {
        await tx.manager.update(SlaTimerEntity, { id: timer.id }, { failureReportId: report.id });
      }
      if (forFailure)
        await tx.manager.update(SlaTicketEntity, { ticketId: ticket.ticketId }, { failureReportId: report.id });
      // The ticket's standing is recomputed (failureReportPending clears, with its event).
      await this.clocks.recompute(tx, ticket.ticketId, now.getTime(), { source: 'sla', occurredAt: now }, true);
      // An auto-close refused while the report was missing (R-TKT-12 with R-SLA-11) is asked for again.
      const dueAutoClose = await tx.manager.find(SlaTimerEntity, {
        where: { ticketId: input.ticketId, metric: 'AUTO_CLOSE', status: 'RUNNING', expired: true },
      });
      for (const timer of dueAutoClose) {
        tx.emit(
          makeEvent(
            'sla.ticket.auto_close_due',
            ticket.organizationId,
            {
              ticketId: ticket.ticketId,
              organizationId: ticket.organizationId,
              timerId: timer.id,
              dueAt: timer.deadline?.toISOString() ?? now.toISOString(),
              startedAt: timer.startedAt.toISOString(),
            },
            { source: 'sla', occurredAt: now },
          ),
        );
      }
      const covered: (string | null)[] = breached.length > 0 ? breached.map((timer) => timer.id) : [null];
      for (const timerId of covered) {
        tx.emit(
          makeEvent(
            'sla.failure_report.submitted',
            ticket.organizationId,
            {
              reportId: report.id,
              ticketId: ticket.ticketId,
              organizationId: ticket.organizationId,
              timerId,
              causes,
              measures,
              submittedBy: report.submittedBy,
            },
            { source: 'sla', occurredAt: now },
          ),
        );
      }
      return report;
    });
  }
}
