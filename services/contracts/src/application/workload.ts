import { badInput, type Caller } from '@reglament/shared/domain';
import type { Clock } from '@reglament/shared/platform';
import type { WorkloadCell, WorkloadStore } from '../infra/workload-store';
import { requireStaff } from './access';

/** The longest period of logged minutes one workload covers. */
export const WORKLOAD_MAX_DAYS = 366;
const DAY_MS = 86_400_000;

export interface EngineerWorkload {
  engineerId: string | null;
  openTickets: number;
  loggedMinutes: number;
  byStatus: WorkloadCell[];
}

export interface WorkloadView {
  from: Date;
  to: Date;
  engineers: EngineerWorkload[];
  byStatus: { status: string; openTickets: number; loggedMinutes: number }[];
}

/**
 * The workload of engineers for dispatchers (issue 19): open tickets per assignee and status,
 * and the minutes each person logged in a period (default the last 30 days), by the status of
 * their ticket now. Staff only: it names the provider's people and spans every customer, so a
 * customer is refused (FORBIDDEN) rather than shown a part of it.
 */
export class Workload {
  constructor(
    private readonly store: WorkloadStore,
    private readonly clock: Clock,
  ) {}

  async of(caller: Caller, period: { from: Date | null; to: Date | null }): Promise<WorkloadView> {
    requireStaff(caller, 'read the workload of engineers');
    const to = period.to ?? this.clock.now();
    const from = period.from ?? new Date(to.getTime() - 30 * DAY_MS);
    if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || !(from < to)) {
      throw badInput('from must be an instant before to', { field: 'from' });
    }
    if (to.getTime() - from.getTime() > WORKLOAD_MAX_DAYS * DAY_MS) {
      throw badInput(`the period may be at most ${WORKLOAD_MAX_DAYS} days; ask for a shorter one`, { field: 'to' });
    }
    const cells = await this.store.cells(from, to);
    const engineers = new Map<string | null, EngineerWorkload>();
    const statuses = new Map<string, { status: string; openTickets: number; loggedMinutes: number }>();
    for (const c of cells) {
      const e = engineers.get(c.engineerId) ?? {
        engineerId: c.engineerId,
        openTickets: 0,
        loggedMinutes: 0,
        byStatus: [],
      };
      e.openTickets += c.openTickets;
      e.loggedMinutes += c.loggedMinutes;
      e.byStatus.push(c);
      engineers.set(c.engineerId, e);
      const s = statuses.get(c.status) ?? { status: c.status, openTickets: 0, loggedMinutes: 0 };
      s.openTickets += c.openTickets;
      s.loggedMinutes += c.loggedMinutes;
      statuses.set(c.status, s);
    }
    for (const e of engineers.values()) e.byStatus.sort((a, b) => a.status.localeCompare(b.status));
    return {
      from,
      to,
      // The busiest first; the unassigned row last.
      engineers: [...engineers.values()].sort(
        (a, b) =>
          Number(a.engineerId === null) - Number(b.engineerId === null) ||
          b.openTickets - a.openTickets ||
          b.loggedMinutes - a.loggedMinutes ||
          (a.engineerId ?? '').localeCompare(b.engineerId ?? ''),
      ),
      byStatus: [...statuses.values()].sort((a, b) => a.status.localeCompare(b.status)),
    };
  }
}
