import { eventually } from '@reglament/shared/testing';
import { adminToken, seedCustomer, type SeededCustomer } from '../../gateway/test/support/seed';
import { mintToken, subscribe, TestSystem } from '../support/system';

/**
 * Notifications through the gateway on real PostgreSQL and NATS: a ticket registered through
 * the API reaches the requester and the dispatchers (R-TKT-1, R-NTF-1) in the inbox and live
 * on `notificationAdded`, with the federated ticket; a customer of another organization gets
 * nothing on any channel, and nobody subscribes to another's notifications.
 */
describe('notifications through the gateway', () => {
  let sys: TestSystem;
  let admin: string;
  let dispatcher: string;
  let acme: SeededCustomer;
  let globex: SeededCustomer;

  beforeAll(async () => {
    sys = await TestSystem.start();
    admin = await adminToken();
    await sys.ok(`mutation { setClock(at: "2025-03-03T10:00:00+03:00") }`, {}, admin);
    const { addStaff } = await sys.ok<{ addStaff: { id: string } }>(
      `mutation { addStaff(input: { fullName: "Dora Dispatcher", email: "dora@provider.example", role: DISPATCHER,
         password: "correct horse battery staple" }) { id } }`,
      {},
      admin,
    );
    dispatcher = await mintToken({ sub: addStaff.id, role: 'DISPATCHER', name: 'Dora Dispatcher' });
    acme = await seedCustomer(sys, admin, 'Acme');
    globex = await seedCustomer(sys, admin, 'Globex');
  });
  afterAll(async () => {
    await sys?.stop();
  });

  it('a registered ticket reaches the requester and the dispatcher, live and in the inbox; another organization sees nothing', async () => {
    type Added = { notificationAdded: { kind: string; title: string; ticket: { number: string; status: string } } };
    const selection = `subscription { notificationAdded { kind title ticket { number status } } }`;
    const acmeWs = sys.wsClient(acme.token);
    const globexWs = sys.wsClient(globex.token);
    const doraWs = sys.wsClient(dispatcher);
    const mine = subscribe<Added>(acmeWs, selection);
    const foreign = subscribe<Added>(globexWs, selection);
    const dora = subscribe<Added>(doraWs, selection);
    await eventually(() => sys.system.gateway.hub.subscriberCount >= 3);

    const ticket = await eventually(async () => {
      const result = await sys.gql<{ registerTicket: { id: string; number: string } }>(
        `mutation($c: ID!) { registerTicket(input: { contractId: $c, channel: PORTAL, title: "Invoices fail",
           description: "Posting fails" }) { id number } }`,
        { c: acme.contractId },
        acme.token,
      );
      return result.data?.registerTicket;
    });

    const live = await eventually(() => mine.received[0]);
    expect(live.errors).toBeUndefined();
    expect(live.data!.notificationAdded).toEqual({
      kind: 'TICKET_REGISTERED',
      title: `Обращение ${ticket.number} зарегистрировано`,
      ticket: { number: ticket.number, status: 'REGISTERED' },
    });
    const doraLive = await eventually(() => dora.received[0]);
    expect(doraLive.data!.notificationAdded).toMatchObject({
      kind: 'TICKET_REGISTERED',
      title: `Новое обращение ${ticket.number}`,
    });

    const inbox = await sys.ok<{
      myNotifications: { totalCount: number; edges: { node: { kind: string; ticket: { number: string } } }[] };
      unreadNotificationCount: number;
    }>(
      `{ myNotifications { totalCount edges { node { kind ticket { number } } } } unreadNotificationCount }`,
      {},
      acme.token,
    );
    expect(inbox.myNotifications.totalCount).toBe(1);
    expect(inbox.myNotifications.edges[0]!.node).toEqual({
      kind: 'TICKET_REGISTERED',
      ticket: { number: ticket.number },
    });
    expect(inbox.unreadNotificationCount).toBe(1);

    const theirs = await sys.ok<{ myNotifications: { totalCount: number } }>(
      `{ myNotifications { totalCount } }`,
      {},
      globex.token,
    );
    expect(theirs.myNotifications.totalCount).toBe(0);
    // Every notification of this event has been delivered live by now (Olga's and Dora's); Globex got none.
    expect(foreign.received).toEqual([]);
    for (const client of [acmeWs, globexWs, doraWs]) await client.dispose();
  });

  it('refuses notificationAdded to a caller without an inbox of its own', async () => {
    const tool = await mintToken({ sub: 'report-tool', role: 'ADMIN', name: 'tool' });
    const ws = sys.wsClient(tool);
    const refused = subscribe(ws, `subscription { notificationAdded { kind } }`);
    await eventually(() => refused.error);
    expect(refused.error).toEqual([expect.objectContaining({ extensions: { code: 'FORBIDDEN' } })]);
    await ws.dispose();
  });
});
