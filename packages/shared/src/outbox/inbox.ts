import type { DataSource, EntityManager } from 'typeorm';
import type { AnyEventEnvelope } from '../events/envelope';
import { writeToOutbox } from './transactions';
import type { RelayWaker, Tx } from './transactions';

/**
 * Applies an event at most once per consumer: the inbox row and the effect (and any events
 * the effect emits, through the outbox) commit in one transaction. A redelivered event finds
 * its inbox row and changes nothing. Returns false when the event was already applied.
 */
export async function applyOnce(
  dataSource: DataSource,
  relay: RelayWaker,
  consumer: string,
  event: AnyEventEnvelope,
  effect: (tx: Tx) => Promise<void>,
): Promise<boolean> {
  let emitted = 0;
  const applied = await dataSource.transaction(async (manager: EntityManager) => {
    const inserted = (await manager.query(
      'INSERT INTO inbox (consumer, event_id, type) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING event_id',
      [consumer, event.id, event.type],
    )) as unknown[];
    if (inserted.length === 0) return false;
    const events: AnyEventEnvelope[] = [];
    await effect({ manager, emit: (...more) => events.push(...more) });
    await writeToOutbox(manager, events);
    emitted = events.length;
    return true;
  });
  if (emitted > 0) relay.wake();
  return applied;
}
