import {
  causedBy,
  type EventEnvelope,
  type EventOrigin,
  makeEvent,
  securityFixWarnAt,
  type SlaAdvisoryFixV1,
} from '@reglament/shared/domain';
import type { Logger, Transactions, Tx } from '@reglament/shared/platform';
import { In } from 'typeorm';
import {
  type AdvisoryClockChange,
  type AdvisoryClockState,
  advanceAdvisoryClock,
  nextDueOf,
  stopAdvisoryClock,
} from '../domain/advisory-clock';
import { SlaAdvisoryClockEntity } from '../infra/advisory-clock.entities';

/**
 * The fix clocks of security advisories (R-SLA-6): opened by `contracts.advisory.published`
 * (its `fixDueAt` is the deadline, the shortest fix term of the affected contracts' presets),
 * stopped by `contracts.advisory.fix_linked`, warned (R-SLA-9) and breached by the scheduler at
 * their instants. Every change is an event: once for the provider (no organization) and, for the
 * warning, once per organization told of the advisory, so its recipients hear it too.
 */
export class AdvisoryClocks {
  constructor(
    private readonly transactions: Transactions,
    private readonly log: Logger,
    /** A new due instant may be earlier than the scheduler's plan. */
    private readonly wake: (at: number) => void,
  ) {}

  async open(tx: Tx, event: EventEnvelope<'contracts.advisory.published'>): Promise<void> {
    const d = event.data;
    const startedAt = new Date(d.discoveredAt);
    const deadline = new Date(d.fixDueAt);
    const row: SlaAdvisoryClockEntity = {
      advisoryId: d.advisoryId,
      product: d.product,
      title: d.title,
      organizationIds: d.organizationIds,
      status: 'RUNNING',
      startedAt,
      deadline,
      warnAt: securityFixWarnAt(startedAt, deadline),
      warnedAt: null,
      breachedAt: null,
      stoppedAt: null,
      releaseId: null,
      nextDueAt: null,
    };
    row.nextDueAt = nextDueOf(row);
    const inserted = (await tx.manager.query(
      `INSERT INTO sla_advisory_clocks (advisory_id, product, title, organization_ids, status, started_at, deadline,
         warn_at, next_due_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (advisory_id) DO NOTHING RETURNING advisory_id`,
      [
        row.advisoryId,
        row.product,
        row.title,
        row.organizationIds,
        row.status,
        row.startedAt,
        row.deadline,
        row.warnAt,
        row.nextDueAt,
      ],
    )) as unknown[];
    if (inserted.length > 0 && row.nextDueAt) this.wake(row.nextDueAt.getTime());
  }

  async stop(tx: Tx, event: EventEnvelope<'contracts.advisory.fix_linked'>): Promise<void> {
    const row = await tx.manager.findOne(SlaAdvisoryClockEntity, {
      where: { advisoryId: event.data.advisoryId },
      lock: { mode: 'pessimistic_write' },
    });
    // Contracts publishes the advisory before its fix, in one stream: never expected, so it is retried.
    if (!row) throw new Error(`advisory ${event.data.advisoryId} has no fix clock yet; retrying`);
    const at = new Date(event.data.linkedAt);
    const { state, changes } = stopAdvisoryClock(row, at);
    await this.save(tx, row, state, changes, causedBy(event, 'sla', at), event.data.releaseId);
  }

  /** Fires every clock due up to `upTo`, each at its own instants; returns how many clocks moved. */
  async fireDue(upTo: number): Promise<number> {
    let moved = 0;
    for (;;) {
      const done = await this.transactions.run(async (tx) => {
        const rows = await tx.manager
          .createQueryBuilder(SlaAdvisoryClockEntity, 'c')
          .where('c.next_due_at IS NOT NULL AND c.next_due_at <= :upTo', { upTo: new Date(upTo) })
          .orderBy('c.next_due_at', 'ASC')
          .limit(50)
          .setLock('pessimistic_write')
          .setOnLocked('skip_locked')
          .getMany();
        for (const row of rows) {
          const { state, changes } = advanceAdvisoryClock(row, new Date(upTo));
          await this.save(tx, row, state, changes, { source: 'sla', occurredAt: new Date(upTo) }, null);
        }
        return rows.length;
      });
      moved += done;
      if (done < 50) return moved;
    }
  }

  /** The earliest due instant (index-only). */
  async nextDue(): Promise<number | null> {
    const [row] = (await this.transactions.dataSource.query(
      'SELECT min(next_due_at) AS due FROM sla_advisory_clocks WHERE next_due_at IS NOT NULL',
    )) as { due: Date | null }[];
    return row?.due ? new Date(row.due).getTime() : null;
  }

  async byIds(ids: readonly string[]): Promise<Map<string, SlaAdvisoryClockEntity>> {
    if (ids.length === 0) return new Map();
    const rows = await this.transactions.dataSource
      .getRepository(SlaAdvisoryClockEntity)
      .findBy({ advisoryId: In([...ids]) });
    return new Map(rows.map((r) => [r.advisoryId, r]));
  }

  private async save(
    tx: Tx,
    row: SlaAdvisoryClockEntity,
    state: AdvisoryClockState,
    changes: AdvisoryClockChange[],
    origin: EventOrigin,
    releaseId: string | null,
  ): Promise<void> {
    const next: SlaAdvisoryClockEntity = { ...row, ...state, releaseId: releaseId ?? row.releaseId };
    next.nextDueAt = nextDueOf(next);
    await tx.manager.update(
      SlaAdvisoryClockEntity,
      { advisoryId: row.advisoryId },
      {
        status: next.status,
        warnedAt: next.warnedAt,
        breachedAt: next.breachedAt,
        stoppedAt: next.stoppedAt,
        releaseId: next.releaseId,
        nextDueAt: next.nextDueAt,
      },
    );
    for (const change of changes) {
      const data: SlaAdvisoryFixV1 = {
        advisoryId: row.advisoryId,
        product: row.product,
        title: row.title,
        startedAt: row.startedAt.toISOString(),
        deadline: row.deadline.toISOString(),
        status: change.kind === 'STOPPED' ? change.status : change.kind === 'BREACHED' ? 'BREACHED' : 'RUNNING',
        at: change.at.toISOString(),
        releaseId: next.releaseId,
      };
      // Each change carries its own instant (a jump of the clock fires the warning before the breach).
      const at = { ...origin, occurredAt: change.at };
      if (change.kind === 'WARNING') {
        tx.emit(makeEvent('sla.advisory_fix.warning', null, data, at));
        for (const organizationId of row.organizationIds) {
          tx.emit(makeEvent('sla.advisory_fix.warning', organizationId, data, at));
        }
      } else if (change.kind === 'BREACHED') {
        tx.emit(makeEvent('sla.advisory_fix.breached', null, data, at));
      } else {
        tx.emit(makeEvent('sla.advisory_fix.stopped', null, data, at));
      }
      this.log.info({ advisoryId: row.advisoryId, change: change.kind, at: change.at }, 'advisory fix clock');
    }
  }
}
