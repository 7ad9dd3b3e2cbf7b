import type { DataSource } from 'typeorm';
import type { EventBus, Stoppable } from '../bus/event-bus';
import type { EventType } from '../events/catalog';
import type { AnyEventEnvelope, EventEnvelope } from '../events/envelope';
import type { Domain } from '../events/subjects';
import type { Logger } from '../logger';
import { applyOnce } from './inbox';
import type { RelayWaker, Tx } from './transactions';

/** Handlers by event type; each runs inside the inbox transaction of its event. */
export type EventHandlers = { [T in EventType]?: (event: EventEnvelope<T>, tx: Tx) => Promise<void> };

export interface ConsumerOptions {
  service: string;
  domain: Domain;
  bus: EventBus;
  dataSource: DataSource;
  relay: RelayWaker;
  log: Logger;
  handlers: EventHandlers;
}

/**
 * A durable consumer of one domain's events for one service, applying each event once
 * (inbox). Events without a handler are acknowledged and skipped.
 */
export async function startConsumer(options: ConsumerOptions): Promise<Stoppable> {
  const durable = `${options.service}-on-${options.domain}`;
  return options.bus.consume({
    durable,
    domain: options.domain,
    handle: async ({ event }) => {
      const handler = options.handlers[event.type] as ((event: AnyEventEnvelope, tx: Tx) => Promise<void>) | undefined;
      if (!handler) return;
      const applied = await applyOnce(options.dataSource, options.relay, durable, event, (tx) => handler(event, tx));
      if (!applied) options.log.debug({ eventId: event.id, type: event.type }, 'duplicate event ignored (inbox)');
    },
  });
}
