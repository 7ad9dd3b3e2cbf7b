import { randomBytes } from 'node:crypto';
import { mintToken, type TestSystem } from '../../../test/support/system';

export const ADMIN_ID = '00000000-0000-7000-8000-000000000001';

export interface SeededCustomer {
  organizationId: string;
  contractId: string;
  contactId: string;
  /** A CUSTOMER token of the contact (registered contacts may file tickets, R-ACC-1). */
  token: string;
}

/** One tenant, through the public API: an organization, a contract under imc-typical, a contact. */
export async function seedCustomer(sys: TestSystem, admin: string, name = 'Acme'): Promise<SeededCustomer> {
  const tag = randomBytes(3).toString('hex');
  const { createOrganization: org } = await sys.ok<{ createOrganization: { id: string } }>(
    `mutation($name: String!, $email: String!, $domain: String!) {
       createOrganization(input: { name: $name, email: $email, emailDomains: [$domain] }) { id } }`,
    { name: `${name} ${tag}`, email: `it@${tag}.example`, domain: `${tag}.example` },
    admin,
  );
  const { createContract: contract } = await sys.ok<{ createContract: { id: string } }>(
    `mutation($org: ID!, $number: String!) { createContract(input: { organizationId: $org, number: $number,
       preset: "imc-typical", startsOn: "2025-01-01", endsOn: "2025-12-31" }) { id } }`,
    { org: org.id, number: `C-${tag}` },
    admin,
  );
  const { addContact: contact } = await sys.ok<{ addContact: { id: string } }>(
    `mutation($org: ID!, $email: String!) { addContact(input: { organizationId: $org, fullName: "Anna Petrova",
       email: $email }) { id } }`,
    { org: org.id, email: `anna@${tag}.example` },
    admin,
  );
  return {
    organizationId: org.id,
    contractId: contract.id,
    contactId: contact.id,
    token: await mintToken({ sub: contact.id, role: 'CUSTOMER', org: org.id, name: 'Anna Petrova' }),
  };
}

export function adminToken(): Promise<string> {
  return mintToken({ sub: ADMIN_ID, role: 'ADMIN', name: 'Admin' });
}
