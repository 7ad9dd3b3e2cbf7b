import type { SlaTimerFacts } from '@reglament/shared';
import type { SlaTimerEntity } from '../infra/entities';

export function timerFacts(timer: SlaTimerEntity): SlaTimerFacts {
  return {
    timerId: timer.id,
    ticketId: timer.ticketId,
    organizationId: timer.organizationId,
    policyId: 'skeleton',
    metric: timer.metric,
    party: timer.party,
    status: timer.status,
    startedAt: timer.startedAt.toISOString(),
    deadline: timer.deadline?.toISOString() ?? null,
    warnAt: timer.warnAt?.toISOString() ?? null,
    breachedAt: timer.breachedAt?.toISOString() ?? null,
    stoppedAt: timer.stoppedAt?.toISOString() ?? null,
  };
}
