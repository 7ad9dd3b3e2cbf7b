import { type AnyEventEnvelope, causedBy, type EventEnvelope } from '@reglament/shared/domain';
import { type Clock, type EventHandlers, type Tx, upsertIfNewer } from '@reglament/shared/platform';
import type { AdvisoryClocks } from '../application/advisory-clocks';
import type { TicketClocks } from '../application/ticket-clocks';
import { SlaContractEntity } from '../infra/entities';

/**
 * Contracts' events that move deadlines: release schedules (R-SLA-7), prepaid exhaustion and
 * refill (R-CON-6), and the package's reaction target. Open tickets they touch are recomputed.
 * Advisories open and stop their fix clocks (R-SLA-6).
 */
export function contractsHandlers(clocks: TicketClocks, clock: Clock, advisoryClocks: AdvisoryClocks): EventHandlers {
  const recomputeOpen = async (
    tx: Tx,
    where: 'product' | 'contract_id',
    value: string,
    origin: ReturnType<typeof causedBy>,
  ) => {
    const tickets = (await tx.manager.query(`SELECT ticket_id FROM sla_tickets WHERE ${where} = $1 AND NOT closed`, [
      value,
    ])) as {
      ticket_id: string;
    }[];
    for (const { ticket_id } of tickets) await clocks.recompute(tx, ticket_id, clock.nowMs(), origin);
  };

  /** The contract's row, locked: its changes apply one at a time. */
  const ensureContract = async (tx: Tx, contractId: string, organizationId: string) => {
    await tx.manager.query(
      `INSERT INTO sla_contracts (contract_id, organization_id) VALUES ($1, $2) ON CONFLICT (contract_id) DO NOTHING`,
      [contractId, organizationId],
    );
    return tx.manager.findOneOrFail(SlaContractEntity, { where: { contractId }, lock: { mode: 'pessimistic_write' } });
  };

  /** R-CON-6: each change is kept with its instant; the spans are derived in order of time. */
  const prepaidChanged = async (
    event: { id: string; occurredAt: string; data: { contractId: string; organizationId: string } },
    tx: Tx,
    exhausted: boolean,
  ) => {
    const contract = await ensureContract(tx, event.data.contractId, event.data.organizationId);
    const toggles = [...contract.prepaidToggles, { at: Date.parse(event.occurredAt), exhausted }];
    await tx.manager.update(SlaContractEntity, { contractId: contract.contractId }, { prepaidToggles: toggles });
    await recomputeOpen(
      tx,
      'contract_id',
      contract.contractId,
      causedBy(event as AnyEventEnvelope, 'sla', clock.now()),
    );
  };

  /** The contract's coverage, zone and holidays decide its calendar (R-CON-8): a change moves its open clocks. */
  const contractChanged = async (
    event: {
      id: string;
      data: {
        contractId: string;
        organizationId: string;
        coverage: string | null;
        timeZone?: string;
        holidays?: string[];
      };
    },
    tx: Tx,
    origin: ReturnType<typeof causedBy>,
  ) => {
    const change = event.data;
    const contract = await ensureContract(tx, change.contractId, change.organizationId);
    // Replicas may apply two changes of one contract out of order: an older snapshot is ignored
    // (event ids are UUID v7, ordered by time, as the read models' upsertIfNewer).
    if (contract.snapshotEventId !== null && event.id <= contract.snapshotEventId) return;
    const holidays = [...new Set(change.holidays ?? [])].sort();
    const timeZone = change.timeZone ?? null;
    if (
      contract.coverage === change.coverage &&
      contract.timeZone === timeZone &&
      contract.holidays.join(',') === holidays.join(',')
    ) {
      await tx.manager.update(SlaContractEntity, { contractId: change.contractId }, { snapshotEventId: event.id });
      return;
    }
    await tx.manager.update(
      SlaContractEntity,
      { contractId: change.contractId },
      { coverage: change.coverage, timeZone, holidays, snapshotEventId: event.id },
    );
    await recomputeOpen(tx, 'contract_id', change.contractId, origin);
  };

  /** A release scheduled or moved (R-SLA-7): its planned instant moves the clocks of open tickets of its product. */
  const releasePlanned = async (
    event: EventEnvelope<'contracts.release.scheduled'> | EventEnvelope<'contracts.release.moved'>,
    tx: Tx,
  ) => {
    const release = event.data;
    await upsertIfNewer(
      tx.manager,
      'sla_releases',
      'release_id',
      {
        release_id: release.releaseId,
        product: release.product,
        kind: release.kind,
        planned_at: new Date(release.plannedAt),
      },
      event.id,
    );
    await recomputeOpen(tx, 'product', release.product, causedBy(event, 'sla', clock.now()));
  };

  return {
    'contracts.contract.created': (event, tx) => contractChanged(event, tx, causedBy(event, 'sla', clock.now())),
    'contracts.contract.updated': (event, tx) => contractChanged(event, tx, causedBy(event, 'sla', clock.now())),
    'contracts.contract.status_changed': (event, tx) => contractChanged(event, tx, causedBy(event, 'sla', clock.now())),
    'contracts.release.scheduled': releasePlanned,
    'contracts.release.moved': releasePlanned,
    'contracts.hour_package.added': async (event, tx) => {
      const hourPackage = event.data;
      await ensureContract(tx, hourPackage.contractId, hourPackage.organizationId);
      if (hourPackage.reactionWorkingMinutes !== null) {
        await tx.manager.update(
          SlaContractEntity,
          { contractId: hourPackage.contractId },
          { reactionMinutes: hourPackage.reactionWorkingMinutes },
        );
        await recomputeOpen(tx, 'contract_id', hourPackage.contractId, causedBy(event, 'sla', clock.now()));
      }
    },
    'contracts.prepaid.exhausted': (event, tx) => prepaidChanged(event, tx, true),
    'contracts.prepaid.replenished': (event, tx) => prepaidChanged(event, tx, false),
    // R-SLA-6: the fix clock of a security advisory.
    'contracts.advisory.published': (event, tx) => advisoryClocks.open(tx, event),
    'contracts.advisory.fix_linked': (event, tx) => advisoryClocks.stop(tx, event),
  };
}
