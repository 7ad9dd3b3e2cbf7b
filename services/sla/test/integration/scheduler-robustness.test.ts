import { newId } from '@reglament/shared/domain';
import { createLogger } from '@reglament/shared/platform';
import { eventually } from '@reglament/shared/testing';
import { Client } from 'pg';
import { SlaScheduler } from '../../src/application/scheduler';
import { SlaHarness } from './harness';
import { TicketEvents } from './ticket-events';

/** The scheduler and the clocks when things are not tidy: locks held elsewhere, stale rows, pending reports. */
describe('SLA scheduler robustness (real PostgreSQL and NATS)', () => {
  let h: SlaHarness;
  beforeAll(async () => {
    h = await SlaHarness.start();
  });
  afterAll(async () => {
    await h?.stop();
  });

  async function registered(count: number, at: string) {
    const tickets = Array.from(
      { length: count },
      () => new TicketEvents({ organizationId: newId(), contractId: newId(), preset: 'asmo' }),
    );
    await h.publish(...tickets.map((t) => t.registered(at)));
    await eventually(async () => {
      const [row] = (await h.sla.runtime.dataSource.query(
        'SELECT count(*)::int AS n FROM sla_tickets WHERE ticket_id = ANY($1)',
        [tickets.map((t) => t.ticketId)],
      )) as { n: number }[];
      return row!.n === count;
    });
    return tickets;
  }

  it('tickets held by another replica do not starve the ones due after them', async () => {
    // asmo reaction from Mon 23 June 09:00 Moscow: warned at 10:30 (07:30Z), due 11:00 (08:00Z).
    await h.at('2025-06-23T06:00:00Z');
    const [first, second, third] = await registered(3, '2025-06-23T06:00:00Z');
    // Only the scheduler under test runs meanwhile.
    await h.sla.app.scheduler.stop();
    // Another "replica" holds the first two tickets.
    const other = new Client({ connectionString: h.db.url });
    await other.connect();
    await other.query('SET search_path TO sla');
    await other.query('BEGIN');
    await other.query('SELECT ticket_id FROM sla_tickets WHERE ticket_id = ANY($1) FOR UPDATE', [
      [first!.ticketId, second!.ticketId],
    ]);
    try {
      await h.platform.clockControl!.set(new Date('2025-06-23T07:40:00Z'));
      // A scheduler that looks at two tickets at a time: the two held ones come first.
      const small = new SlaScheduler({
        transactions: h.sla.app.transactions,
        clocks: h.sla.app.clocks,
        clock: h.platform.clock,
        log: createLogger('t', 'silent'),
        batchSize: 2,
      });
      // Only the third ticket was free: it is evaluated although two held ones are due before it.
      expect(await small.runDue()).toBe(1);
      await eventually(() => h.eventsOf(third!.ticketId, 'sla.timer.warning').length === 1);
      expect(h.eventsOf(first!.ticketId, 'sla.timer.warning')).toHaveLength(0);
    } finally {
      await other.query('ROLLBACK');
      await other.end();
    }
    h.sla.app.scheduler.start();
    await h.sla.app.scheduler.runDue();
    // Released: the reaction warning of the held tickets comes now (the resolution warns at 12:00Z).
    await eventually(() => h.eventsOf(first!.ticketId, 'sla.timer.warning').length === 1);
    await eventually(() => h.eventsOf(second!.ticketId, 'sla.timer.warning').length === 1);
  });

  it('a stored clock the history no longer yields is ended, not due forever', async () => {
    await h.at('2025-06-24T06:00:00Z');
    const [t] = await registered(1, '2025-06-24T06:00:00Z');
    const staleId = newId();
    await h.sla.runtime.dataSource.query(
      `INSERT INTO sla_timers (id, ticket_id, organization_id, contract_id, policy_id, metric, party, cycle, status, started_at, deadline, next_due_at)
       VALUES ($1, $2, $3, $4, 'asmo', 'ON_SITE', 'PROVIDER', 9, 'RUNNING', $5, $5, $5)`,
      [staleId, t!.ticketId, t!.facts.organizationId, t!.facts.contractId, new Date('2025-06-24T06:30:00Z')],
    );
    await h.at('2025-06-24T07:00:00Z');
    const [row] = (await h.sla.runtime.dataSource.query('SELECT status, next_due_at FROM sla_timers WHERE id = $1', [
      staleId,
    ])) as {
      status: string;
      next_due_at: Date | null;
    }[];
    expect(row).toEqual({ status: 'CANCELLED', next_due_at: null });
    expect(await h.sla.app.scheduler.nextDue()).not.toBe(new Date('2025-06-24T06:30:00Z').getTime());
  });

  it('R-TKT-12 with R-SLA-11: an auto-close refused for a missing failure report is asked for again once it is written', async () => {
    // kz-supplier: an on-site visit that arrived late is a breach needing a report.
    await h.at('2025-07-17T05:00:00Z');
    const t = new TicketEvents({
      organizationId: newId(),
      contractId: newId(),
      preset: 'kz-supplier',
      category: 'ERROR',
    });
    await h.publish(t.registered('2025-07-17T04:00:00Z'), t.onSiteRequested('2025-07-17T05:00:00Z'));
    await h.at('2025-07-17T09:00:00Z'); // arrival due 08:00Z: breached
    await h.publish(
      t.onSiteArrived('2025-07-17T09:00:00Z'),
      t.move('TRIAGE', '2025-07-17T09:05:00Z', { priority: 'HIGH', plannedResolutionAt: '2025-07-18T12:00:00Z' }),
      t.move('PROVIDE_SOLUTION', '2025-07-17T10:00:00Z'),
    );
    await eventually(() =>
      h
        .eventsOf(t.ticketId, 'sla.timer.started')
        .some((d) => (d.event.data as { metric: string }).metric === 'AUTO_CLOSE'),
    );
    // 14 calendar days later the auto-close comes due; tickets refuses it while the report is missing.
    await h.at('2025-07-31T10:00:01Z');
    await eventually(() => h.eventsOf(t.ticketId, 'sla.ticket.auto_close_due').length === 1);
    const engineer = { kind: 'user' as const, id: newId(), role: 'ENGINEER' as const, organizationId: null, name: 'E' };
    const report = await h.gql(
      `mutation($id: ID!) { submitFailureReport(ticketId: $id, causes: "Traffic", measures: "Standby") { id } }`,
      { id: t.ticketId },
      engineer,
    );
    expect(report.errors).toBeUndefined();
    await eventually(() => h.eventsOf(t.ticketId, 'sla.ticket.auto_close_due').length === 2);
  });
});
