import type { TimerStatus } from '@reglament/shared/domain';

export interface TimerState {
  id: string;
  status: TimerStatus;
  deadline: number | null;
  warned: boolean;
  expired: boolean;
}

export type TimerChange =
  | 'sla.timer.started'
  | 'sla.timer.paused'
  | 'sla.timer.resumed'
  | 'sla.timer.deadline_changed'
  | 'sla.timer.warning'
  | 'sla.timer.breached'
  | 'sla.timer.met'
  | 'sla.timer.cancelled'
  | 'EXPIRED';

/**
 * What happened to a timer between two computations: the events to publish. Every change of a
 * deadline is an event (R-SLA-10); a status change carries its own event.
 */
export function timerChanges(before: TimerState | undefined, after: TimerState): TimerChange[] {
  const changes: TimerChange[] = [];
  if (!before) changes.push('sla.timer.started');
  const from = before?.status ?? 'RUNNING';
  if (from !== after.status) {
    if (after.status === 'PAUSED') changes.push('sla.timer.paused');
    else if (after.status === 'RUNNING' && from === 'PAUSED') changes.push('sla.timer.resumed');
    else if (after.status === 'BREACHED') changes.push('sla.timer.breached');
    else if (after.status === 'MET') changes.push('sla.timer.met');
    else if (after.status === 'CANCELLED') changes.push('sla.timer.cancelled');
    else changes.push('sla.timer.deadline_changed'); // into or out of NOT_GUARANTEED
  } else if (before && before.deadline !== after.deadline && !(after.status === 'PAUSED' && after.deadline === null)) {
    // Every change of a known deadline is an event (R-SLA-10), a paused fixed date included.
    changes.push('sla.timer.deadline_changed');
  }
  if (after.warned && !before?.warned && after.status === 'RUNNING') changes.push('sla.timer.warning');
  if (after.expired && !before?.expired) changes.push('EXPIRED');
  return changes;
}
