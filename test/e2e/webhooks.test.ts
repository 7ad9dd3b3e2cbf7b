import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from '@reglament/shared/testing';
import { Webhook } from 'standardwebhooks';
import { issuePartnerKey } from '../../gateway/src/auth/partner-keys';
import { PERSISTED_DIR } from '../../gateway/src/persisted/manifest-store';
import { type SeededCustomer, Seed } from '../support/seed';
import { type GraphQLResponse, TestSystem } from '../support/system';

const examples = JSON.parse(readFileSync(join(PERSISTED_DIR, 'examples', 'manifest.json'), 'utf8')) as {
  operations: { id: string; name: string }[];
};
const idOf = (name: string) => examples.operations.find((o) => o.name === name)!.id;

/** 32 bytes of key in the Standard Webhooks form (fixed, so the test can verify with it). */
const SECRET_A = `whsec_${Buffer.alloc(32, 1).toString('base64')}`;
const SECRET_B = `whsec_${Buffer.alloc(32, 2).toString('base64')}`;
const SECRET_C = `whsec_${Buffer.alloc(32, 3).toString('base64')}`;

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  answered: number;
}

/**
 * A real HTTP receiver on 127.0.0.1: every path answers by its own script (a status per request,
 * the last one repeated), and records what came.
 */
class Receiver {
  readonly received: Received[] = [];
  private readonly scripts = new Map<string, number[]>();
  private server!: Server;
  port = 0;

