import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Distinct operation names kept as labels; beyond this, "other" (clients choose names: bound the series). */
const MAX_OPERATION_LABELS = 200;

/**
 * The gateway's Prometheus metrics (GET /metrics). One registry per gateway instance, so two
 * gateways in one process (tests) do not share counters.
 */
export class GatewayMetrics {
  readonly registry = new Registry();
  readonly requests: Counter<'operation' | 'type' | 'outcome'>;
  readonly latency: Histogram<'operation' | 'type'>;
  readonly refused: Counter<'reason'>;
  readonly subscriptionsOpen: Gauge;
  readonly subscriptionGroups: Gauge;
  readonly connectionsOpen: Gauge;
  readonly eventsReceived: Counter<'domain'>;
  readonly executions: Counter;
  readonly federatedQueries: Counter;
  readonly fannedOut: Counter;
  readonly dropped: Counter;
  readonly analysisSteps: Histogram;
  private readonly operationLabels = new Set<string>();

  constructor(probes: { subscriptions: () => number; groups: () => number; connections: () => number }) {
    const registers = [this.registry];
    this.requests = new Counter({
      name: 'reglament_gateway_requests_total',
      help: 'GraphQL operations served, by operation name, type and outcome (ok, error)',
      labelNames: ['operation', 'type', 'outcome'],
      registers,
    });
    this.latency = new Histogram({
      name: 'reglament_gateway_request_duration_seconds',
      help: 'Time to answer a GraphQL operation, by operation name',
      labelNames: ['operation', 'type'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.refused = new Counter({
      name: 'reglament_gateway_refused_total',
      help: 'Requests refused at the door, by reason (unauthenticated, rate_limited, in_flight, too_large, response_too_large, not_trusted)',
      labelNames: ['reason'],
      registers,
    });
    this.subscriptionsOpen = new Gauge({
      name: 'reglament_gateway_subscriptions_open',
      help: 'Active graphql-ws subscriptions',
      registers,
      collect() {
        this.set(probes.subscriptions());
      },
    });
    this.subscriptionGroups = new Gauge({
      name: 'reglament_gateway_subscription_groups',
      help: 'Distinct (selection, scope) groups; each resolves an event once for all its subscribers',
      registers,
      collect() {
        this.set(probes.groups());
      },
    });
    this.connectionsOpen = new Gauge({
      name: 'reglament_gateway_ws_connections_open',
      help: 'Open graphql-ws connections',
      registers,
      collect() {
        this.set(probes.connections());
      },
    });
    this.eventsReceived = new Counter({
      name: 'reglament_gateway_events_received_total',
      help: 'Events received from the bus for subscriptions, by domain',
      labelNames: ['domain'],
      registers,
    });
    this.executions = new Counter({
      name: 'reglament_gateway_subscription_executions_total',
      help: 'Supergraph executions for subscriptions (one per event and group touched, not per subscriber)',
      registers,
    });
    this.federatedQueries = new Counter({
      name: 'reglament_gateway_subscription_federated_queries_total',
      help: 'Federated queries sent to resolve subscription payload fields (at most one per execution)',
      registers,
    });
    this.fannedOut = new Counter({
      name: 'reglament_gateway_events_fanned_out_total',
      help: 'Subscription results handed to subscribers',
      registers,
    });
    this.dropped = new Counter({
      name: 'reglament_gateway_subscription_results_dropped_total',
      help: 'Results dropped or replaced by a newer one because a subscriber was too slow',
      registers,
    });
    this.analysisSteps = new Histogram({
      name: 'reglament_gateway_operation_analysis_steps',
      help: "Selections the guard visited to measure an operation's depth and cost (linear in the document)",
      buckets: [10, 100, 1_000, 10_000, 100_000],
      registers,
    });
  }

  /** Operation names as labels, at most MAX_OPERATION_LABELS of them. */
  operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (this.operationLabels.has(name)) return name;
    if (this.operationLabels.size >= MAX_OPERATION_LABELS) return 'other';
    this.operationLabels.add(name);
    return name;
  }

  observe(operation: string | null | undefined, type: string, outcome: 'ok' | 'error', seconds: number): void {
    const label = this.operationLabel(operation);
    this.requests.inc({ operation: label, type, outcome });
    this.latency.observe({ operation: label, type }, seconds);
  }
}
