import { TestSystem } from '../support/system';

/** GET /metrics on every part (docs/operations.md "Signals"): the series an operator's dashboards and alerts read. */
describe('/metrics on every part', () => {
  let sys: TestSystem;

  beforeAll(async () => {
    sys = await TestSystem.start();
  });
  afterAll(async () => {
    await sys?.stop();
  });

  const scrape = async (graphqlUrl: string) => {
    const answer = await fetch(graphqlUrl.replace('/graphql', '/metrics'));
    expect(answer.status).toBe(200);
    return answer.text();
  };

  it.each(['tickets', 'sla', 'contracts', 'notifications'] as const)(
    '%s: consumer lag per stream, outbox backlog and age, parked events, DB pool, Node defaults without prefix',
    async (part) => {
      const text = await scrape(sys.system.services[part].url);
      expect(text).toMatch(/^reglament_outbox_backlog_events \d+$/m);
      expect(text).toMatch(/^reglament_outbox_oldest_age_seconds [\d.]+$/m);
      expect(text).toContain('# TYPE reglament_parked_events gauge');
      expect(text).toContain('# TYPE reglament_events_parked_total counter');
      expect(text).toContain('# TYPE reglament_rows_pruned_total counter');
      expect(text).toMatch(/^reglament_db_pool_connections\{state="idle"\} \d+$/m);
      // Stock dashboards: the Node default metrics under their own names.
      expect(text).toMatch(/^process_cpu_user_seconds_total [\d.]+$/m);
      expect(text).toMatch(/^nodejs_eventloop_lag_seconds [\d.e-]+$/m);
    },
  );

  it('reports each durable consumer’s lag by stream', async () => {
    const sla = await scrape(sys.system.services.sla.url);
    expect(sla).toMatch(/^reglament_consumer_lag_events\{consumer="sla-on-tickets",stream="tickets"\} \d+$/m);
    expect(sla).toMatch(/^reglament_consumer_lag_events\{consumer="sla-on-contracts",stream="contracts"\} \d+$/m);
  });

  it('the SLA part adds its scheduler due backlog and lateness', async () => {
    const sla = await scrape(sys.system.services.sla.url);
    expect(sla).toMatch(/^reglament_sla_scheduler_due_backlog 0$/m);
    expect(sla).toMatch(/^reglament_sla_scheduler_lateness_seconds 0$/m);
  });

  it('the gateway’s Node defaults carry no product prefix either', async () => {
    const gateway = await scrape(sys.url);
    expect(gateway).toMatch(/^process_cpu_user_seconds_total [\d.]+$/m);
    expect(gateway).not.toContain('reglament_gateway_process_');
  });
});
