import {
  consumerAckStates,
  createTestDatabase,
  createTestNats,
  eventually,
  type TestDatabase,
  type TestNats,
} from '@reglament/shared/testing';
import { Client } from 'pg';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { type DistributedSystem, post, startDistributed } from '../support/processes';
import { mintToken, subscribe } from '../support/system';

const ADMIN = '00000000-0000-7000-8000-000000000001';
const DISPATCHER = '00000000-0000-7000-8000-0000000000d1';
const SERVICES = ['tickets', 'sla', 'contracts', 'notifications'] as const;

/**
 * Issue 20's faults with every part its own process on real PostgreSQL and NATS (loopback only):
 * what the README's Guarantees promise, shown with processes killed as an operator or a crash
 * would kill them.
 */
describe('faults in the distributed mode: each part its own process', () => {
  let db: TestDatabase;
  let nats: TestNats;
  let sys: DistributedSystem;
  let admin: string;
  let dispatcher: string;
  let customer: { token: string; contractId: string };
  let pg: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    nats = createTestNats();
    sys = await startDistributed({ databaseUrl: db.url, natsUrl: nats.url, eventPrefix: nats.prefix });
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    admin = await mintToken({ sub: ADMIN, role: 'ADMIN' });
    dispatcher = await mintToken({ sub: DISPATCHER, role: 'DISPATCHER' });
    const ok = async <T>(query: string, variables: Record<string, unknown>) => {
      const answer = await post<T>(sys.url, query, variables, admin);
      if (answer.errors) throw new Error(JSON.stringify(answer.errors));
      return answer.data!;
    };
    // Monday 3 March 2025, 10:00 Moscow: a working hour of imc-typical's calendar.
    await ok(`mutation { setClock(at: "2025-03-03T07:00:00Z") }`, {});
    const { createOrganization: org } = await ok<{ createOrganization: { id: string } }>(
      `mutation { createOrganization(input: { name: "Faulty Co", email: "it@faulty.example" }) { id } }`,
      {},
    );
    const { createContract: contract } = await ok<{ createContract: { id: string } }>(
      `mutation($o: ID!) { createContract(input: { organizationId: $o, number: "F-1", preset: "imc-typical",
         startsOn: "2025-01-01", endsOn: "2025-12-31" }) { id } }`,
      { o: org.id },
    );
    const { addContact: contact } = await ok<{ addContact: { id: string } }>(
      `mutation($o: ID!) { addContact(input: { organizationId: $o, fullName: "Fedor Faultin", email: "fedor@faulty.example" }) { id } }`,
      { o: org.id },
    );
    customer = {
      token: await mintToken({ sub: contact.id, role: 'CUSTOMER', org: org.id }),
      contractId: contract.id,
    };
  }, 300_000);
  afterAll(async () => {
    await pg?.end();
    await sys?.stop();
    await db?.drop();
    await nats?.destroy();
  });

  /** Registers `count` tickets through `url`, `parallel` at a time; `after(n)` runs once n answers came. */
  async function registerMany(url: string, count: number, parallel: number, after: Record<number, () => void> = {}) {
    const ids: string[] = [];
    const refusals: unknown[] = [];
    let next = 0;
    const worker = async () => {
      while (next < count) {
        const i = next++;
        const answer = await post<{ registerTicket: { id: string } }>(
          url,
          `mutation($c: ID!, $t: String!) { registerTicket(input: { contractId: $c, channel: PORTAL, title: $t,
             description: "Posting fails" }) { id } }`,
          { c: customer.contractId, t: `Fault ${i}` },
          customer.token,
        );
        if (answer.data?.registerTicket) ids.push(answer.data.registerTicket.id);
        else refusals.push(answer.errors);
        after[ids.length]?.();
      }
    };
    await Promise.all(Array.from({ length: parallel }, worker));
    return { ids, refusals };
  }

  it('kill -9 of the SLA service during 500 registrations: every ticket gets its clock once, and the wallboard sees each start once', async () => {
    // Tickets learns the contract and the contact from events: wait until it registers.
    await eventually(async () => (await registerMany(sys.url, 1, 1)).ids[0], { timeoutMs: 60_000 });
    const client = createClient({
      url: sys.url.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${dispatcher}` },
      retryAttempts: 0,
    });
    const wall = subscribe<{ slaChanged: { type: string; ticketId: string } }>(
      client,
      `subscription { slaChanged { type ticketId } }`,
    );
    await new Promise((resolve) => setTimeout(resolve, 500));

    const sla = sys.sets[0]!.parts.sla;
    let restarted: Promise<void> = Promise.resolve();
    const { ids, refusals } = await registerMany(sys.url, 500, 8, {
      // A crash in the middle of the burst (no graceful stop: what it was handed is unacknowledged)...
      150: () => void sla.stop('SIGKILL'),
      // ...and back while the burst goes on.
      300: () => (restarted = sla.start()),
    });
    await restarted;
    // Registration never waits on the SLA service: all 500 answered.
    expect(refusals).toEqual([]);
    expect(ids).toHaveLength(500);

    // imc-typical starts one clock at registration, ANALYSIS (docs/domain.md R-SLA-4): 500 rows, one per ticket.
    const timers = await eventually(
      async () => {
        const { rows } = await pg.query<{ ticket_id: string; metric: string }>(
          'SELECT ticket_id, metric FROM sla.sla_timers WHERE ticket_id = ANY($1::uuid[])',
          [ids],
        );
        return rows.length >= 500 ? rows : null;
      },
      { timeoutMs: 120_000, message: 'not every ticket got its clock after the SLA service came back' },
    );
    expect(timers).toHaveLength(500);
    expect(new Set(timers.map((t) => t.ticket_id)).size).toBe(500);
    expect(new Set(timers.map((t) => t.metric))).toEqual(new Set(['ANALYSIS']));

    // The wallboard saw exactly one STARTED per ticket: none lost in the crash, none twice.
    const started = await eventually(
      () => {
        const seen = wall.received.filter(
          (r) => r.data?.slaChanged.type === 'STARTED' && ids.includes(r.data.slaChanged.ticketId),
        );
        return seen.length >= 500 ? seen : null;
      },
      { timeoutMs: 60_000, message: `the wallboard saw ${wall.received.length} changes` },
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // a late duplicate would arrive now
    const perTicket = new Map<string, number>();
    for (const r of wall.received) {
      if (r.data?.slaChanged.type !== 'STARTED') continue;
      perTicket.set(r.data.slaChanged.ticketId, (perTicket.get(r.data.slaChanged.ticketId) ?? 0) + 1);
    }
    expect(started.length).toBe(500);
    expect(ids.filter((id) => perTicket.get(id) !== 1)).toEqual([]);
    await client.dispose();
  }, 300_000);

  // Last: it stops the system. As an orchestrator stopping a whole deployment does.
  it('SIGTERM to every part at once under traffic: in-flight requests finish, the relays publish what is committed, consumers acknowledge what they applied', async () => {
    const register = (title: string) =>
      post<{ registerTicket: { id: string } }>(
        sys.url,
        `mutation($c: ID!, $t: String!) { registerTicket(input: { contractId: $c, channel: PORTAL, title: $t,
           description: "Posting fails" }) { id } }`,
        { c: customer.contractId, t: title },
        customer.token,
      );
    const { parts, gateway } = sys.sets[0]!;
    const processes = [gateway, ...SERVICES.map((s) => parts[s])];

    // 6 clients register without pause until the gateway no longer takes connections; after 60
    // answers every part gets SIGTERM at the same moment.
    const ids: string[] = [];
    const unexpected: unknown[] = [];
    /** Refused before they ran (retryable): a client sends them again. */
    const refused: string[] = [];
    /**
     * Cut where a listener closed under them (the connection was reset, or the gateway's call to
     * a part was): a client must check whether they took effect before sending them again.
     */
    const inDoubt: { title: string; sentBeforeSignal: boolean; why: string }[] = [];
    let inFlight = 0;
    let inFlightAtSignal = -1;
    let finishedAcrossSignal = 0;
    let answeredAfterSignal = 0;
    let stopped: Promise<(number | null)[]> | null = null;
    let closed = false;
    let next = 0;
    const worker = async () => {
      while (!closed) {
        const sentBeforeSignal = stopped === null;
        const title = `Stop ${next++}`;
        inFlight++;
        let answer: Awaited<ReturnType<typeof register>>;
        try {
          answer = await register(title);
        } catch (error) {
          inFlight--;
          const code = (error as { cause?: { code?: string } }).cause?.code ?? String(error);
          // The gateway's listener is closed: nothing was sent.
          if (code === 'ECONNREFUSED' && stopped !== null) closed = true;
          else if (stopped !== null) inDoubt.push({ title, sentBeforeSignal, why: code });
          else unexpected.push({ title, code });
          continue;
        }
        inFlight--;
        if (stopped !== null) {
          answeredAfterSignal++;
          if (sentBeforeSignal) finishedAcrossSignal++;
        }
        const unavailable = (retryable: boolean) =>
          answer.errors?.every(
            (e) => e.extensions?.['code'] === 'SERVICE_UNAVAILABLE' && e.extensions?.['retryable'] === retryable,
          );
        if (answer.data?.registerTicket) ids.push(answer.data.registerTicket.id);
        else if (unavailable(true)) refused.push(title);
        else if (unavailable(false) && stopped !== null)
          inDoubt.push({ title, sentBeforeSignal, why: 'SERVICE_UNAVAILABLE retryable: false' });
        else unexpected.push(answer);
        if (ids.length >= 60 && stopped === null) {
          inFlightAtSignal = inFlight;
          stopped = Promise.all(processes.map((p) => p.stop('SIGTERM')));
        }
      }
    };
    await Promise.all(Array.from({ length: 6 }, worker));
    const codes = await stopped!;

    // Every part stopped gracefully (exit 0, within the 20 s forced-exit bound).
    expect(codes).toEqual([0, 0, 0, 0, 0]);
    expect(unexpected).toEqual([]);
    // The signal met requests on their way, and each of them got its answer: none of them is in
    // doubt. Doubt is possible only for a request sent after the signal, in the instant a
    // listener closed under it (the kernel resets connections not yet accepted).
    expect(inFlightAtSignal).toBeGreaterThan(0);
    expect(finishedAcrossSignal).toBeGreaterThanOrEqual(inFlightAtSignal);
    expect(inDoubt.filter((d) => d.sentBeforeSignal)).toEqual([]);

    // Every answered registration is stored; nothing refused or in doubt is (they never ran):
    // nothing is stored that was not answered.
    const { rows: stored } = await pg.query<{ id: string; title: string }>(
      `SELECT id, title FROM tickets.tickets WHERE title LIKE 'Stop %'`,
    );
    const answered = new Set(ids);
    expect(ids.filter((id) => !stored.some((t) => t.id === id))).toEqual([]);
    expect(stored.filter((t) => !answered.has(t.id)).map((t) => t.title)).toEqual([]);

    // Each relay published what its part committed before it exited.
    for (const service of SERVICES) {
      const { rows } = await pg.query<{ left: number }>(
        `SELECT count(*)::int AS left FROM ${service}.outbox WHERE published_at IS NULL`,
      );
      expect({ service, unpublished: rows[0]!.left }).toEqual({ service, unpublished: 0 });
    }

    // Each durable consumer acknowledged what it applied: none holds an event, and no event past
    // its ack floor (handed back, or never handed out) is in its inbox.
    const states = await consumerAckStates(nats.url, nats.prefix);
    expect(states.length).toBeGreaterThan(0);
    let backlog = 0;
    for (const state of states) {
      expect({ durable: state.durable, ackPending: state.ackPending }).toEqual({
        durable: state.durable,
        ackPending: 0,
      });
      const service = SERVICES.find(
        (s) => state.durable === `${s}-on-${state.stream.split('_').at(-1)!.toLowerCase()}`,
      );
      if (!service) continue;
      if (state.durable === 'sla-on-tickets') {
        // The inbox names its consumer as JetStream does (the check below is about these rows).
        const { rows } = await pg.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM sla.inbox WHERE consumer = 'sla-on-tickets'`,
        );
        expect(rows[0]!.n).toBeGreaterThanOrEqual(500);
      }
      if (state.unackedEventIds.length === 0) continue;
      backlog += state.unackedEventIds.length;
      const { rows } = await pg.query<{ event_id: string }>(
        `SELECT event_id FROM ${service}.inbox WHERE consumer = $1 AND event_id = ANY($2::uuid[])`,
        [state.durable, state.unackedEventIds],
      );
      expect({ durable: state.durable, appliedButNotAcknowledged: rows.length }).toEqual({
        durable: state.durable,
        appliedButNotAcknowledged: 0,
      });
    }

    process.stdout.write(
      `SIGTERM to all: ${ids.length} registered, ${inFlightAtSignal} in flight at the signal, ` +
        `${answeredAfterSignal} answered after it, ${refused.length} refused before they ran, ` +
        `${inDoubt.length} in doubt (${[...new Set(inDoubt.map((d) => d.why))].join(', ') || 'none'}; none ran), ` +
        `${backlog} events left unacknowledged for the next start\n`,
    );
  }, 300_000);
});
