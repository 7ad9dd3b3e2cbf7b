import { createHash } from 'node:crypto';
import { Seed } from '../support/seed';
import { TestSystem } from '../support/system';

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
    const seed = await Seed.on(sys, { clock: '2025-03-03T10:00:00+03:00' });
    const customer = await seed.customer({
      preset: 'imc-typical',
      organization: { name: 'Files Ltd', email: 'it@files.example' },
      contact: { fullName: 'Vera Files', email: 'vera@files.example' },
      contract: { number: 'F-1', startsOn: '2025-01-01', endsOn: '2025-12-31' },
    });
    const bytes = Buffer.alloc(3 * 1024 * 1024, 7);
    bytes.write('PNG screenshot', 0);
    const ticket = await seed.ticket(customer, { input: { title: 'Crash', description: 'See screenshot' } });
    const { addAttachment } = await sys.ok<{ addAttachment: { size: number; sha256: string } }>(
      `mutation($t: ID!, $f: AttachmentInput!) { addAttachment(ticketId: $t, input: $f) { size sha256 } }`,
      { t: ticket.id, f: { name: 'screen.png', contentType: 'image/png', contentBase64: bytes.toString('base64') } },
      customer.token,
    );
    expect(addAttachment).toEqual({ size: 3 * 1024 * 1024, sha256: createHash('sha256').update(bytes).digest('hex') });
  });
});
