import { createHash } from 'node:crypto';
import { eventually } from '@reglament/shared/testing';
import { mintToken, TestSystem } from '../support/system';

/** A customer attaches a screenshot of a few megabytes through the gateway (R-TKT-5: attachments). */
describe('attachments through the gateway', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await TestSystem.start();
  });
  afterAll(async () => {
    await sys?.stop();
  });

  it('a 3 MB file passes the gateway and comes back byte for byte', async () => {
    const admin = await mintToken({ sub: '00000000-0000-7000-8000-000000000001', role: 'ADMIN' });
    await sys.ok(`mutation { setClock(at: "2025-03-03T10:00:00+03:00") }`, {}, admin);
    const { createOrganization: org } = await sys.ok<{ createOrganization: { id: string } }>(
      `mutation { createOrganization(input: { name: "Files Ltd", email: "it@files.example" }) { id } }`,
      {},
      admin,
    );
    const { addContact: contact } = await sys.ok<{ addContact: { id: string } }>(
      `mutation($o: ID!) { addContact(input: { organizationId: $o, fullName: "Vera Files", email: "vera@files.example" }) { id } }`,
      { o: org.id },
      admin,
    );
    const { createContract: contract } = await sys.ok<{ createContract: { id: string } }>(
      `mutation($o: ID!) { createContract(input: { organizationId: $o, number: "F-1", preset: "imc-typical",
         startsOn: "2025-01-01", endsOn: "2025-12-31" }) { id } }`,
      { o: org.id },
      admin,
    );
    const customer = await mintToken({ sub: contact.id, role: 'CUSTOMER', org: org.id });
    const bytes = Buffer.alloc(3 * 1024 * 1024, 7);
    bytes.write('PNG screenshot', 0);
    const ticket = await eventually(async () => {
      const result = await sys.gql<{ registerTicket: { id: string } }>(
        `mutation($c: ID!) { registerTicket(input: { contractId: $c, channel: PORTAL, title: "Crash", description: "See screenshot" }) { id } }`,
        { c: contract.id },
        customer,
      );
      return result.data?.registerTicket;
    });
    const { addAttachment } = await sys.ok<{ addAttachment: { size: number; sha256: string } }>(
      `mutation($t: ID!, $f: AttachmentInput!) { addAttachment(ticketId: $t, input: $f) { size sha256 } }`,
      { t: ticket.id, f: { name: 'screen.png', contentType: 'image/png', contentBase64: bytes.toString('base64') } },
      customer,
    );
    expect(addAttachment).toEqual({ size: 3 * 1024 * 1024, sha256: createHash('sha256').update(bytes).digest('hex') });
  });
});
