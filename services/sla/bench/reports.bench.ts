/**
 * SLA report benchmark (issue 19): a year of 100,000 tickets' clocks seeded directly in PostgreSQL,
 * then `slaReport` and `breaches` timed as the service answers them (the application call and the
 * GraphQL request), staff over the whole portfolio and a customer over its own organization.
 * Real PostgreSQL and NATS (TEST_DATABASE_URL / TEST_NATS_URL or the local defaults).
 *   pnpm --filter @reglament/sla bench:reports [tickets=100000] [rounds=7]
 */
import { type Caller, newId, signCaller } from '@reglament/shared/domain';
import { closePlatform, createPlatform } from '@reglament/shared/platform';
import { createTestDatabase, createTestNats, TEST_SECRET } from '@reglament/shared/testing';
import { Client } from 'pg';
import { startSla } from '../src/app';
import type { ReportGrouping } from '../src/application/reports';

const TICKETS = Number(process.argv[2] ?? 100_000);
const ROUNDS = Number(process.argv[3] ?? 7);
const ORGANIZATIONS = 50;
const CONTRACTS_PER_ORG = 4;

async function main(): Promise<void> {
  const db = await createTestDatabase();
  const nats = createTestNats();
  const platform = await createPlatform({
    name: 'sla',
    natsUrl: nats.url,
    eventPrefix: nats.prefix,
    internalSecret: TEST_SECRET,
    testClock: false,
    logLevel: 'silent',
  });
  const sla = await startSla(platform, { port: 0, databaseUrl: db.url, dataDir: '.data/unused' });
  const pg = new Client({ connectionString: db.url });
  await pg.connect();
  await pg.query('SET search_path TO sla');
  const orgs = Array.from({ length: ORGANIZATIONS }, () => newId());
  const contracts = orgs.flatMap((org) => Array.from({ length: CONTRACTS_PER_ORG }, () => [org, newId()] as const));
  try {
    const t0 = Date.now();
    // 100k tickets registered over 2025, each with a contract of its organization, a product, a class.
    await pg.query(
      `CREATE TEMP TABLE bench_tickets AS
       SELECT gen_random_uuid() AS ticket_id, (c->>0)::uuid AS organization_id, (c->>1)::uuid AS contract_id,
              (ARRAY['URGENT','HIGH','NORMAL','LOW'])[1 + floor(random() * 4)::int] AS priority,
              (ARRAY['ERROR','SUPPORT','IMPROVEMENT'])[1 + floor(random() * 3)::int] AS category,
              (ARRAY['ASMO','ERP','HR','BI'])[1 + floor(random() * 4)::int] AS product,
              timestamptz '2025-01-01' + random() * interval '365 days' AS registered_at
       FROM generate_series(1, $1) i, LATERAL (SELECT $2::jsonb -> ((i % $3)) AS c) pick`,
      [TICKETS, JSON.stringify(contracts), contracts.length],
    );
    await pg.query(
      // Assigned to one of 40 engineers (ENGINEER grouping), one in ten to nobody.
      `INSERT INTO sla_tickets (ticket_id, organization_id, contract_id, preset, product, closed, state, assignee_id)
       SELECT ticket_id, organization_id, contract_id, 'asmo', product, true, 'MET',
              CASE WHEN abs(hashtext(ticket_id::text)) % 10 = 0 THEN NULL
                   ELSE ('00000000-0000-7000-8000-' || lpad((abs(hashtext(ticket_id::text || 'e')) % 40)::text, 12, '0'))::uuid END
         FROM bench_tickets`,
    );
    // Per ticket: a provider reaction (120 working minutes) and resolution (480), and for one in
    // five a customer's clarification (2400); ~8 % breached, ~2 % still running (half past the warning).
    await pg.query(
      `INSERT INTO sla_timers (id, ticket_id, organization_id, contract_id, policy_id, metric, party, cycle, status,
                               category, priority, started_at, deadline, warn_at, warned, stopped_at, breached_at,
                               elapsed_minutes, remaining_minutes)
       SELECT gen_random_uuid(), t.ticket_id, t.organization_id, t.contract_id, 'asmo', m.metric, m.party, 1,
              s.status, t.category, t.priority, t.registered_at, t.registered_at + m.target * interval '2 minutes',
              t.registered_at + m.target * interval '1.5 minutes', s.status = 'RUNNING' AND random() < 0.5,
              CASE WHEN s.status = 'RUNNING' THEN NULL ELSE t.registered_at + s.used * interval '2 minutes' END,
              CASE WHEN s.status = 'BREACHED' THEN t.registered_at + m.target * interval '2 minutes' END,
              s.used, m.target - s.used
       FROM bench_tickets t
       CROSS JOIN LATERAL (VALUES ('REACTION', 'PROVIDER', 120), ('RESOLUTION', 'PROVIDER', 480),
                                  ('CLARIFICATION', 'CUSTOMER', 2400)) AS m(metric, party, target)
       CROSS JOIN LATERAL (SELECT CASE WHEN r < 0.08 THEN 'BREACHED' WHEN r < 0.10 THEN 'RUNNING' ELSE 'MET' END AS status,
                                  CASE WHEN r < 0.08 THEN m.target * (1 + r * 10) ELSE m.target * r2 END AS used
                           FROM (SELECT random() AS r, random() AS r2, t.ticket_id) x) s
       WHERE m.metric <> 'CLARIFICATION' OR hashtext(t.ticket_id::text) % 5 = 0`,
    );
    await pg.query('ANALYZE sla_timers; ANALYZE sla_tickets');
    const [{ n: timers }] = (await pg.query<{ n: number }>('SELECT count(*)::int AS n FROM sla_timers')).rows as [
      { n: number },
    ];
    console.log(`seeded ${TICKETS} tickets, ${timers} timers in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    const staff: Caller = { kind: 'user', id: newId(), role: 'DISPATCHER', organizationId: null, name: 'Manager' };
    const customer: Caller = {
      kind: 'user',
      id: newId(),
      role: 'CUSTOMER',
      organizationId: orgs[0]!,
      name: 'Customer',
    };
    const year = { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2026-01-01T00:00:00Z') };
    const time = async (fn: () => Promise<unknown>) => {
      await fn(); // warm-up
      const runs: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        const start = process.hrtime.bigint();
        await fn();
        runs.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
      runs.sort((a, b) => a - b);
      return { p50: runs[Math.floor(runs.length / 2)]!, max: runs.at(-1)! };
    };
    const cases: [string, () => Promise<unknown>][] = [];
    for (const groupBy of [
      null,
      'CONTRACT',
      'ORGANIZATION',
      'MONTH',
      'PRODUCT',
      'ENGINEER',
    ] as (ReportGrouping | null)[]) {
      cases.push([
        `slaReport staff, year, ${groupBy ?? 'ungrouped'}`,
        () => sla.app.reports.slaReport(staff, year, groupBy),
      ]);
    }
    cases.push([
      `slaReport customer (1 of ${ORGANIZATIONS} orgs), year, MONTH`,
      () => sla.app.reports.slaReport(customer, year, 'MONTH'),
    ]);
    cases.push([
      'slaReport staff, year, 10 contracts, URGENT+HIGH, CONTRACT',
      () =>
        sla.app.reports.slaReport(
          staff,
          { ...year, contractIds: contracts.slice(0, 10).map((c) => c[1]), priorities: ['URGENT', 'HIGH'] },
          'CONTRACT',
        ),
    ]);
    cases.push([
      'breaches staff, year, first 100 (with totalCount)',
      () => sla.app.reports.breaches(staff, year, 100, null),
    ]);
    cases.push(['breaches customer, year, first 100', () => sla.app.reports.breaches(customer, year, 100, null)]);
    cases.push([
      'GraphQL slaReport staff, year, MONTH (HTTP to the subgraph)',
      async () => {
        const response = await fetch(sla.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...signCaller(staff, TEST_SECRET) },
          body: JSON.stringify({
            query: `query($f: SlaReportFilter!) { slaReport(filter: $f, groupBy: MONTH) { group metric party started met breached medianUsedMinutes } }`,
            variables: { f: { from: year.from.toISOString(), to: year.to.toISOString() } },
          }),
        });
        const body = (await response.json()) as { errors?: unknown };
        if (body.errors) throw new Error(JSON.stringify(body.errors));
      },
    ]);
    console.log('| query | p50 ms | max ms |\n| --- | ---: | ---: |');
    for (const [name, fn] of cases) {
      const { p50, max } = await time(fn);
      console.log(`| ${name} | ${p50.toFixed(0)} | ${max.toFixed(0)} |`);
    }
  } finally {
    await pg.end();
    await sla.stop();
    await closePlatform(platform);
    await nats.destroy();
    await db.drop();
  }
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
