import { eventually } from '@reglament/shared/testing';
import WebSocket from 'ws';
import { adminToken, seedCustomer, type SeededCustomer } from '../support/seed';
import { startReplica, wsClient } from '../../gateway/test/support/gateways';
import { mintToken, subscribe, TestSystem } from '../support/system';

/**
 * Live subscriptions through the gateway on real PostgreSQL and NATS: any replica serves any
 * subscriber, groups share one resolution per event, customers see only their organization,
 * expired tokens close the socket with 4403, a cursor resumes what was missed, and the
 * connection limits hold.
 */
describe('gateway subscriptions', () => {
  let sys: TestSystem;
  let replicaB: Awaited<ReturnType<typeof startReplica>>;
  let admin: string;
  let dispatcher: string;
  let acme: SeededCustomer;
  let globex: SeededCustomer;

  beforeAll(async () => {
    sys = await TestSystem.start();
    replicaB = await startReplica(sys);
    admin = await adminToken();
    dispatcher = await mintToken({ sub: '00000000-0000-7000-8000-0000000000d1', role: 'DISPATCHER' });
    // Monday 3 March 2025, 10:00 Moscow = 07:00 UTC.
    await sys.ok(`mutation { setClock(at: "2025-03-03T10:00:00+03:00") }`, {}, admin);
    acme = await seedCustomer(sys, admin, 'Acme');
    globex = await seedCustomer(sys, admin, 'Globex');
  });
  afterAll(async () => {
    await replicaB?.stop();
    await sys?.stop();
  });

  /** Registers a ticket through the given gateway (tickets learns contracts and contacts from events: retry until it can). */
  async function registerTicket(url: string, customer: SeededCustomer, title: string) {
    return eventually(async () => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${customer.token}` },
        body: JSON.stringify({
          query: `mutation($c: ID!, $t: String!) { registerTicket(input: { contractId: $c, channel: PORTAL, title: $t,
                    description: "Posting fails" }) { id number } }`,
          variables: { c: customer.contractId, t: title },
        }),
      });
      const body = (await response.json()) as { data?: { registerTicket: { id: string; number: string } } };
      return body.data?.registerTicket;
    });
  }

  it('shows a wallboard on replica B a change made through replica A, with fields of three subgraphs', async () => {
    type SlaChange = {
      type: string;
      ticketId: string;
      ticket: {
        number: string;
        status: string;
        contract: { number: string } | null;
        sla: { timers: { id: string }[] };
      };
      timer: { id: string; startedAt: string };
    };
    const wallboard = `subscription Wallboard { slaChanged {
        type ticketId
        ticket { number status contract { number } sla { timers { id } } }
        timer { id startedAt } } }`;
    const probeA = wsClient(replicaB.gateway.url, { authorization: `Bearer ${dispatcher}` });
    const probeB = wsClient(replicaB.gateway.url, { authorization: `Bearer ${dispatcher}` });
    const first = subscribe<{ slaChanged: SlaChange }>(probeA.client, wallboard);
    const second = subscribe<{ slaChanged: SlaChange }>(probeB.client, wallboard);
    const other = subscribe<{ slaChanged: { type: string } }>(probeB.client, `subscription { slaChanged { type } }`);
    await eventually(() => replicaB.gateway.hub.subscriberCount === 3);
    expect(replicaB.gateway.hub.groupCount).toBe(2);

    const ticket = await registerTicket(sys.url, acme, 'Cannot post invoices'); // through replica A
    const change = await eventually(() =>
      first.received.find((r) => r.data?.slaChanged.ticketId === ticket.id && r.data.slaChanged.type === 'STARTED'),
    );
    expect(change.errors).toBeUndefined();
    const payload = change.data!.slaChanged;
    expect(payload.ticket.number).toBe(ticket.number); // tickets
    expect(payload.ticket.contract?.number).toMatch(/^C-[0-9a-f]{6}$/); // contracts
    // sla, two ways: the timer that started, among the ticket's timers; it started at registration (07:00Z).
    expect(payload.timer.startedAt).toBe('2025-03-03T07:00:00.000Z');
    expect(payload.ticket.sla.timers.map((t) => t.id)).toContain(payload.timer.id);

    // Both wallboards got the same results; the hub resolved each event once per group (2), not per subscriber (3).
    await eventually(
      () => second.received.length === first.received.length && other.received.length === first.received.length,
    );
    expect(second.received).toEqual(first.received);
    expect(replicaB.gateway.hub.executions).toBe(2 * first.received.length);
    for (const probe of [probeA, probeB]) await probe.client.dispose();
  });

  it("gives a customer its own organization's changes only, and refuses reaching for another's", async () => {
    const acmeWs = sys.wsClient(acme.token);
    const mine = subscribe<{ ticketChanged: { type: string; ticketId: string } }>(
      acmeWs,
      `subscription { ticketChanged { type ticketId } }`,
    );
    const byArgument = subscribe(acmeWs, `subscription($o: ID) { ticketChanged(organizationId: $o) { type } }`, {
      o: globex.organizationId,
    });
    await eventually(() => byArgument.error);
    expect(byArgument.error).toEqual([
      expect.objectContaining({
        message: 'You may subscribe only to your own organization: leave organizationId out, or pass your own',
        extensions: { code: 'FORBIDDEN' },
      }),
    ]);
    const globexTicket = await registerTicket(sys.url, globex, 'Globex: printer');
    const byTicket = subscribe(acmeWs, `subscription($t: ID) { ticketChanged(ticketId: $t) { type } }`, {
      t: globexTicket.id,
    });
    await eventually(() => byTicket.error);
    expect(byTicket.error).toEqual([expect.objectContaining({ extensions: { code: 'NOT_FOUND' } })]);

    const acmeTicket = await registerTicket(sys.url, acme, 'Acme: scanner');
    await eventually(() => mine.received.some((r) => r.data?.ticketChanged.ticketId === acmeTicket.id));
    expect(mine.received.map((r) => r.data?.ticketChanged.ticketId)).not.toContain(globexTicket.id);
    await acmeWs.dispose();
  });

  it('closes with 4403 for an expired token, and at expiry while connected', async () => {
    const expired = await mintToken({ sub: '00000000-0000-7000-8000-0000000000d2', role: 'DISPATCHER' }, '-1s');
    const refused = wsClient(sys.url, { authorization: `Bearer ${expired}` });
    expect((await refused.closed).code).toBe(4403);

    const shortLived = await mintToken({ sub: '00000000-0000-7000-8000-0000000000d3', role: 'DISPATCHER' }, '2s');
    const probe = wsClient(sys.url, { authorization: `Bearer ${shortLived}` });
    const sub = subscribe(probe.client, `subscription { ticketChanged { type } }`);
    await eventually(() => sys.system.gateway.hub.subscriberCount > 0);
    expect(await probe.closed).toEqual({ code: 4403, reason: 'Forbidden: the token has expired' });
    await eventually(() => sub.error !== null || sub.completed);
  });

  it('resumes from a cursor: what happened while disconnected comes first, then live changes', async () => {
    const ticket = await registerTicket(sys.url, acme, 'Resume me');
    type Change = { ticketChanged: { type: string; cursor: string; ticketId: string } };
    const query = `subscription($t: ID, $after: String) { ticketChanged(ticketId: $t, after: $after) { type cursor ticketId } }`;
    const say = (body: string) =>
      sys.ok(
        `mutation($t: ID!, $b: String!) { addMessage(ticketId: $t, body: $b) { id } }`,
        { t: ticket.id, b: body },
        acme.token,
      );

    const before = sys.wsClient(acme.token);
    const seen = subscribe<Change>(before, query, { t: ticket.id });
    await eventually(() => sys.system.gateway.hub.subscriberCount > 0);
    await say('one');
    const cursor = (await eventually(() => seen.received[0])).data!.ticketChanged.cursor;
    await before.dispose();

    await say('two'); // missed while disconnected
    const after = sys.wsClient(acme.token);
    const resumed = subscribe<Change>(after, query, { t: ticket.id, after: cursor });
    const missed = await eventually(() => resumed.received[0]);
    expect(missed.data!.ticketChanged.type).toBe('MESSAGE_ADDED');
    expect(Number(missed.data!.ticketChanged.cursor)).toBeGreaterThan(Number(cursor));
    await say('three'); // live
    await eventually(() => resumed.received.length === 2);
    const cursors = resumed.received.map((r) => Number(r.data!.ticketChanged.cursor));
    expect(cursors[1]).toBeGreaterThan(cursors[0]!);
    await after.dispose();
  });

  it('enforces the connection limits: connections, operations per connection, init timeout', async () => {
    const limited = await startReplica(sys, {
      limits: { maxConnections: 2, maxSubscriptionsPerConnection: 1, connectionInitTimeoutMs: 300 },
    });
    try {
      const params = { authorization: `Bearer ${dispatcher}` };
      const one = wsClient(limited.gateway.url, params);
      const first = subscribe(one.client, `subscription { ticketChanged { type } }`);
      const second = subscribe(one.client, `subscription { slaChanged { type } }`);
      await eventually(() => second.error);
      expect(second.error).toEqual([
        expect.objectContaining({
          message: 'Too many operations on one connection: at most 1 at once',
          extensions: { code: 'RATE_LIMITED', limit: 1 },
        }),
      ]);
      expect(first.error).toBeNull();

      const two = wsClient(limited.gateway.url, params);
      subscribe(two.client, `subscription { ticketChanged { type } }`);
      // The second is counted before the third knocks (on a loaded machine the third's upgrade
      // could otherwise overtake it, and the second would be the one refused).
      await eventually(() => limited.gateway.connections === 2);
      const three = wsClient(limited.gateway.url, params);
      expect(await three.closed).toEqual({ code: 1013, reason: 'Too many connections: this gateway serves at most 2' });
      await one.client.dispose();
      await two.client.dispose();
      await eventually(() => limited.gateway.connections === 0);

      // A socket that never sends connection_init is closed after the init timeout (300 ms).
      const raw = new WebSocket(limited.gateway.url.replace('http', 'ws'), 'graphql-transport-ws');
      const code = await new Promise<number>((resolve) => raw.on('close', (c) => resolve(c)));
      expect(code).toBe(4408);
    } finally {
      await limited.stop();
    }
  });
});
