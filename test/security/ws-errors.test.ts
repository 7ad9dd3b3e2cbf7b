import { eventually } from '@reglament/shared/testing';
import type { Client } from 'graphql-ws';
import { adminToken, seedCustomer, type SeededCustomer } from '../../gateway/test/support/seed';
import { wsClient, type WsProbe } from '../../gateway/test/support/gateways';
import { subscribe, TestSystem } from '../support/system';

/** Issue 11, finding 4: an error in a query or mutation over graphql-ws is a result, not the socket's end. */
describe('graphql-ws: errors in results keep the socket and its subscriptions', () => {
  let sys: TestSystem;
  let acme: SeededCustomer;
  let probe: WsProbe;

  beforeAll(async () => {
    sys = await TestSystem.start();
    const admin = await adminToken();
    await sys.ok(`mutation { setClock(at: "2025-03-03T10:00:00+03:00") }`, {}, admin);
    acme = await seedCustomer(sys, admin, 'Acme');
  });
  afterAll(async () => {
    await probe?.client.dispose();
    await sys?.stop();
  });

  /** One query or mutation over the socket: every result it sent, and how it ended. */
  function once(client: Client, query: string, variables: Record<string, unknown> = {}) {
    return new Promise<{
      results: { data?: unknown; errors?: { extensions?: { code?: string } }[] }[];
      error: unknown;
    }>((resolve) => {
      const results: { data?: unknown; errors?: { extensions?: { code?: string } }[] }[] = [];
      client.subscribe(
        { query, variables },
        {
          next: (value) => void results.push(value as (typeof results)[number]),
          error: (error) => resolve({ results, error }),
          complete: () => resolve({ results, error: null }),
        },
      );
    });
  }

  it('NOT_FOUND, FORBIDDEN and a bad id arrive as `next` with `errors`; the subscription still delivers', async () => {
    probe = wsClient(sys.url, { authorization: `Bearer ${acme.token}` });
    const changes = subscribe<{ ticketChanged: { type: string; ticketId: string } }>(
      probe.client,
      `subscription { ticketChanged { type ticketId } }`,
    );
    await eventually(() => sys.system.gateway.hub.subscriberCount === 1);

    const missing = await once(probe.client, `query($id: ID!) { ticket(id: $id) { id } }`, {
      id: '00000000-0000-7000-8000-000000000099',
    });
    expect(missing.error).toBeNull();
    expect(missing.results).toHaveLength(1);
    expect(missing.results[0]!.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    // A customer may not create organizations.
    const forbidden = await once(
      probe.client,
      `mutation { createOrganization(input: { name: "Nope", email: "nope@example.com" }) { id } }`,
    );
    expect(forbidden.error).toBeNull();
    expect(forbidden.results[0]!.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const badId = await once(probe.client, `{ ticket(id: "not-an-id") { id } }`);
    expect(badId.error).toBeNull();
    expect(badId.results[0]!.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    // The socket is open and the subscription on it still live: a new ticket reaches it.
    const ticket = await eventually(async () => {
      const result = await sys.gql<{ registerTicket: { id: string } }>(
        `mutation($c: ID!) { registerTicket(input: { contractId: $c, channel: PORTAL, title: "Still here",
           description: "After three errors" }) { id } }`,
        { c: acme.contractId },
        acme.token,
      );
      return result.data?.registerTicket;
    });
    await eventually(() =>
      changes.received.find(
        (r) => r.data?.ticketChanged.ticketId === ticket.id && r.data.ticketChanged.type === 'REGISTERED',
      ),
    );
    expect(changes.error).toBeNull();
    expect(sys.system.gateway.connections).toBe(1);
  });
});
