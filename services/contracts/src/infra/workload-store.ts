import type { DataSource } from 'typeorm';

export interface WorkloadCell {
  /** The engineer (null: open tickets nobody is assigned to). */
  engineerId: string | null;
  status: string;
  openTickets: number;
  loggedMinutes: number;
  entries: number;
}

/**
 * The workload of engineers from the tickets read model and the time entries: open tickets by
 * assignee and status now, and minutes each person logged in a period by the status their
 * ticket has now.
 */
export class WorkloadStore {
  constructor(private readonly dataSource: DataSource) {}

  async cells(from: Date, to: Date): Promise<WorkloadCell[]> {
    const [open, logged] = await Promise.all([
      this.dataSource.query(
        `SELECT assignee_id, status, count(*)::int AS n FROM known_tickets
          WHERE status <> 'CLOSED' GROUP BY assignee_id, status`,
      ) as Promise<{ assignee_id: string | null; status: string; n: number }[]>,
      this.dataSource.query(
        `SELECT t.logged_by, COALESCE(k.status, 'UNKNOWN') AS status,
                SUM(COALESCE(t.actual_minutes, t.minutes))::int AS minutes, count(*)::int AS entries
           FROM time_entries t LEFT JOIN known_tickets k ON k.ticket_id = t.ticket_id
          WHERE t.logged_at >= $1 AND t.logged_at < $2 AND t.logged_by IS NOT NULL
            AND t.logged_by ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
          GROUP BY t.logged_by, 2`,
        [from, to],
      ) as Promise<{ logged_by: string; status: string; minutes: number; entries: number }[]>,
    ]);
    const cells = new Map<string, WorkloadCell>();
    const cell = (engineerId: string | null, status: string) => {
      const key = `${engineerId}/${status}`;
      let found = cells.get(key);
      if (!found) {
        found = { engineerId, status, openTickets: 0, loggedMinutes: 0, entries: 0 };
        cells.set(key, found);
      }
      return found;
    };
    for (const row of open) cell(row.assignee_id, row.status).openTickets = row.n;
    for (const row of logged) {
      const c = cell(row.logged_by, row.status);
      c.loggedMinutes = row.minutes;
      c.entries = row.entries;
    }
    return [...cells.values()];
  }
}
