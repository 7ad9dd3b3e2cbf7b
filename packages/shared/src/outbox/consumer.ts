import { inEventSpan } from '../telemetry/tracing';
import type { DataSource } from 'typeorm';
import type { EventBus, Stoppable } from '../bus/event-bus';
import type { EventType } from '../events/catalog';
import type { EventEnvelope } from '../events/envelope';
import type { Domain } from '../events/subjects';
import type { Logger } from '../logger';
import { type EventHandler, ParkedEvents } from './parking';
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
  /** Where events that keep failing are parked (default: a store of this consumer's own). */
  parked?: ParkedEvents;
}

/**
 * A durable consumer of one domain's events for one service, applying each event once
 * (inbox). Events without a handler are acknowledged and skipped. An event that fails
 * PARK_AFTER_ATTEMPTS times is parked and the consumer goes on (parking.ts).
 */
export async function startConsumer(options: ConsumerOptions): Promise<Stoppable> {
  const durable = `${options.service}-on-${options.domain}`;
  const parked = options.parked ?? new ParkedEvents(options.dataSource, options.relay, options.log);
  const handlerFor = (type: string) => options.handlers[type as EventType] as EventHandler | undefined;
  parked.register(durable, handlerFor);
  return options.bus.consume({
    durable,
    domain: options.domain,
    handle: async ({ event, seq, attempt }) => {
      const handler = handlerFor(event.type);
      if (!handler) return;
      // A consumer span, child of the span that emitted the event (docs/operations.md "Traces").
      const outcome = await inEventSpan(durable, event, () =>
        parked.deliver(durable, event, seq, attempt ?? 0, handler),
      );
      if (outcome === 'duplicate')
        options.log.debug({ eventId: event.id, type: event.type }, 'duplicate event ignored (inbox)');
    },
  });
}
