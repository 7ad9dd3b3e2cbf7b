import { SignJWT } from 'jose';
import { BENCH_JWT_SECRET } from './backend';

export async function token(claims: { sub: string; role: string; org?: string }): Promise<string> {
  return new SignJWT({ role: claims.role, ...(claims.org ? { org: claims.org } : {}), name: claims.sub })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setExpirationTime('6h')
    .sign(new TextEncoder().encode(BENCH_JWT_SECRET));
}

export const ADMIN_ID = '00000000-0000-7000-8000-000000000001';
export const DISPATCHER_ID = '00000000-0000-7000-8000-0000000000d1';

export async function gql<T>(url: string, auth: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${auth}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(body.errors)}`);
  return body.data as T;
}

async function retry<T>(attempt: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export interface SeededOrganization {
  organizationId: string;
  contractId: string;
  contactId: string;
  customerToken: string;
  ticketIds: string[];
}

/**
 * Customers through the public API: an organization, a contract (imc-typical) with a prepaid
 * package, a contact, and tickets registered by the contact.
 */
export async function seedOrganizations(
  url: string,
  organizations: number,
  ticketsEach: number,
): Promise<SeededOrganization[]> {
  const admin = await token({ sub: ADMIN_ID, role: 'ADMIN' });
  const seeded: SeededOrganization[] = [];
  for (let i = 0; i < organizations; i++) {
    const tag = `${Date.now().toString(36)}${i}`;
    const { createOrganization: org } = await gql<{ createOrganization: { id: string } }>(
      url,
      admin,
      `mutation($n: String!, $e: String!, $d: String!) { createOrganization(input: { name: $n, email: $e, emailDomains: [$d] }) { id } }`,
      { n: `Customer ${tag}`, e: `it@${tag}.example`, d: `${tag}.example` },
    );
    const { createContract: contract } = await gql<{ createContract: { id: string } }>(
      url,
      admin,
      `mutation($o: ID!, $n: String!) { createContract(input: { organizationId: $o, number: $n, preset: "imc-typical",
         startsOn: "2025-01-01", endsOn: "2030-12-31" }) { id } }`,
      { o: org.id, n: `C-${tag}` },
    );
    await gql(
      url,
      admin,
      `mutation($c: ID!) { addHourPackage(input: { contractId: $c, kind: SUBSCRIPTION, minutesPerMonth: 600, startsOn: "2025-01-01" }) { id } }`,
      { c: contract.id },
    ).catch(() => undefined); // prepaid is decoration here; a refusal must not stop the benchmark
    const { addContact: contact } = await gql<{ addContact: { id: string } }>(
      url,
      admin,
      `mutation($o: ID!, $e: String!) { addContact(input: { organizationId: $o, fullName: "Bench Contact", email: $e }) { id } }`,
      { o: org.id, e: `contact@${tag}.example` },
    );
    const customerToken = await token({ sub: contact.id, role: 'CUSTOMER', org: org.id });
    const ticketIds: string[] = [];
    for (let t = 0; t < ticketsEach; t++) {
      const { registerTicket } = await retry(() =>
        gql<{ registerTicket: { id: string } }>(
          url,
          customerToken,
          `mutation($c: ID!, $t: String!) { registerTicket(input: { contractId: $c, channel: PORTAL, title: $t, description: "Benchmark ticket" }) { id } }`,
          { c: contract.id, t: `Ticket ${t} of ${tag}` },
        ),
      );
      ticketIds.push(registerTicket.id);
    }
    seeded.push({ organizationId: org.id, contractId: contract.id, contactId: contact.id, customerToken, ticketIds });
  }
  return seeded;
}

/** Waits until every ticket is known to the subgraphs that resolve it (SLA timers, contracts' Ticket.contract). */
export async function waitUntilFederated(url: string, ticketIds: string[]): Promise<void> {
  const dispatcher = await token({ sub: DISPATCHER_ID, role: 'DISPATCHER' });
  for (const id of ticketIds) {
    await retry(async () => {
      const data = await gql<{ ticket: { sla: { timers: unknown[] }; contract: { number: string } | null } }>(
        url,
        dispatcher,
        `query($id: ID!) { ticket(id: $id) { sla { timers { id } } contract { number } } }`,
        { id },
      );
      if (data.ticket.sla.timers.length === 0 || !data.ticket.contract)
        throw new Error(`ticket ${id} not federated yet`);
    }, 60_000);
  }
}
