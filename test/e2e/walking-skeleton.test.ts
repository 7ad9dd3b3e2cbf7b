import { eventually } from '@reglament/shared/testing';
import { Seed } from '../support/seed';
import { subscribe, TestSystem } from '../support/system';

/**
 * The walking skeleton, end to end through the gateway on real PostgreSQL and NATS:
 * registerTicket -> tickets (ticket + event in one transaction) -> outbox relay -> JetStream
 * -> sla creates a REACTION timer -> sla's event -> the gateway pushes slaChanged to a
 * graphql-ws subscriber whose selection reaches into two subgraphs.
 */
describe('walking skeleton: a registered ticket reaches a live subscription', () => {
  let sys: TestSystem;
  let seed: Seed;

  beforeAll(async () => {
    sys = await TestSystem.start();
    seed = await Seed.on(sys);
  });
  afterAll(async () => {
    await sys?.stop();
  });

  it('pushes slaChanged with the ticket from tickets and its deadline from sla', async () => {
    // Monday 3 March 2025, 10:00 Moscow (07:00 UTC).
    await seed.setClock('2025-03-03T10:00:00+03:00');
    // R-ACC-1: only registered contacts of the organization may register tickets.
    const customer = await seed.customer({
      preset: 'imc-typical',
      organization: { name: 'Acme', email: 'it@acme.example', emailDomains: ['acme.example'] },
      contract: { number: 'C-1', startsOn: '2025-01-01', endsOn: '2025-12-31' },
      contact: { fullName: 'Irina Petrova', email: 'irina@acme.example' },
    });
    const client = sys.wsClient(customer.token);
    const sub = subscribe<{
      slaChanged: { type: string; ticket: { number: string; status: string; sla: { nextDeadline: string } } };
    }>(client, `subscription { slaChanged { type ticket { number status sla { nextDeadline } } } }`);
    await eventually(() => sys.system.gateway.hub.subscriberCount === 1);

    // The tickets service learns the contract from contracts' events: the kit retries until it can register.
    const registered = await seed.ticket(customer, {
      input: { title: 'Cannot post invoices', description: 'Posting fails with error 42' },
    });
    expect(registered.number).toMatch(/^T-2025-\d{6}$/);

    const change = await eventually(() => sub.received[0]);
    expect(change.errors).toBeUndefined();
    expect(change.data?.slaChanged).toEqual({
      type: 'STARTED',
      ticket: {
        number: registered.number,
        status: 'REGISTERED',
        // imc-typical: primary analysis within 1 working day of registration (R-TKT-8):
        // Mon 3 March 10:00 Moscow -> Tue 4 March 10:00 Moscow = 07:00Z.
        sla: { nextDeadline: '2025-03-04T07:00:00.000Z' },
      },
    });
    sub.unsubscribe();
    await client.dispose();
  });
});