  async listen(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = req.url ?? '/';
        const script = this.scripts.get(path) ?? [204];
        const status = script.length > 1 ? script.shift()! : script[0]!;
        this.received.push({
          path,
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          answered: status,
        });
        if (status === 0) return; // hangs: never answers
        res.writeHead(status, { 'content-type': 'text/plain' });
        res.end(status >= 400 ? `receiver says no (${status}) ${'x'.repeat(1000)}` : 'ok');
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** The statuses `path` answers with, in turn (the last one from then on); 0: no answer at all. */
  script(path: string, statuses: number[]): void {
    this.scripts.set(path, [...statuses]);
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  at(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

type DeliveryNode = {
  id: string;
  eventId: string;
  eventType: string;
  sequence: number;
  status: string;
  attempts: number;
  lastError: string | null;
  attemptLog: { status: string; responseStatus: number | null; responseExcerpt: string | null; error: string | null }[];
};
const DELIVERY_FIELDS = `id eventId eventType sequence status attempts lastError
  attemptLog { status responseStatus responseExcerpt error }`;

/**
 * Partner webhooks (issue 17) on real PostgreSQL and NATS with a real HTTP receiver: signed by the
 * Standard Webhooks convention (checked with the `standardwebhooks` verifier), delivered at least
 * once with retries, DEAD after 24 h and redelivered by hand, disabled after failing for days
 * (its owner told), SSRF rules, organization isolation and the limits.
 */
describe('partner webhooks: signed, retried, never lost, one organization each', () => {
  let sys: TestSystem;
  let seed: Seed;
  let admin: string;
  let receiver: Receiver;
  let partnerKeysFile: string;
  let acme: SeededCustomer;
  let globex: SeededCustomer;

  // Test settings: retries start at 1 s (WEBHOOK_RETRY_BASE_MS) and double; a webhook failing
  // for 48 h is disabled; an organization may have 4 webhooks.
  const MAX_PER_ORG = 4;
  const DISABLE_AFTER_HOURS = 48;

  const waitFor = <T>(probe: () => Promise<T> | T) => eventually(probe, { timeoutMs: 30_000, intervalMs: 50 });
  const register = (input: Record<string, unknown>, token = admin) =>
    sys.gql<{ registerWebhook: { id: string; organizationId: string; enabled: boolean } }>(
      `mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { id organizationId enabled } }`,
      { input },
      token,
    );
  const registered = async (input: Record<string, unknown>) => {
    const result = await register(input);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!.registerWebhook.id;
  };
  const deliveries = async (webhookId: string, token = admin) =>
    (
      await sys.ok<{ webhookDeliveries: { edges: { node: DeliveryNode }[] } }>(
        `query($id: ID!) { webhookDeliveries(webhookId: $id, first: 100) { edges { node { ${DELIVERY_FIELDS} } } } }`,
        { id: webhookId },
        token,
      )
    ).webhookDeliveries.edges.map((e) => e.node);
  const webhookOf = async (id: string, organizationId: string) =>
    (
      await sys.ok<{
        webhooks: { id: string; enabled: boolean; disabledReason: string | null; failingSince: string | null }[];
      }>(
        `query($org: ID!) { webhooks(organizationId: $org) { id enabled disabledReason failingSince } }`,
        { org: organizationId },
        admin,
      )
    ).webhooks.find((w) => w.id === id)!;
  const advanceMinutes = (minutes: number) =>
    sys.ok(`mutation($m: Int!) { advanceClock(minutes: $m) }`, { m: minutes }, admin);
  /** A partner system: only its manifest's operations, by id, with its key. */
  const partner = async <T>(key: string, name: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(sys.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: JSON.stringify({ variables, extensions: { persistedQuery: { version: 1, sha256Hash: idOf(name) } } }),
    });
    return (await response.json()) as GraphQLResponse<T>;
  };
  const verified = (secret: string, r: Received) =>
    new Webhook(secret).verify(r.body, {
      'webhook-id': String(r.headers['webhook-id']),
      'webhook-timestamp': String(r.headers['webhook-timestamp']),
      'webhook-signature': String(r.headers['webhook-signature']),
    }) as { id: string; type: string; sequence: number; organizationId: string; data: Record<string, unknown> };

  beforeAll(async () => {
    receiver = new Receiver();
    await receiver.listen();
    partnerKeysFile = join(mkdtempSync(join(tmpdir(), 'webhooks-')), 'partner-keys.json');
    sys = await TestSystem.start({
      gateway: { partnerKeysFile },
      webhooks: {
        retryBaseMs: 1000,
        pollMs: 50,
        disableAfterMs: DISABLE_AFTER_HOURS * 3600_000,
        maxPerOrganization: MAX_PER_ORG,
      },
    });
    seed = await Seed.on(sys, { clock: '2025-03-03T10:00:00+03:00' });
    admin = seed.admin;
    acme = await seed.customer();
    globex = await seed.customer();
  });
  afterAll(async () => {
    await sys?.stop();
    await receiver?.close();
  });

  it('a receiver that fails three times then succeeds gets the event once, with a valid Standard Webhooks signature (R-NTF-3)', async () => {
    const hook = await registered({
      url: receiver.url('/flaky'),
      events: ['tickets.ticket.registered'],
      secret: SECRET_A,
      organizationId: acme.organizationId,
      internal: true,
    });
    receiver.script('/flaky', [500, 502, 503, 204]);
    const ticket = await seed.ticket(acme);
    // Each retry waits 0.5-1 s, 1-2 s, 2-4 s of the test clock: move it a minute at a time.
    await waitFor(async () => {
      if (receiver.at('/flaky').some((r) => r.answered === 204)) return true;
      await advanceMinutes(1);
      return false;
    });
    const sent = await waitFor(async () => (await deliveries(hook)).find((d) => d.status === 'SENT'));
    const requests = receiver.at('/flaky');
    expect(requests.map((r) => r.answered)).toEqual([500, 502, 503, 204]);
    // One message: the same webhook-id (the event id) on every attempt, each signed validly.
    const bodies = requests.map((r) => verified(SECRET_A, r));
    expect(new Set(requests.map((r) => r.headers['webhook-id']))).toEqual(new Set([sent.eventId]));
    expect(bodies[3]).toMatchObject({
      id: sent.eventId,
      type: 'tickets.ticket.registered',
      organizationId: acme.organizationId,
      sequence: 1,
    });
    expect((bodies[3]!.data.ticket as { number: string }).number).toBe(ticket.number);
    expect(sent.attempts).toBe(4);
    expect(sent.attemptLog.map((a) => [a.status, a.responseStatus])).toEqual([
      ['FAILED', 500],
      ['FAILED', 502],
      ['FAILED', 503],
      ['SENT', 204],
    ]);
    // Only a short excerpt of the answer is kept (256 characters of 1,000+).
    expect(sent.attemptLog[0]!.responseExcerpt).toHaveLength(256);
    // A signature made with another secret does not verify.
    expect(() => verified(SECRET_B, requests[3]!)).toThrow();
  });

  it('a receiver down for longer than the 24 h window: the delivery goes DEAD, and redeliverWebhook sends it by hand', async () => {
    const hook = await registered({
      url: receiver.url('/down'),
      events: ['tickets.ticket.registered'],
      secret: SECRET_B,
      organizationId: globex.organizationId,
      internal: true,
    });
    receiver.script('/down', [503]);
    await seed.ticket(globex);
    const first = await waitFor(async () => (await deliveries(hook)).find((d) => d.status === 'FAILED'));
    expect(first.attempts).toBe(1);
    // 25 hours later the next attempt fails too, and the next would be past the window: DEAD.
    await advanceMinutes(25 * 60);
    const dead = await waitFor(async () => (await deliveries(hook)).find((d) => d.status === 'DEAD'));
    expect(dead.attempts).toBe(2);
    expect(dead.attemptLog.map((a) => a.status)).toEqual(['FAILED', 'DEAD']);
    const listed = await sys.ok<{ webhookDeliveries: { totalCount: number } }>(
      `query($id: ID!) { webhookDeliveries(webhookId: $id, status: DEAD) { totalCount } }`,
      { id: hook },
      admin,
    );
    expect(listed.webhookDeliveries.totalCount).toBe(1);
    // The receiver is back; the admin sends it again.
    receiver.script('/down', [200]);
    const again = await sys.ok<{ redeliverWebhook: { status: string } }>(
      `mutation($id: ID!) { redeliverWebhook(deliveryId: $id) { status } }`,
      { id: dead.id },
      admin,
    );
    expect(again.redeliverWebhook.status).toBe('PENDING');
    const sent = await waitFor(async () => (await deliveries(hook)).find((d) => d.status === 'SENT'));
    expect(sent.attempts).toBe(3);
    const accepted = receiver.at('/down').filter((r) => r.answered === 200);
    expect(accepted).toHaveLength(1);
    expect(verified(SECRET_B, accepted[0]!).id).toBe(dead.eventId);
  });

  it('a webhook failing for days is disabled, its waiting deliveries DEAD, and its organization is told (WEBHOOK_DISABLED)', async () => {
    const initech = await seed.customer();
    const hook = await registered({
      url: receiver.url('/gone'),
      events: ['tickets.ticket.registered'],
      secret: SECRET_C,
      organizationId: initech.organizationId,
      internal: true,
    });
    receiver.script('/gone', [410]);
    await seed.ticket(initech);
    await waitFor(async () => (await deliveries(hook)).find((d) => d.status === 'FAILED'));
    // 25 h: the first delivery is DEAD, but 25 h < 48 h of failing: still enabled.
    await advanceMinutes(25 * 60);
    await waitFor(async () => (await deliveries(hook)).find((d) => d.status === 'DEAD'));
    expect((await webhookOf(hook, initech.organizationId)).enabled).toBe(true);
    await seed.ticket(initech, { input: { title: 'Second' } });
    await waitFor(async () => (await deliveries(hook)).find((d) => d.status === 'FAILED'));
    // 50 h after the first failure (>= 48 h): the next failure disables it.
    await advanceMinutes(25 * 60);
    const disabled = await waitFor(async () => {
      const w = await webhookOf(hook, initech.organizationId);
      return w.enabled ? undefined : w;
    });
    expect(disabled.disabledReason).toContain('every delivery failed since');
    expect((await deliveries(hook)).map((d) => d.status)).toEqual(['DEAD', 'DEAD']);
    const told = await waitFor(async () => {
      const { myNotifications } = await sys.ok<{
        myNotifications: { edges: { node: { kind: string; body: string } }[] };
      }>(`query { myNotifications(first: 50) { edges { node { kind body } } } }`, {}, initech.token);
      return myNotifications.edges.find((e) => e.node.kind === 'WEBHOOK_DISABLED');
    });
    expect(told.node.body).toContain(receiver.url('/gone'));
    // Another organization's contact hears nothing of it.
    const { myNotifications } = await sys.ok<{ myNotifications: { edges: { node: { kind: string } }[] } }>(
      `query { myNotifications(first: 50) { edges { node { kind } } } }`,
      {},
      acme.token,
    );
    expect(myNotifications.edges.filter((e) => e.node.kind === 'WEBHOOK_DISABLED')).toEqual([]);
    // Disabled: a new event makes no delivery; redelivering is refused until it is enabled again.
    const dead = (await deliveries(hook))[0]!;
    const refused = await sys.gql(
      `mutation($id: ID!) { redeliverWebhook(deliveryId: $id) { id } }`,
      { id: dead.id },
      admin,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.message).toContain('enable it');
  });

  it('a loopback, private, link-local or metadata URL is refused unless an admin marks the webhook internal', async () => {
    const base = { events: ['tickets.ticket.registered'], secret: SECRET_A, organizationId: acme.organizationId };
    const refusals: [string, string][] = [
      [receiver.url('/x'), 'loopback'],
      [`https://127.0.0.1:${receiver.port}/x`, 'loopback'],
      ['https://localhost/x', 'loopback'],
      ['https://[::1]/x', 'loopback'],
      ['https://[::ffff:127.0.0.1]/x', 'loopback'],
      ['https://10.0.0.5/x', 'private'],
      ['https://192.168.1.1/x', 'private'],
      ['https://169.254.169.254/latest/meta-data', 'linkLocal'],
      ['https://100.100.100.200/x', 'carrierGradeNat'],
      ['https://[fd00:ec2::254]/x', 'uniqueLocal'],
    ];
    for (const [url, range] of refusals) {
      const result = await register({ ...base, url });
      expect([url, result.errors?.[0]?.extensions?.code]).toEqual([url, 'BAD_USER_INPUT']);
      expect(result.errors?.[0]?.message).toContain(range);
    }
    // internal: true lets an admin register it.
    const ok = await register({ ...base, url: receiver.url('/internal'), internal: true });
    expect(ok.errors).toBeUndefined();
    // ...and it cannot be made non-internal while it points at loopback.
    const flip = await sys.gql(
      `mutation($id: ID!) { updateWebhook(id: $id, input: { internal: false }) { id } }`,
      { id: ok.data!.registerWebhook.id },
      admin,
    );
    expect(flip.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    await sys.ok(`mutation($id: ID!) { deleteWebhook(id: $id) }`, { id: ok.data!.registerWebhook.id }, admin);
  });

  it('organization isolation: a webhook of A never receives B events; a partner key sees and touches only its own organization', async () => {
    const acmeHook = await registered({
      url: receiver.url('/iso-acme'),
      events: ['tickets.ticket.registered'],
      secret: SECRET_A,
      organizationId: acme.organizationId,
      internal: true,
    });
    const globexHook = await registered({
      url: receiver.url('/iso-globex'),
      events: ['tickets.ticket.registered'],
      secret: SECRET_B,
      organizationId: globex.organizationId,
      internal: true,
    });
    const globexTicket = await seed.ticket(globex, { input: { title: 'Globex only' } });
    const got = await waitFor(() => receiver.at('/iso-globex').find((r) => r.answered === 204));
    expect((verified(SECRET_B, got).data.ticket as { number: string }).number).toBe(globexTicket.number);
    const acmeTicket = await seed.ticket(acme, { input: { title: 'Acme only' } });
    const acmeGot = await waitFor(() => receiver.at('/iso-acme').find((r) => r.answered === 204));
    expect((verified(SECRET_A, acmeGot).data.ticket as { number: string }).number).toBe(acmeTicket.number);
    // Acme's webhook has exactly Acme's event; Globex's ticket went nowhere else.
    expect(receiver.at('/iso-acme')).toHaveLength(1);
    expect(receiver.at('/iso-globex')).toHaveLength(1);

    // A partner key bound to Acme.
    const { key, record } = issuePartnerKey(partnerKeysFile, {
      partner: 'examples',
      organizationId: acme.organizationId,
    });
    await waitFor(() => sys.system.gateway.partnerKeys?.isActive(record.id));
    const mine = await partner<{ registerWebhook: { id: string; organizationId: string } }>(key, 'RegisterWebhook', {
      input: { url: 'https://93.184.215.14/hooks', events: ['contracts.prepaid.exhausted'], secret: SECRET_C },
    });
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.registerWebhook.organizationId).toBe(acme.organizationId);
    const listed = await partner<{ webhooks: { id: string }[] }>(key, 'Webhooks');
    expect(listed.data!.webhooks.map((w) => w.id)).toContain(acmeHook);
    expect(listed.data!.webhooks.map((w) => w.id)).not.toContain(globexHook);
    // Another organization's webhook and deliveries are "not found"; its organization cannot be named.
    const globexDelivery = (await deliveries(globexHook))[0]!;
    const attempts = await Promise.all([
      partner(key, 'WebhookDeliveries', { webhookId: globexHook }),
      partner(key, 'UpdateWebhook', { id: globexHook, input: { enabled: false } }),
      partner(key, 'DeleteWebhook', { id: globexHook }),
      partner(key, 'TestWebhook', { id: globexHook }),
      partner(key, 'RotateWebhookSecret', { id: globexHook }),
      partner(key, 'RedeliverWebhook', { deliveryId: globexDelivery.id }),
    ]);
    expect(attempts.map((a) => a.errors?.[0]?.extensions?.code)).toEqual(Array(6).fill('NOT_FOUND'));
    const foreign = await partner(key, 'RegisterWebhook', {
      input: {
        url: 'https://93.184.215.14/hooks',
        events: ['sla.timer.warning'],
        secret: SECRET_C,
        organizationId: globex.organizationId,
      },
    });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // A partner may not make a webhook internal, nor use http.
    const internal = await partner(key, 'RegisterWebhook', {
      input: { url: receiver.url('/p'), events: ['sla.timer.warning'], secret: SECRET_C, internal: true },
    });
    expect(internal.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const http = await partner(key, 'RegisterWebhook', {
      input: { url: 'http://93.184.215.14/hooks', events: ['sla.timer.warning'], secret: SECRET_C },
    });
    expect(http.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(http.errors?.[0]?.message).toContain('https');
    // Nor point its organization's internal webhook (an admin's) somewhere else.
    const moved = await partner(key, 'UpdateWebhook', { id: acmeHook, input: { url: 'https://93.184.215.14/x' } });
    expect(moved.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Globex's webhook is untouched.
    expect((await webhookOf(globexHook, globex.organizationId)).enabled).toBe(true);
    // A global partner key and a customer may not manage webhooks.
    const global = issuePartnerKey(partnerKeysFile, { partner: 'examples', organizationId: null });
    await waitFor(() => sys.system.gateway.partnerKeys?.isActive(global.record.id));
    expect((await partner(global.key, 'Webhooks')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const customer = await sys.gql(`query { webhooks { id } }`, {}, acme.token);
    expect(customer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // The partner deletes its own.
    const deleted = await partner<{ deleteWebhook: boolean }>(key, 'DeleteWebhook', {
      id: mine.data!.registerWebhook.id,
    });
    expect(deleted.data?.deleteWebhook).toBe(true);
  });

  it('internal messages never reach a webhook; public ones do, with the ticket', async () => {
    const hook = await registered({
      url: receiver.url('/messages'),
      events: ['tickets.ticket.message_added'],
      secret: SECRET_C,
      organizationId: acme.organizationId,
      internal: true,
    });
    const dispatcher = await seed.staff('DISPATCHER');
    const ticket = await seed.ticket(acme, { input: { title: 'Messages' } });
    const say = (body: string, internal: boolean) =>
      sys.ok(
        `mutation($id: ID!, $body: String!, $internal: Boolean) { addMessage(ticketId: $id, body: $body, internal: $internal) { id } }`,
        { id: ticket.id, body, internal },
        dispatcher.token,
      );
    await say('Internal: the customer runs an old release', true);
    await say('We are looking into it', false);
    const got = await waitFor(() => receiver.at('/messages').find((r) => r.answered === 204));
    const event = verified(SECRET_C, got);
    expect(event.data).toMatchObject({ body: 'We are looking into it', internal: false, ticketId: ticket.id });
    // The internal note was taken first; no delivery was made of it (one row, the public one).
    const rows = await deliveries(hook);
    expect(rows.map((d) => d.eventType)).toEqual(['tickets.ticket.message_added']);
    expect(receiver.at('/messages').map((r) => JSON.parse(r.body).data.body)).toEqual(['We are looking into it']);
  });

  it("SLA events reach the ticket's organization's webhook, numbered in the order they were taken", async () => {
    const hook = await registered({
      url: receiver.url('/sla'),
      events: ['sla.timer.started', 'tickets.ticket.registered'],
      secret: SECRET_A,
      organizationId: globex.organizationId,
      internal: true,
    });
    const ticket = await seed.ticket(globex, { input: { title: 'Clocks' } });
    // The ticket's registration and the clocks it starts (sla.timer.started each), all delivered.
    const events = await waitFor(async () => {
      const rows = await deliveries(hook);
      const got = receiver.at('/sla').map((r) => verified(SECRET_A, r));
      const done =
        rows.every((d) => d.status === 'SENT') &&
        got.length === rows.length &&
        got.some((e) => e.type === 'sla.timer.started') &&
        got.some((e) => e.type === 'tickets.ticket.registered');
      return done ? got : undefined;
    });
    const started = events.filter((e) => e.type === 'sla.timer.started');
    expect(started.every((e) => e.organizationId === globex.organizationId && e.data.ticketId === ticket.id)).toBe(
      true,
    );
    // One sequence per webhook, 1, 2, 3 ... whatever order the deliveries arrived in.
    expect(events.map((e) => e.sequence).sort((a, b) => a - b)).toEqual(events.map((_, i) => i + 1));
  });

  it("a receiver that hangs holds back only its own webhook's deliveries, not another's", async () => {
    const umbrella = await seed.customer();
    const hanging = await registered({
      url: receiver.url('/hang'),
      events: ['tickets.ticket.registered'],
      secret: SECRET_A,
      organizationId: umbrella.organizationId,
      internal: true,
    });
    receiver.script('/hang', [0]);
    const healthy = await registered({
      url: receiver.url('/healthy'),
      events: ['tickets.ticket.registered'],
      secret: SECRET_B,
      organizationId: umbrella.organizationId,
      internal: true,
    });
    await seed.ticket(umbrella, { input: { title: 'First' } });
    await waitFor(() => receiver.at('/hang').length === 1 && receiver.at('/healthy').length === 1);
    // While the hanging receiver's attempt is still open (up to 10 s), the next event reaches the healthy one.
    const second = await seed.ticket(umbrella, { input: { title: 'Second' } });
    const got = await waitFor(() =>
      receiver
        .at('/healthy')
        .find((r) => (verified(SECRET_B, r).data.ticket as { ticketId: string }).ticketId === second.id),
    );
    expect(got.answered).toBe(204);
    const stuck = (await deliveries(hanging))[0]!;
    expect([stuck.status, stuck.attempts]).toEqual(['PENDING', 0]);
    expect((await deliveries(healthy)).map((d) => d.status)).toEqual(['SENT', 'SENT']);
  });

  it('testWebhook pings at once, signed; after rotateWebhookSecret both secrets verify for 24 h', async () => {
    const hook = await registered({
      url: receiver.url('/ping'),
      events: ['sla.timer.warning'],
      secret: SECRET_A,
      organizationId: globex.organizationId,
      internal: true,
    });
    const { testWebhook } = await sys.ok<{
      testWebhook: { status: string; responseStatus: number; eventType: string };
    }>(`mutation($id: ID!) { testWebhook(id: $id) { status responseStatus eventType } }`, { id: hook }, admin);
    expect(testWebhook).toEqual({ status: 'SENT', responseStatus: 204, eventType: 'webhook.ping' });
    expect(verified(SECRET_A, receiver.at('/ping')[0]!)).toMatchObject({
      type: 'webhook.ping',
      data: { webhookId: hook },
    });
    const { rotateWebhookSecret } = await sys.ok<{ rotateWebhookSecret: { secret: string } }>(
      `mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret webhook { previousSecretValidUntil } } }`,
      { id: hook },
      admin,
    );
    expect(rotateWebhookSecret.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    await sys.ok(`mutation($id: ID!) { testWebhook(id: $id) { id } }`, { id: hook }, admin);
    const second = receiver.at('/ping')[1]!;
    expect(String(second.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(verified(rotateWebhookSecret.secret, second).type).toBe('webhook.ping');
    expect(verified(SECRET_A, second).type).toBe('webhook.ping');
  });

  it('limits: URL length, secret form and size, event names, description, webhooks per organization, pings per minute; a refusal changes nothing', async () => {
    const org = (await seed.customer()).organizationId;
    const base = {
      url: receiver.url('/limits'),
      events: ['sla.timer.warning'],
      secret: SECRET_A,
      organizationId: org,
      internal: true,
    };
    const refused: [Record<string, unknown>, string][] = [
      [{ url: `https://hooks.example/${'a'.repeat(2049)}` }, 'at most 2048 characters'],
      [{ url: 'ftp://hooks.example/x', internal: false }, 'https'],
      [{ url: 'https://user:pass@93.184.215.14/x', internal: false }, 'user name or password'],
      [{ secret: 'hunter2' }, 'whsec_'],
      [{ secret: `whsec_${Buffer.alloc(16, 1).toString('base64')}` }, '24 to 64'],
      [{ secret: `whsec_${Buffer.alloc(65, 1).toString('base64')}` }, '24 to 64'],
      [{ events: [] }, 'at least one event'],
      [{ events: ['contracts.credential.changed'] }, 'cannot be subscribed to'],
      [{ events: ['tickets.ticket.nope'] }, 'cannot be subscribed to'],
      [{ description: 'd'.repeat(501) }, 'at most 500 characters'],
      [{ organizationId: null }, 'organizationId is required'],
    ];
    for (const [change, says] of refused) {
      const result = await register({ ...base, ...change });
      expect([says, result.errors?.[0]?.extensions?.code]).toEqual([says, 'BAD_USER_INPUT']);
      expect(result.errors?.[0]?.message).toContain(says);
    }
    const ids: string[] = [];
    for (let i = 0; i < MAX_PER_ORG; i++) ids.push(await registered(base));
    const fifth = await register(base);
    expect(fifth.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(fifth.errors?.[0]?.message).toContain(`at most ${MAX_PER_ORG} webhooks`);
    const { webhooks } = await sys.ok<{ webhooks: unknown[] }>(
      `query($org: ID!) { webhooks(organizationId: $org) { id } }`,
      { org },
      admin,
    );
    expect(webhooks).toHaveLength(MAX_PER_ORG);
    // Ten pings (and redeliveries) per webhook and minute; the eleventh waits for the next minute.
    const ping = () => sys.gql(`mutation($id: ID!) { testWebhook(id: $id) { status } }`, { id: ids[0] }, admin);
    for (let i = 0; i < 10; i++) expect((await ping()).errors).toBeUndefined();
    const eleventh = await ping();
    expect(eleventh.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(receiver.at('/limits')).toHaveLength(10);
    await advanceMinutes(2);
    expect((await ping()).errors).toBeUndefined();
  });
});
