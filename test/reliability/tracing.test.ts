import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { eventually } from '@reglament/shared/testing';
import { adminToken, seedCustomer, type SeededCustomer } from '../../gateway/test/support/seed';
import { wsClient } from '../../gateway/test/support/gateways';
import { mintToken, subscribe, TestSystem } from '../support/system';

/**
 * Issue 20, "signals an operator expects": one registration can be followed across the parts.
 * The test registers what the OpenTelemetry SDK registers in production (a tracer provider, the
 * async-local context and the W3C propagator), here recording in memory instead of exporting over
 * OTLP; the parts run in this process but call each other over HTTP and NATS as when apart.
 */
describe('traces: one registration followed from the gateway to the SLA timer and the push', () => {
  const exporter = new InMemorySpanExporter();
  let sys: TestSystem;
  let customer: SeededCustomer;
  let dispatcher: string;

  beforeAll(async () => {
    trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    sys = await TestSystem.start();
    const admin = await adminToken();
    dispatcher = await mintToken({ sub: '00000000-0000-7000-8000-0000000000d1', role: 'DISPATCHER' });
    await sys.ok(`mutation { setClock(at: "2025-03-03T10:00:00+03:00") }`, {}, admin);
    customer = await seedCustomer(sys, admin, 'Traced');
  });
  afterAll(async () => {
    await sys?.stop();
    trace.disable();
    context.disable();
    propagation.disable();
  });

  it('puts the subgraph call, the SLA consumer and the subscription push into the trace of the request', async () => {
    const probe = wsClient(sys.url, { authorization: `Bearer ${dispatcher}` });
    const wall = subscribe<{ slaChanged: { type: string; ticketId: string } }>(
      probe.client,
      `subscription { slaChanged { type ticketId } }`,
    );
    await eventually(() => sys.system.gateway.hub.subscriberCount === 1);
    exporter.reset();

    const ticket = await eventually(async () => {
      const response = await sys.gql<{ registerTicket: { id: string } }>(
        `mutation($c: ID!) { registerTicket(input: { contractId: $c, channel: PORTAL, title: "Traced", description: "Follow me" }) { id } }`,
        { c: customer.contractId },
        customer.token,
      );
      return response.data?.registerTicket ?? null;
    });
    await eventually(() =>
      wall.received.find((r) => r.data?.slaChanged.ticketId === ticket.id && r.data.slaChanged.type === 'STARTED'),
    );

    const spans = await eventually(() => {
      const all = exporter.getFinishedSpans();
      return all.some((s) => s.name === 'slaChanged push') ? all : null;
    });
    const byId = new Map(spans.map((s) => [s.spanContext().spanId, s]));
    const parentOf = (span: ReadableSpan) => byId.get(span.parentSpanContext?.spanId ?? '');
    const chainOf = (span: ReadableSpan): string[] => {
      const names: string[] = [];
      for (let at: ReadableSpan | undefined = span; at; at = parentOf(at)) names.unshift(at.name);
      return names;
    };

    // The registration through the gateway: Apollo's gateway spans, then the tickets subgraph's.
    const tickets = spans.find((s) => s.name === 'tickets /graphql');
    expect(tickets).toBeDefined();
    const trail = chainOf(tickets!);
    expect(trail[0]).toBe('gateway.request');
    expect(trail).toContain('gateway.fetch');

    // The SLA service applied tickets.ticket.registered in a consumer span, child of the tickets span.
    const slaConsumer = spans.find(
      (s) =>
        s.name === 'tickets.ticket.registered process' &&
        s.attributes['messaging.consumer.group.name'] === 'sla-on-tickets',
    );
    expect(slaConsumer).toBeDefined();
    expect(parentOf(slaConsumer!)).toBe(tickets);

    // The STARTED push on the wallboard: child of the SLA span that emitted the timer event.
    const push = spans.find(
      (s) => s.name === 'slaChanged push' && String(s.attributes['messaging.destination.name']).startsWith('sla.'),
    );
    expect(push).toBeDefined();
    expect(parentOf(push!)).toBe(slaConsumer);

    // One trace from the request to the push.
    const traceId = tickets!.spanContext().traceId;
    expect([slaConsumer!, push!].map((s) => s.spanContext().traceId)).toEqual([traceId, traceId]);
    await probe.client.dispose();
  });
});
