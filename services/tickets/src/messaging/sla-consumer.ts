import {
  type AnyEventEnvelope,
  AppError,
  causedBy,
  ErrorCode,
  type SlaTicketStateChangedV1,
} from '@reglament/shared/domain';
import { type EventHandlers, type Logger, type Tx } from '@reglament/shared/platform';
import type { TicketWorkflow } from '../application/workflow';
import type { MoveInputs } from '../domain/transitions';
import { TicketEntity, TicketSlaStateEntity } from '../infra/entities';

const SYSTEM = { id: null, role: 'SYSTEM' as const, name: 'sla' };

/**
 * What the SLA service tells tickets: each ticket's standing (ordering by nearest deadline, the
 * `breached` filter, R-SLA-11), that a clarification deadline passed (R-TKT-9), and that a
 * resolved ticket is due to close by itself (R-TKT-12).
 */
export function slaHandlers(workflow: TicketWorkflow, log: Logger): EventHandlers {
  return {
    'sla.ticket.state_changed': async (event, tx) => {
      await saveStanding(tx, event.data, new Date(event.occurredAt));
    },

    'sla.ticket.clarification_expired': async (event, tx) => {
      const { ticketId, organizationId, dueAt, closeAutomatically, startedAt } = event.data;
      // A late command of an earlier clarification request (the SLA service caught up) is not this one's.
      const current = await tx.manager.findOneBy(TicketEntity, { id: ticketId });
      if (startedAt && current?.clarificationRequestedAt?.getTime() !== Date.parse(startedAt)) {
        log.info({ ticketId }, 'clarification expiry of an earlier request; ignored');
        return;
      }
      await tx.manager.query(
        `INSERT INTO ticket_sla_states (ticket_id, organization_id, clarification_expired_at, updated_at)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (ticket_id) DO UPDATE SET clarification_expired_at = EXCLUDED.clarification_expired_at`,
        [ticketId, organizationId, dueAt, event.occurredAt],
      );
      // The policy may have the system close it itself; otherwise staff may now (R-TKT-9).
      if (closeAutomatically) {
        const ticket = await tx.manager.findOneBy(TicketEntity, { id: ticketId });
        if (ticket?.status !== 'AWAITING_CLARIFICATION') return;
        await closeBySystem(tx, workflow, log, event, ticketId, {
          reason: 'NO_CLARIFICATION',
          comment: 'The customer did not give the clarification in time (R-TKT-9)',
        });
      }
    },

    'sla.ticket.auto_close_due': async (event, tx) => {
      const { ticketId, dueAt, startedAt } = event.data;
      const ticket = await tx.manager.findOneBy(TicketEntity, { id: ticketId });
      // Stale when the ticket was returned (and maybe resolved again) after the clock started: the
      // clock must have started with the current solution.
      const stale =
        !ticket ||
        ticket.status !== 'RESOLVED' ||
        !ticket.resolvedAt ||
        (startedAt ? ticket.resolvedAt.getTime() !== Date.parse(startedAt) : ticket.resolvedAt > new Date(dueAt));
      if (stale) {
        log.info({ ticketId, status: ticket?.status }, 'auto-close no longer applies; ignored');
        return;
      }
      await closeBySystem(tx, workflow, log, event, ticketId, {
        reason: 'AUTO_CLOSED',
        comment: 'The customer did not answer the solution within 14 days (R-TKT-12)',
      });
    },
  };
}

/** The clock decided: close as the system, through the same transition table as everyone else. */
async function closeBySystem(
  tx: Tx,
  workflow: TicketWorkflow,
  log: Logger,
  cause: AnyEventEnvelope,
  ticketId: string,
  input: MoveInputs['CLOSE'],
): Promise<void> {
  try {
    await workflow.moveIn(
      tx,
      SYSTEM,
      { kind: 'all' },
      ticketId,
      'CLOSE',
      input,
      causedBy(cause, 'tickets', workflow.origin().occurredAt),
    );
  } catch (error) {
    // A refusal (e.g. a failure report still pending, R-SLA-11) is an answer, not a failure to retry.
    if (error instanceof AppError && error.code !== ErrorCode.CONFLICT) {
      log.warn({ ticketId, reason: error.message }, `closing ${input.reason} refused`);
      return;
    }
    throw error;
  }
}

async function saveStanding(tx: Tx, s: SlaTicketStateChangedV1, at: Date): Promise<void> {
  const current = await tx.manager.findOneBy(TicketSlaStateEntity, { ticketId: s.ticketId });
  if (current && current.updatedAt > at) return; // an older standing never overwrites a newer one
  await tx.manager.upsert(
    TicketSlaStateEntity,
    {
      ticketId: s.ticketId,
      organizationId: s.organizationId,
      state: s.state,
      nextDeadline: s.nextDeadline ? new Date(s.nextDeadline) : null,
      breached: s.breached,
      failureReportPending: s.failureReportPending,
      updatedAt: at,
    },
    ['ticketId'],
  );
}
