import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from '@reglament/shared/testing';
import { issuePartnerKey, revokePartnerKey } from '../../gateway/src/auth/partner-keys';
import { PERSISTED_DIR } from '../../gateway/src/persisted/manifest-store';
import { startReplica, wsClient } from '../../gateway/test/support/gateways';
import { adminToken, seedCustomer, type SeededCustomer } from '../support/seed';
import { type GraphQLResponse, subscribe, TestSystem } from '../support/system';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const examples = JSON.parse(readFileSync(join(PERSISTED_DIR, 'examples', 'manifest.json'), 'utf8')) as {
  operations: { id: string; name: string }[];
};
const idOf = (name: string) => examples.operations.find((o) => o.name === name)!.id;

/**
 * Persisted queries through the gateway: APQ for every client (registered on one replica, found
 * by another through NATS KV; GET for queries, 405 for the rest) and trusted documents for
 * partners: a partner key runs its manifest's operations by id, over GET, POST and graphql-ws,
 * and nothing else.
 */
describe('gateway persisted queries', () => {
  let sys: TestSystem;
  let dir: string;
  let replicaA: Awaited<ReturnType<typeof startReplica>>;
  let replicaB: Awaited<ReturnType<typeof startReplica>>;
  let admin: string;
  let acme: SeededCustomer;
  let globex: SeededCustomer;
  let partnerKey: string;
  let partnerKeyId: string;

  beforeAll(async () => {
    sys = await TestSystem.start();
    dir = mkdtempSync(join(tmpdir(), 'gateway-persisted-'));
    cpSync(PERSISTED_DIR, join(dir, 'persisted'), { recursive: true });
    const settings = { persistedDir: join(dir, 'persisted'), partnerKeysFile: join(dir, 'partner-keys.json') };
    replicaA = await startReplica(sys, settings);
    replicaB = await startReplica(sys, settings);
    admin = await adminToken();
    await sys.ok(`mutation { setClock(at: "2025-03-03T10:00:00+03:00") }`, {}, admin);
    acme = await seedCustomer(sys, admin, 'Acme');
    globex = await seedCustomer(sys, admin, 'Globex');
    ({
      key: partnerKey,
      record: { id: partnerKeyId },
    } = issuePartnerKey(settings.partnerKeysFile, { partner: 'examples', organizationId: acme.organizationId }));
    await eventually(
      () =>
        replicaA.gateway.partnerKeys?.isActive(partnerKeyId) && replicaB.gateway.partnerKeys?.isActive(partnerKeyId),
    );
  });
  afterAll(async () => {
    await replicaA?.stop();
    await replicaB?.stop();
    await sys?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as GraphQLResponse };
  }

  async function get(url: string, params: Record<string, unknown>, headers: Record<string, string> = {}) {
    const search = new URLSearchParams(
      Object.entries(params).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
    );
    const response = await fetch(`${url}?${search}`, { headers });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: (text ? JSON.parse(text) : null) as GraphQLResponse,
    };
  }

  describe('automatic persisted queries (every client)', () => {
    it('registers a query on replica A and serves it by hash over GET on replica B', async () => {
      const query = `query Me { me { role } }`;
      const persistedQuery = { version: 1, sha256Hash: sha256(query) };
      const auth = { authorization: `Bearer ${admin}` };

      const unknown = await get(replicaB.gateway.url, { extensions: { persistedQuery } }, auth);
      expect(unknown.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');

      const registered = await post(replicaA.gateway.url, { query, extensions: { persistedQuery } }, auth);
      expect(registered.body).toEqual({ data: { me: { role: 'ADMIN' } } });

      const byHash = await eventually(async () => {
        const response = await get(replicaB.gateway.url, { extensions: { persistedQuery } }, auth);
        return response.body.data ? response : null;
      });
      expect(byHash.body).toEqual({ data: { me: { role: 'ADMIN' } } });
      // Cacheable: private to the caller, revalidated with the ETag.
      expect(byHash.headers.get('cache-control')).toBe('private, no-cache');
      const etag = byHash.headers.get('etag')!;
      const again = await get(
        replicaB.gateway.url,
        { extensions: { persistedQuery } },
        { ...auth, 'if-none-match': etag },
      );
      expect(again.status).toBe(304);
    });

    it('refuses mutations over GET with 405', async () => {
      const mutation = `mutation { setClock(at: "2025-03-03T10:00:00+03:00") }`;
      const response = await get(replicaA.gateway.url, { query: mutation }, { authorization: `Bearer ${admin}` });
      expect(response.status).toBe(405);
      expect(response.body.errors?.[0]?.message).toBe(
        'GET requests only support query operations, not mutation operations',
      );
    });
  });

  describe('trusted documents (partner keys)', () => {
    const key = () => ({ 'x-api-key': partnerKey });

    it("runs its manifest's operations by id: register (POST), status (GET), open tickets (POST, documentId)", async () => {
      const registered = await eventually(async () => {
        const response = await post(
          replicaA.gateway.url,
          {
            documentId: `sha256:${idOf('RegisterTicket')}`,
            variables: {
              input: {
                contractId: acme.contractId,
                requesterId: acme.contactId,
                channel: 'API',
                title: 'From the partner ERP',
                description: 'Invoice export fails',
              },
            },
          },
          key(),
        );
        return (response.body.data as { registerTicket?: { id: string; number: string; status: string } } | undefined)
          ?.registerTicket;
      });
      expect(registered.status).toBe('REGISTERED');

      const status = await get(
        replicaB.gateway.url,
        {
          extensions: { persistedQuery: { version: 1, sha256Hash: idOf('TicketStatus') } },
          variables: { id: registered.id },
        },
        key(),
      );
      expect(status.body.errors).toBeUndefined();
      expect(status.body.data).toMatchObject({
        ticket: { id: registered.id, number: registered.number, status: 'REGISTERED' },
      });

      const open = await post(
        replicaA.gateway.url,
        { documentId: idOf('ContractOpenTickets'), variables: { contractId: acme.contractId, first: 10 } },
        key(),
      );
      expect(open.body.errors).toBeUndefined();
      expect(open.body.data).toMatchObject({
        tickets: { totalCount: 1, edges: [{ node: { id: registered.id, status: 'REGISTERED' } }] },
      });
    });

    it('runs them over graphql-ws too: a subscription and a query by id', async () => {
      const probe = wsClient(replicaA.gateway.url, { 'x-api-key': partnerKey });
      // graphql-ws needs a query string; a partner sends an empty one and the id.
      const received: unknown[] = [];
      const stop = probe.client.subscribe(
        { query: '', extensions: { persistedQuery: { version: 1, sha256Hash: idOf('TicketChanges') } } },
        {
          next: (value) => void received.push(value),
          error: (e) => void received.push({ error: e }),
          complete: () => undefined,
        },
      );
      await eventually(() => replicaA.gateway.hub.subscriberCount === 1);
      const ticket = await eventually(async () => {
        const response = await post(
          sys.url,
          {
            query: `mutation($c: ID!) { registerTicket(input: { contractId: $c, channel: PORTAL, title: "ws", description: "d" }) { id number } }`,
            variables: { c: acme.contractId },
          },
          { authorization: `Bearer ${acme.token}` },
        );
        return (response.body.data as { registerTicket?: { id: string; number: string } } | undefined)?.registerTicket;
      });
      await eventually(() => received.length > 0);
      expect(received[0]).toMatchObject({
        data: { ticketChanged: { type: 'REGISTERED', ticketId: ticket.id, ticket: { number: ticket.number } } },
      });
      stop();

      const status = await new Promise<unknown>((resolve, reject) =>
        probe.client.subscribe(
          {
            query: '',
            extensions: { persistedQuery: { version: 1, sha256Hash: idOf('TicketStatus') } },
            variables: { id: ticket.id },
          },
          { next: resolve, error: reject, complete: () => undefined },
        ),
      );
      expect(status).toMatchObject({ data: { ticket: { id: ticket.id, status: 'REGISTERED' } } });
      await probe.client.dispose();
    });

    it('refuses free-form operations, unknown ids, and mutations over GET', async () => {
      const freeForm = await post(replicaA.gateway.url, { query: '{ me { role } }' }, key());
      expect(freeForm.status).toBe(400);
      expect(freeForm.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_ALLOWED');

      const unknown = await post(
        replicaA.gateway.url,
        { documentId: `sha256:${sha256('query Nope { me { id } }')}` },
        key(),
      );
      expect(unknown.body.errors?.[0]).toEqual({
        message: `The manifest of partner "examples" has no operation ${sha256('query Nope { me { id } }')}`,
        extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', documentId: sha256('query Nope { me { id } }') },
      });

      const overGet = await get(
        replicaA.gateway.url,
        { documentId: idOf('RegisterTicket'), variables: { input: {} } },
        key(),
      );
      expect(overGet.status).toBe(405);

      const overWs = wsClient(replicaA.gateway.url, { 'x-api-key': partnerKey });
      const freeFormWs = subscribe(overWs.client, 'subscription { ticketChanged { type } }');
      await eventually(() => freeFormWs.error);
      expect(freeFormWs.error).toEqual([
        expect.objectContaining({ extensions: { code: 'PERSISTED_QUERY_NOT_ALLOWED' } }),
      ]);
      await overWs.client.dispose();
    });

    it('keeps an organization-bound partner inside its organization', async () => {
      const globexTicket = await eventually(async () => {
        const response = await post(
          sys.url,
          {
            query: `mutation($c: ID!) { registerTicket(input: { contractId: $c, channel: PORTAL, title: "g", description: "d" }) { id } }`,
            variables: { c: globex.contractId },
          },
          { authorization: `Bearer ${globex.token}` },
        );
        return (response.body.data as { registerTicket?: { id: string } } | undefined)?.registerTicket;
      });
      const status = await post(
        replicaA.gateway.url,
        { documentId: idOf('TicketStatus'), variables: { id: globexTicket.id } },
        key(),
      );
      expect(status.body.data?.ticket ?? null).toBeNull();
    });

    it('loads a changed manifest without a restart, and refuses a revoked key', async () => {
      const folder = join(dir, 'persisted', 'examples');
      const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as {
        operations: { id: string; name: string; type: string; body: string }[];
      };
      const body = 'query Presets {\n  presets {\n    id\n  }\n}';
      manifest.operations.push({ id: sha256(body), name: 'Presets', type: 'query', body });
      writeFileSync(join(folder, 'manifest.json'), JSON.stringify(manifest, null, 2));
      const presets = await eventually(async () => {
        const response = await post(replicaB.gateway.url, { documentId: sha256(body) }, key());
        return response.body.data ? response.body : null;
      });
      expect((presets.data as { presets: unknown[] }).presets).toHaveLength(5);

      // A manifest that does not fit the supergraph is refused; the partner keeps what it had.
      const generation = replicaB.gateway.manifests.generation;
      writeFileSync(
        join(folder, 'manifest.json'),
        JSON.stringify({
          ...manifest,
          operations: [{ ...manifest.operations[0], body: '{ nope }', id: sha256('{ nope }') }],
        }),
      );
      await eventually(() => replicaB.gateway.manifests.generation > generation);
      expect((await post(replicaB.gateway.url, { documentId: sha256(body) }, key())).body.data).toBeTruthy();

      revokePartnerKey(join(dir, 'partner-keys.json'), partnerKeyId);
      const refused = await eventually(async () => {
        const response = await post(replicaA.gateway.url, { documentId: sha256(body) }, key());
        return response.status === 401 ? response : null;
      });
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });
  });
});
