import { connect } from 'nats';
import { DOMAINS, streamName } from '../events/subjects';

/** Where a durable consumer stands in its stream, as JetStream keeps it. */
export interface ConsumerAckState {
  stream: string;
  durable: string;
  /** Every event up to this stream sequence is acknowledged. */
  ackFloor: number;
  /** Handed out and neither acknowledged nor handed back. */
  ackPending: number;
  /** Ids of the events after the ack floor: not acknowledged (yet to be applied, or handed back). */
  unackedEventIds: string[];
}

/**
 * The durable consumers of a prefix's streams and the events each has not acknowledged: with
 * the consumers' inbox tables, a test tells whether a part that stopped acknowledged everything
 * it applied (an applied event past the floor would be handed out again).
 */
export async function consumerAckStates(url: string, prefix: string): Promise<ConsumerAckState[]> {
  const nc = await connect({ servers: url, name: 'test-consumer-acks' });
  try {
    const jsm = await nc.jetstreamManager();
    const states: ConsumerAckState[] = [];
    for (const domain of DOMAINS) {
      const stream = streamName(prefix, domain);
      const info = await jsm.streams.info(stream).catch(() => null);
      if (!info) continue;
      for (const consumer of await jsm.consumers.list(stream).next()) {
        if (!consumer.config.durable_name) continue;
        const ackFloor = consumer.ack_floor.stream_seq;
        const unackedEventIds: string[] = [];
        for (let seq = Math.max(ackFloor + 1, info.state.first_seq); seq <= info.state.last_seq; seq++) {
          const message = await jsm.streams.getMessage(stream, { seq }).catch(() => null);
          if (message) unackedEventIds.push((message.json() as { id: string }).id);
        }
        states.push({
          stream,
          durable: consumer.config.durable_name,
          ackFloor,
          ackPending: consumer.num_ack_pending,
          unackedEventIds,
        });
      }
    }
    return states;
  } finally {
    await nc.close();
  }
}
