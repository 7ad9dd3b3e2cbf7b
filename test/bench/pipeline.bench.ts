/**
 * The registration pipeline through the gateway, every part its own process on real PostgreSQL
 * and NATS (as `startDistributed` runs them in the fault tests), all on this machine with the
 * load generator (not a test: figures, no assertions):
 *   pnpm bench:pipeline
 * 1. Open loop at RATE registrations/s for SECONDS: the mutation's latency, and from its answer
 *    to the `slaChanged` STARTED push of that ticket on a staff subscriber (SLA, notifications
 *    and the tickets' consumers all running).
 * 2. Closed loop with CONCURRENCY requests in flight for SECONDS: registrations per second, then
 *    `acknowledgeTicket` on the tickets just registered.
 * 3. The bare SQL of what one registration writes in the tickets database (the rows a real
 *    registration wrote, copied with new keys, into the same tables with the same indexes and
 *    commit settings) through `pg` at the same concurrency: what the database alone can do.
 * Prints a table, then one JSON line with every figure.
 * Options (environment): RATE (300), SECONDS (20), CONCURRENCY (32), ORGANIZATIONS (20),
 * PART_NODE_ARGS / GATEWAY_NODE_ARGS (node options of the services / the gateway, e.g.
 * "--cpu-prof --cpu-prof-dir=/tmp/prof").
 */
import { performance } from 'node:perf_hooks';
import { createTestDatabase, createTestNats } from '@reglament/shared/testing';
import { createClient } from 'graphql-ws';
import { Client as PgClient, Pool } from 'pg';
import { Pool as HttpPool } from 'undici';
import WebSocket from 'ws';
import { startDistributed } from '../support/processes';
import { Seed, type SeededCustomer } from '../support/seed';
import { gatewayAt, mintToken } from '../support/system';

const RATE = Number(process.env.RATE ?? 300);
const SECONDS = Number(process.env.SECONDS ?? 20);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 32);
const ORGANIZATIONS = Number(process.env.ORGANIZATIONS ?? 20);
const DISPATCHER_ID = '00000000-0000-7000-8000-0000000000d1';

const REGISTER = `mutation Register($c: ID!, $t: String!) {
  registerTicket(input: { contractId: $c, channel: PORTAL, title: $t, description: "Pipeline benchmark" }) { id } }`;
const ACKNOWLEDGE = `mutation Ack($id: ID!) { acknowledgeTicket(id: $id) { id status } }`;

interface Answer {
  ms: number;
  answeredAt: number;
  id: string | null;
  error: string | null;
}

