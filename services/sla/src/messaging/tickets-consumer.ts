import { causedBy, type EventHandlers, makeEvent, newId } from '@reglament/shared';
import { SlaTimerEntity } from '../infra/entities';
import { timerFacts } from '../application/timer-facts';

/** Walking skeleton: a REACTION timer with a fixed 2-hour target (the policy engine replaces it). */
const SKELETON_REACTION_MINUTES = 120;

export const ticketsHandlers: EventHandlers = {
  'tickets.ticket.registered': async (event, tx) => {
    const registeredAt = new Date(event.data.ticket.registeredAt);
    const timer: SlaTimerEntity = {
      id: newId(),
      ticketId: event.data.ticketId,
      organizationId: event.data.organizationId,
      metric: 'REACTION',
      party: 'PROVIDER',
      status: 'RUNNING',
      startedAt: registeredAt,
      deadline: new Date(registeredAt.getTime() + SKELETON_REACTION_MINUTES * 60_000),
      warnAt: null,
      stoppedAt: null,
      breachedAt: null,
    };
    await tx.manager.insert(SlaTimerEntity, timer);
    tx.emit(
      makeEvent(
        'sla.timer.started',
        timer.organizationId,
        timerFacts(timer),
        causedBy(event, 'sla', new Date(event.occurredAt)),
      ),
    );
  },
};
