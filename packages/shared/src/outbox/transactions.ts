import type { DataSource, EntityManager } from 'typeorm';
import type { AnyEventEnvelope } from '../events/envelope';
import { OutboxRow } from './outbox.entity';
import { withTraceContext } from '../telemetry/tracing';

/** The unit of work handed to domain code: the transaction's manager and the events to emit. */
export interface Tx {
  readonly manager: EntityManager;
  /** Emitted events are written to the outbox in this transaction and published after commit. */
  emit(...events: AnyEventEnvelope[]): void;
}

export interface RelayWaker {
  wake(): void;
}

/**
 * Runs work in one transaction: state changes and their events commit together or not at all
 * (transactional outbox). After commit the relay is woken so events go out without delay.
 */
export class Transactions {
  constructor(
    readonly dataSource: DataSource,
    private readonly relay: RelayWaker,
  ) {}

  async run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    let emitted = 0;
    const result = await this.dataSource.transaction(async (manager) => {
      const events: AnyEventEnvelope[] = [];
      const value = await work({ manager, emit: (...more) => events.push(...more) });
      await writeToOutbox(manager, events);
      emitted = events.length;
      return value;
    });
    if (emitted > 0) this.relay.wake();
    return result;
  }
}

export async function writeToOutbox(manager: EntityManager, events: AnyEventEnvelope[]): Promise<void> {
  if (events.length === 0) return;
  await manager.insert(
    OutboxRow,
    // Each event carries the trace context of the work that emitted it (none when tracing is off).
    events.map((event) => ({ eventId: event.id, type: event.type, payload: withTraceContext(event) })),
  );
}
