import { makeEvent, newId } from '@reglament/shared/domain';
import { eventually } from '@reglament/shared/testing';
import { mintToken, TestSystem } from '../support/system';

const ORG = '00000000-0000-7000-8000-0000000000c1';

interface Parked {
  id: string;
  service: string;
  consumer: string;
  eventId: string;
  eventType: string;
  state: string;
  attempts: number;
  error: string;
  orderingKey: string | null;
}

const LIST = `query($service: String) { parkedEvents(service: $service) {
  id service consumer eventId eventType state attempts error orderingKey } }`;

/** Admins see, retry and discard parked events of every part through the gateway (docs/operations.md "Parked events"). */
describe('parked events through the API', () => {
  let sys: TestSystem;
  let admin: string;

  beforeAll(async () => {
    sys = await TestSystem.start();
    admin = await mintToken({ sub: 'admin-1', role: 'ADMIN' });
  });
  afterAll(async () => {
    await sys?.stop();
  });

  it('a poison event is parked by every consumer it fails, listed, retried (fails again) and discarded', async () => {
    const ticketId = newId();
    // A registration without its ticket facts: no consumer can ever apply it.
    const poison = makeEvent('tickets.ticket.registered', ORG, { ticketId, organizationId: ORG } as never, {
      source: 'test',
      occurredAt: new Date(),
    });
    await sys.system.platforms[0]!.bus.publish(poison);

    const parked = await eventually(
      async () => {
        const data = await sys.ok<{ parkedEvents: Parked[] }>(LIST, {}, admin);
        const mine = data.parkedEvents.filter((p) => p.eventId === poison.id);
        const services = new Set(mine.map((p) => p.service));
        return services.has('contracts') && services.has('notifications') ? mine : null;
      },
      { timeoutMs: 30_000 },
    );
    const byService = Object.fromEntries(parked.map((p) => [p.service, p]));
    expect(byService.contracts).toMatchObject({
      consumer: 'contracts-on-tickets',
      eventType: 'tickets.ticket.registered',
      state: 'FAILED',
      attempts: 5,
      orderingKey: `ticket:${ticketId}`,
    });
    expect(byService.contracts!.error).toMatch(/^TypeError: Cannot read properties of undefined/);
    expect(byService.notifications).toMatchObject({ consumer: 'notifications-on-tickets', state: 'FAILED' });
    expect(byService.contracts!.id).toMatch(/^contracts:[0-9a-f-]{36}$/);

    // One part only.
    const onlyContracts = await sys.ok<{ parkedEvents: Parked[] }>(LIST, { service: 'contracts' }, admin);
    expect(onlyContracts.parkedEvents.every((p) => p.service === 'contracts')).toBe(true);

    // Retried while the data is still bad: fails again, stays parked with one more attempt.
    const retried = await sys.ok<{ retryParkedEvent: unknown }>(
      'mutation($id: ID!) { retryParkedEvent(id: $id) { result error released stillParked } }',
      { id: byService.contracts!.id },
      admin,
    );
    expect(retried.retryParkedEvent).toMatchObject({ result: 'FAILED', released: 0, stillParked: 1 });

    for (const p of parked) {
      const discarded = await sys.ok<{ discardParkedEvent: unknown }>(
        'mutation($id: ID!) { discardParkedEvent(id: $id) { result error released stillParked } }',
        { id: p.id },
        admin,
      );
      expect(discarded.discardParkedEvent).toEqual({ result: 'DISCARDED', error: null, released: 0, stillParked: 0 });
    }
    const after = await sys.ok<{ parkedEvents: Parked[] }>(LIST, {}, admin);
    expect(after.parkedEvents.filter((p) => p.eventId === poison.id)).toEqual([]);
  });

  it('refuses everyone but admins, and ids, services and page sizes it does not know', async () => {
    const dispatcher = await mintToken({ sub: 'd-1', role: 'DISPATCHER' });
    const refused = await sys.gql(LIST, {}, dispatcher);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await sys.gql('mutation { discardParkedEvent(id: "sla:x") { result } }');
    expect(anonymous.errors?.[0]?.extensions?.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);

    const badId = await sys.gql('mutation { retryParkedEvent(id: "nowhere:1") { result } }', {}, admin);
    expect(badId.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await sys.gql(`mutation { retryParkedEvent(id: "sla:${newId()}") { result } }`, {}, admin);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const badService = await sys.gql(LIST, { service: 'billing' }, admin);
    expect(badService.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const tooMany = await sys.gql('{ parkedEvents(first: 501) { id } }', {}, admin);
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
