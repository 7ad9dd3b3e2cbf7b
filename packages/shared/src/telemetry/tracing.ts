import {
  type Attributes,
  type Context,
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import type { AnyEventEnvelope } from '../events/envelope';

/**
 * Traces across the parts (docs/operations.md "Traces"). Every call here goes through the
 * OpenTelemetry API, a no-op until an SDK is registered: with OTEL_EXPORTER_OTLP_ENDPOINT unset
 * nothing is recorded and nothing is added to requests or events.
 */
const tracer = trace.getTracer('reglament');

/** The W3C trace context of the active span (`traceparent`, `tracestate`), empty when none. */
export function traceHeaders(): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier;
}

/** An event as written to the outbox: it carries the trace context of the work that emitted it. */
export function withTraceContext(event: AnyEventEnvelope): AnyEventEnvelope {
  const { traceparent, tracestate } = traceHeaders();
  if (!traceparent) return event;
  return { ...event, traceparent, ...(tracestate ? { tracestate } : {}) };
}

/** What carries a trace context: request headers, or an event envelope. */
export interface TraceCarrier {
  traceparent?: string | string[] | undefined;
  tracestate?: string | string[] | undefined;
}

const carrierGetter = {
  keys: (carrier: TraceCarrier) => Object.keys(carrier).filter((key) => key === 'traceparent' || key === 'tracestate'),
  get: (carrier: TraceCarrier, key: string) =>
    key === 'traceparent' ? carrier.traceparent : key === 'tracestate' ? carrier.tracestate : undefined,
};

/** Runs `work` in a span whose parent is the trace context carried by `carrier` (headers or an envelope). */
export function inSpan<T>(
  name: string,
  kind: 'server' | 'consumer' | 'internal',
  carrier: TraceCarrier | null,
  attributes: Attributes,
  work: () => Promise<T>,
): Promise<T> {
  const parent: Context = carrier ? propagation.extract(ROOT_CONTEXT, carrier, carrierGetter) : context.active();
  const spanKind = kind === 'server' ? SpanKind.SERVER : kind === 'consumer' ? SpanKind.CONSUMER : SpanKind.INTERNAL;
  return tracer.startActiveSpan(name, { kind: spanKind, attributes }, parent, async (span) => {
    try {
      return await work();
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** Runs an event's handler in a consumer span, child of the span that emitted the event. */
export function inEventSpan<T>(consumer: string, event: AnyEventEnvelope, work: () => Promise<T>): Promise<T> {
  return inSpan(
    `${event.type} process`,
    'consumer',
    event,
    {
      'messaging.system': 'nats',
      'messaging.operation': 'process',
      'messaging.destination.name': event.type,
      'messaging.consumer.group.name': consumer,
      'messaging.message.id': event.id,
    },
    work,
  );
}

const flushers: (() => Promise<void>)[] = [];

/** Work to finish before the process exits (the SDK's export of the last spans). */
export function onTelemetryFlush(flush: () => Promise<void>): void {
  flushers.push(flush);
}

/** Exports what is still buffered (called on SIGTERM after the part has stopped); never throws. */
export async function flushTelemetry(): Promise<void> {
  await Promise.all(flushers.map((flush) => flush().catch(() => undefined)));
}