/** Says on stderr how many answers of a phase were refusals, and the first one. */
function report(phase: string, answers: Answer[]): void {
  const failed = answers.filter((a) => a.error);
  process.stderr.write(
    `  ${phase}: ${answers.length} answers, ${failed.length} errors${failed.length ? ` (first: ${failed[0]!.error})` : ''}\n`,
  );
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const round = (n: number) => Math.round(n * 10) / 10;

async function main(): Promise<void> {
  const db = await createTestDatabase();
  const nats = createTestNats();
  const partArgs = (process.env.PART_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const gatewayArgs = (process.env.GATEWAY_NODE_ARGS ?? '').split(' ').filter(Boolean);
  process.stderr.write('starting the parts...\n');
  const system = await startDistributed({
    databaseUrl: db.url,
    natsUrl: nats.url,
    eventPrefix: nats.prefix,
    nodeArgs: { tickets: partArgs, sla: partArgs, contracts: partArgs, notifications: partArgs, gateway: gatewayArgs },
    env: {
      gateway: {
        RATE_LIMIT_PER_MINUTE: '1000000',
        RATE_LIMIT_BURST: '1000000',
        MAX_IN_FLIGHT_PER_CALLER: '10000',
      },
    },
  });
  const http = new HttpPool(new URL(system.url).origin, { connections: Math.max(CONCURRENCY, 64), pipelining: 1 });
  const ws = createClient({
    url: system.url.replace('http', 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${await mintToken({ sub: DISPATCHER_ID, role: 'DISPATCHER' })}` },
  });
  let stopped = false;
  try {
    process.stderr.write(`seeding ${ORGANIZATIONS} organizations...\n`);
    const seed = await Seed.on(gatewayAt(system.url));
    const customers: SeededCustomer[] = [];
    for (let i = 0; i < ORGANIZATIONS; i++)
      customers.push(
        await seed.customer({ preset: 'imc-typical', contract: { startsOn: '2025-01-01', endsOn: '2035-12-31' } }),
      );
    const dispatcher = await mintToken({ sub: DISPATCHER_ID, role: 'DISPATCHER' });

    const started = new Map<string, number>();
    await new Promise<void>((resolve, reject) => {
      ws.subscribe<{ slaChanged: { type: string; ticketId: string } }>(
        { query: 'subscription { slaChanged { type ticketId } }' },
        {
          next: (value) => {
            const change = value.data?.slaChanged;
            if (change?.type === 'STARTED' && !started.has(change.ticketId))
              started.set(change.ticketId, performance.now());
          },
          error: reject,
          complete: () => undefined,
        },
      );
      ws.on('connected', () => setTimeout(resolve, 500));
    });

    let sequence = 0;
    const send = async (query: string, variables: Record<string, unknown>, token: string): Promise<Answer> => {
      const t0 = performance.now();
      try {
        const response = await http.request({
          path: '/graphql',
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query, variables }),
        });
        const body = (await response.body.json()) as {
          data?: Record<string, { id: string } | null>;
          errors?: { message: string }[];
        };
        const answeredAt = performance.now();
        const value = body.data ? Object.values(body.data)[0] : null;
        return {
          ms: answeredAt - t0,
          answeredAt,
          id: value?.id ?? null,
          error: body.errors?.length ? body.errors[0]!.message : null,
        };
      } catch (error) {
        return { ms: performance.now() - t0, answeredAt: performance.now(), id: null, error: String(error) };
      }
    };
    const register = () => {
      const customer = customers[sequence++ % customers.length]!;
      return send(REGISTER, { c: customer.contractId, t: `Pipeline ${sequence}` }, customer.token);
    };

    process.stderr.write('warming up...\n');
    await Promise.all(Array.from({ length: 200 }, register));

    // 1. Open loop: a registration every 1/RATE s, whatever the answers do.
    process.stderr.write(`open loop: ${RATE}/s for ${SECONDS} s\n`);
    const open: Promise<Answer>[] = [];
    const openStart = performance.now();
    await new Promise<void>((resolve) => {
      const tick = setInterval(() => {
        const due = Math.floor(((performance.now() - openStart) / 1000) * RATE);
        while (open.length < Math.min(due, RATE * SECONDS)) open.push(register());
        if (open.length >= RATE * SECONDS) {
          clearInterval(tick);
          resolve();
        }
      }, 5);
    });
    const openAnswers = await Promise.all(open);
    report('open loop', openAnswers);
    const openSeconds = (Math.max(...openAnswers.map((a) => a.answeredAt)) - openStart) / 1000;
    // Every STARTED push of the open loop's tickets, waited for up to 60 s.
    const openIds = openAnswers.flatMap((a) => (a.id ? [a.id] : []));
    const waitUntil = performance.now() + 60_000;
    while (openIds.some((id) => !started.has(id)) && performance.now() < waitUntil) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const answeredIn = openAnswers.map((a) => a.ms).sort((a, b) => a - b);
    const pushIn = openAnswers
      .flatMap((a) => (a.id && started.has(a.id) ? [started.get(a.id)! - a.answeredAt] : []))
      .sort((a, b) => a - b);

    // 2. Closed loop: CONCURRENCY in flight, as fast as the pipeline answers.
    const closedLoop = async (job: (i: number) => Promise<Answer>, count: number | null) => {
      const answers: Answer[] = [];
      const t0 = performance.now();
      let next = 0;
      const deadline = t0 + SECONDS * 1000;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (count === null ? performance.now() < deadline : next < count) {
            answers.push(await job(next++));
          }
        }),
      );
      const seconds = (performance.now() - t0) / 1000;
      const ms = answers.map((a) => a.ms).sort((a, b) => a - b);
      return { answers, perSecond: answers.length / seconds, p50: percentile(ms, 50), p99: percentile(ms, 99) };
    };
    process.stderr.write(`closed loop: ${CONCURRENCY} in flight for ${SECONDS} s\n`);
    const closed = await closedLoop(() => register(), null);
    report('closed loop', closed.answers);
    const fresh = closed.answers.flatMap((a) => (a.id ? [a.id] : []));
    process.stderr.write(`acknowledging ${fresh.length} tickets\n`);
    const acknowledged = await closedLoop((i) => send(ACKNOWLEDGE, { id: fresh[i] }, dispatcher), fresh.length);

    // 3. The bare SQL of one registration, with the parts stopped (their relays would otherwise
    // publish the copied outbox rows beside it).
    await ws.dispose();
    await http.close();
    await system.stop();
    stopped = true;
    process.stderr.write('the bare SQL of one registration\n');
    const rawSql = await bareRegistrationSql(db.url, openIds[0]!, SECONDS);

    const errors = (answers: Answer[]) => answers.filter((a) => a.error).length;
    const figures = {
      registerOpenRate: RATE,
      registerOpenAchievedPerSec: round(openAnswers.length / openSeconds),
      registerP50Ms: round(percentile(answeredIn, 50)),
      registerP99Ms: round(percentile(answeredIn, 99)),
      pipelineP50Ms: round(percentile(pushIn, 50)),
      pipelineP99Ms: round(percentile(pushIn, 99)),
      pushesMissing: openIds.length - pushIn.length,
      registerPerSec: round(closed.perSecond),
      registerClosedP50Ms: round(closed.p50),
      registerClosedP99Ms: round(closed.p99),
      acknowledgePerSec: round(acknowledged.perSecond),
      acknowledgeP99Ms: round(acknowledged.p99),
      rawSqlRegisterPerSec: round(rawSql.perSecond),
      rawSqlP99Ms: round(rawSql.p99),
      errors: errors(openAnswers) + errors(closed.answers) + errors(acknowledged.answers),
    };
    const firstError = [...openAnswers, ...closed.answers, ...acknowledged.answers].find((a) => a.error)?.error;
    const rows = [
      ['measure', 'figure'],
      [`registerTicket, open loop at ${RATE}/s: achieved`, `${figures.registerOpenAchievedPerSec}/s`],
      ['  mutation p50 / p99', `${figures.registerP50Ms} / ${figures.registerP99Ms} ms`],
      ['  answer -> slaChanged STARTED p50 / p99', `${figures.pipelineP50Ms} / ${figures.pipelineP99Ms} ms`],
      [`registerTicket, closed loop (${CONCURRENCY} in flight)`, `${figures.registerPerSec}/s`],
      ['  p50 / p99', `${figures.registerClosedP50Ms} / ${figures.registerClosedP99Ms} ms`],
      [`acknowledgeTicket, closed loop (${CONCURRENCY})`, `${figures.acknowledgePerSec}/s`],
      [`bare SQL of a registration (${CONCURRENCY} connections)`, `${figures.rawSqlRegisterPerSec}/s`],
      [
        'registerTicket as a share of the bare SQL',
        `${Math.round((100 * figures.registerPerSec) / figures.rawSqlRegisterPerSec)} %`,
      ],
      ['errors', `${figures.errors}${firstError ? ` (first: ${firstError})` : ''}`],
    ];
    process.stdout.write(`\n${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}\n\n${JSON.stringify(figures)}\n`);
  } finally {
    if (!stopped) {
      await ws.dispose();
      await http.close();
      await system.stop();
    }
    await db.drop();
    await nats.destroy();
  }
}

/**
 * What one registration wrote in the tickets database (found by the table statistics around one
 * more registration... here simply: every row of the tickets schema that carries the sample
 * ticket's id or number, plus the counter and the outbox row of its event), replayed with new
 * keys by `pg` with CONCURRENCY connections for `seconds`.
 */
async function bareRegistrationSql(databaseUrl: string, ticketId: string, seconds: number) {
  const probe = new PgClient({ connectionString: databaseUrl });
  await probe.connect();
  const sample = async (sql: string) => ((await probe.query(sql, [ticketId])).rows[0] as { row: object }).row;
  const schema = 'tickets';
  const ticket = await sample(`SELECT row_to_json(t) AS row FROM ${schema}.tickets t WHERE id = $1`);
  const history = await sample(`SELECT row_to_json(h) AS row FROM ${schema}.ticket_history h WHERE ticket_id = $1`);
  const outbox = (await sample(
    `SELECT row_to_json(o) AS row FROM ${schema}.outbox o WHERE o.event_id = (SELECT event_id FROM ${schema}.ticket_history WHERE ticket_id = $1 LIMIT 1)`,
  )) as { type: string; payload: object };
  await probe.end();
  const setup = new PgClient({ connectionString: databaseUrl });
  await setup.connect();
  await setup.query(`CREATE SEQUENCE IF NOT EXISTS ${schema}.ticket_number_1999 AS integer`);
  await setup.end();
  const pool = new Pool({ connectionString: databaseUrl, max: CONCURRENCY });
  pool.on('error', () => undefined);
  let n = 0;
  const one = async () => {
    const i = n++;
    const client = await pool.connect();
    try {
      const id = crypto.randomUUID();
      const eventId = crypto.randomUUID();
      await client.query('BEGIN');
      const counter = await client.query(`SELECT nextval('${schema}.ticket_number_1999') AS value`);
      const number = `B-1999-${String(counter.rows[0].value)}`;
      await client.query(
        `INSERT INTO ${schema}.tickets SELECT * FROM json_populate_record(NULL::${schema}.tickets, $1)`,
        [{ ...ticket, id, number, title: `Raw ${i}` }],
      );
      await client.query(
        `INSERT INTO ${schema}.ticket_history SELECT * FROM json_populate_record(NULL::${schema}.ticket_history, $1)`,
        [{ ...history, id: crypto.randomUUID(), ticket_id: id, event_id: eventId }],
      );
      await client.query(`INSERT INTO ${schema}.outbox (event_id, type, payload) VALUES ($1, $2, $3)`, [
        eventId,
        outbox.type,
        outbox.payload,
      ]);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  };
  const latencies: number[] = [];
  const t0 = performance.now();
  const deadline = t0 + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) {
        const s = performance.now();
        await one();
        latencies.push(performance.now() - s);
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  await pool.end();
  latencies.sort((a, b) => a - b);
  return { perSecond: latencies.length / elapsed, p99: percentile(latencies, 99) };
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
