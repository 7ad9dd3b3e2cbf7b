/**
 * Run as its own process by embedded.test.ts (PGlite needs dynamic imports Jest's VM refuses):
 * the tickets service on PGlite and the in-process bus, seeded through the bus, walked over
 * HTTP; prints `RESULT <json>` with what the test checks.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Caller, makeEvent, newId, signCaller } from '@reglament/shared/domain';
import { closePlatform, createPlatform } from '@reglament/shared/platform';
import { eventually, TEST_SECRET } from '@reglament/shared/testing';
import { startTickets } from '../../src';

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'reglament-tickets-'));
  const platform = await createPlatform({
    name: 'embedded',
    eventPrefix: 'embedded',
    internalSecret: TEST_SECRET,
    testClock: false,
    logLevel: 'warn',
  });
  const service = await startTickets(platform, { port: 0, dataDir: dir });
  try {
    const organizationId = newId();
    const contractId = newId();
    const contactId = newId();
    const engineerId = newId();
    const customer: Caller = { kind: 'user', id: contactId, role: 'CUSTOMER', organizationId, name: 'Olga' };
    const dispatcher: Caller = { kind: 'user', id: newId(), role: 'DISPATCHER', organizationId: null, name: 'Dora' };
    const origin = { source: 'contracts', occurredAt: new Date() };
    await platform.bus.publish(
      makeEvent(
        'contracts.staff.registered',
        null,
        { staffId: engineerId, fullName: 'Egor', email: 'egor@provider.example', role: 'ENGINEER', active: true },
        origin,
      ),
    );
    await platform.bus.publish(
      makeEvent(
        'contracts.contract.created',
        organizationId,
        {
          contractId,
          organizationId,
          number: 'C-1',
          preset: 'asmo',
          status: 'ACTIVE',
          startsOn: '2020-01-01',
          endsOn: '2099-12-31',
          products: [],
          coverage: null,
          timeZone: 'Europe/Moscow',
          prerequisites: [],
        },
        origin,
      ),
    );
    await platform.bus.publish(
      makeEvent(
        'contracts.contact.registered',
        organizationId,
        { contactId, organizationId, fullName: 'Olga', email: 'olga@customer.example', phone: null, active: true },
        origin,
      ),
    );
    const gql = async <T>(caller: Caller, query: string, variables: Record<string, unknown> = {}) => {
      const response = await fetch(service.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signCaller(caller, TEST_SECRET) },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as { data?: T; errors?: { extensions?: { code?: string } }[] };
    };
    const { id } = await eventually(
      async () =>
        (
          await gql<{ registerTicket: { id: string } }>(
            customer,
            `mutation($c: ID!) { registerTicket(input: { contractId: $c, channel: PORTAL, title: "Blank report",
               description: "No rows", attachments: [{ name: "a.txt", contentType: "text/plain", contentBase64: "aGVsbG8=" }] }) { id } }`,
            { c: contractId },
          )
        ).data?.registerTicket,
    );
    await gql(dispatcher, `mutation($id: ID!) { acknowledgeTicket(id: $id) { id } }`, { id });
    const triaged = await gql<{ triageTicket: unknown }>(
      dispatcher,
      `mutation($id: ID!, $a: ID!, $p: DateTime!) { triageTicket(id: $id, input: { category: ERROR, priority: LOW,
         assigneeId: $a, plannedResolutionAt: $p }) { status version } }`,
      // A month ahead of the real clock (planned dates lie within 10 years of now).
      { id, a: engineerId, p: new Date(Date.now() + 30 * 24 * 3600_000).toISOString() },
    );
    const again = await gql(dispatcher, `mutation($id: ID!) { acknowledgeTicket(id: $id) { id } }`, { id });
    const view = await gql<{ ticket: unknown }>(
      customer,
      `query($id: ID!) { ticket(id: $id) { attachments { contentBase64 } history { type } } }`,
      { id },
    );
    const list = await gql<{ tickets: unknown }>(
      customer,
      `{ tickets(orderBy: SLA_DEADLINE, filter: { search: "blank", breached: false }) { totalCount } }`,
    );
    process.stdout.write(
      `RESULT ${JSON.stringify({
        triaged: triaged.data?.triageTicket,
        again: again.errors?.[0]?.extensions?.code,
        view: view.data?.ticket,
        list: list.data?.tickets,
      })}\n`,
    );
  } finally {
    await service.stop();
    await closePlatform(platform);
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${String(error instanceof Error ? error.stack : error)}\n`);
    process.exit(1);
  },
);
