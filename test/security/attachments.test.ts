import { createHash } from 'node:crypto';
import { DownloadLinks } from '@reglament/shared/platform';
import { eventually, TEST_SECRET } from '@reglament/shared/testing';
import { adminToken, seedCustomer, type SeededCustomer } from '../../gateway/test/support/seed';
import { TestSystem } from '../support/system';

/**
 * Issue 11, finding 2: attachments cannot blow up an answer. Large files are downloaded from
 * a short-lived signed link (streamed, ranges, a safe file name), inline base64 is for small
 * files only and weighs its size in the cost, and every answer has a size cap.
 */
describe('attachment payloads', () => {
  let sys: TestSystem;
  let admin: string;
  let acme: SeededCustomer;
  let ticketId: string;
  let big: { id: string; bytes: Buffer };
  let small: { id: string; bytes: Buffer };

  beforeAll(async () => {
    sys = await TestSystem.start();
    admin = await adminToken();
    await sys.ok(`mutation { setClock(at: "2025-03-03T10:00:00+03:00") }`, {}, admin);
    acme = await seedCustomer(sys, admin, 'Files');
    ticketId = await eventually(async () => {
      const result = await sys.gql<{ registerTicket: { id: string } }>(
        `mutation($c: ID!) { registerTicket(input: { contractId: $c, channel: PORTAL, title: "Crash", description: "Logs attached" }) { id } }`,
        { c: acme.contractId },
        acme.token,
      );
      return result.data?.registerTicket.id;
    });
    const attach = async (name: string, bytes: Buffer) => {
      const { addAttachment } = await sys.ok<{ addAttachment: { id: string } }>(
        `mutation($t: ID!, $f: AttachmentInput!) { addAttachment(ticketId: $t, input: $f) { id } }`,
        { t: ticketId, f: { name, contentType: 'application/octet-stream', contentBase64: bytes.toString('base64') } },
        acme.token,
      );
      return { id: addAttachment.id, bytes };
    };
    big = await attach('отчёт "Q1".log', Buffer.from(Array.from({ length: 1024 * 1024 }, (_, i) => i % 251)));
    small = await attach('small.bin', Buffer.alloc(60 * 1024, 3));
  });
  afterAll(async () => {
    await sys?.stop();
  });

  const origin = () => sys.url.replace('/graphql', '');

  it('20 aliases of a 1 MiB file inline: each refused, pointing to the download, in a small answer', async () => {
    const aliases = Array.from({ length: 20 }, (_, i) => `f${i}: attachment(id: $id) { contentBase64 }`).join(' ');
    const response = await fetch(sys.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${acme.token}` },
      body: JSON.stringify({ query: `query($id: ID!) { ${aliases} }`, variables: { id: big.id } }),
    });
    const text = await response.text();
    // 20 errors of about 250 bytes, not 20 x 1.4 MB of base64.
    expect(text.length).toBeLessThan(20 * 1024);
    const body = JSON.parse(text) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors).toHaveLength(20);
    expect(body.errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0]!.message).toMatch(/is 1048576 bytes; contentBase64 serves files up to 65536 bytes/);
  });

  it('small files inline weigh their size: 1,600 aliases are refused before running, 200 pass the cost but not the answer cap', async () => {
    const flood = (n: number) =>
      `query($id: ID!) { ${Array.from({ length: n }, (_, i) => `f${i}: attachment(id: $id) { contentBase64 }`).join(' ')} }`;
    const many = await sys.gql(flood(1600), { id: small.id }, acme.token);
    expect(many.errors?.[0]).toMatchObject({
      message: 'The operation has 1600 aliases; at most 200 are allowed',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    // contentBase64 weighs 1 + ceil(65536 x 4/3 / 1024) = 1 + 86 = 87: 1,600 of them (with their
    // attachment fields) would cost 1,600 x 88 = 140,800, seven times the 20,000 limit.
    const priced = await sys.gql(
      `query($id: ID!) { ${Array.from({ length: 230 }, (_, i) => `f${i}: attachment(id: $id) { contentBase64 }`).join(' ')} }`,
      { id: small.id },
      acme.token,
    );
    expect(priced.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // 200 x 60 KiB as base64 = 200 x 81,920 = 16.4 MB of answer, past the 8 MiB cap: refused, typed.
    const response = await fetch(sys.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${acme.token}` },
      body: JSON.stringify({ query: flood(200), variables: { id: small.id } }),
    });
    const body = (await response.json()) as { data: unknown; errors: { message: string; extensions: object }[] };
    expect(response.status).toBe(400);
    expect(body.data).toBeNull();
    expect(body.errors[0]).toMatchObject({
      extensions: { code: 'RESPONSE_TOO_LARGE', maxResponseBytes: 8 * 1024 * 1024 },
    });
    // A few inline are fine.
    const three = await sys.ok<Record<string, { contentBase64: string }>>(flood(3), { id: small.id }, acme.token);
    expect(Buffer.from(three.f2!.contentBase64, 'base64').equals(small.bytes)).toBe(true);
  });

  async function urlOf(id: string, token: string): Promise<string> {
    const { attachment } = await sys.ok<{ attachment: { url: string } }>(
      `query($id: ID!) { attachment(id: $id) { url } }`,
      { id },
      token,
    );
    return attachment.url;
  }

  it('Attachment.url downloads the file without a token, under a safe name, with byte ranges', async () => {
    const url = await urlOf(big.id, acme.token);
    expect(url).toMatch(new RegExp(`^/attachments/${big.id}\\?token=`));
    const whole = await fetch(origin() + url);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-length')).toBe(String(1024 * 1024));
    expect(whole.headers.get('x-content-type-options')).toBe('nosniff');
    // Non-Latin-1 letters become "?" in the plain name, quotes are escaped; the exact name
    // travels percent-encoded in filename*.
    expect(whole.headers.get('content-disposition')).toBe(
      `attachment; filename="????? \\"Q1\\".log"; filename*=UTF-8''${encodeURIComponent('отчёт "Q1".log')}`,
    );
    const bytes = Buffer.from(await whole.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(createHash('sha256').update(big.bytes).digest('hex'));

    // Bytes 1,000,000 to 1,000,009: i % 251 for i = 1,000,000 is 1,000,000 - 251 x 3,984 = 16, then 17 ... 25.
    const part = await fetch(origin() + url, { headers: { range: 'bytes=1000000-1000009' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 1000000-1000009/${1024 * 1024}`);
    expect([...Buffer.from(await part.arrayBuffer())]).toEqual([16, 17, 18, 19, 20, 21, 22, 23, 24, 25]);
    const beyond = await fetch(origin() + url, { headers: { range: `bytes=${2 * 1024 * 1024}-` } });
    expect(beyond.status).toBe(416);
    await beyond.arrayBuffer();
  });

  it('a link that is tampered with, expired, or for another file is refused; the caller is checked again', async () => {
    const url = await urlOf(big.id, acme.token);
    const token = new URL(url, 'http://x').searchParams.get('token')!;
    const [body, signature] = token.split('.');
    const tampered = await fetch(`${origin()}/attachments/${big.id}?token=${body}.${signature!.slice(0, -2)}AA`);
    expect(tampered.status).toBe(403);
    expect(((await tampered.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe(
      'FORBIDDEN',
    );
    const elsewhere = await fetch(`${origin()}/attachments/${small.id}?token=${token}`);
    expect(elsewhere.status).toBe(403);
    await elsewhere.arrayBuffer();
    // Signed with the real key but five minutes and one second ago.
    const past = new DownloadLinks(TEST_SECRET, () => Date.now() - 5 * 60_000 - 1000);
    const expired = await fetch(
      origin() +
        past.linkFor(big.id, {
          kind: 'user',
          id: acme.contactId,
          role: 'CUSTOMER',
          organizationId: acme.organizationId,
          name: null,
        }),
    );
    expect(expired.status).toBe(403);
    expect(((await expired.json()) as { errors: { message: string }[] }).errors[0]!.message).toBe(
      'Refused: the link has expired: ask for Attachment.url again',
    );
    // A valid link of another organization's customer, forged with the key, still meets the tickets
    // subgraph's check of who may see the file.
    const other = await seedCustomer(sys, admin, 'Other');
    const fresh = new DownloadLinks(TEST_SECRET);
    const foreign = await fetch(
      origin() +
        fresh.linkFor(big.id, {
          kind: 'user',
          id: other.contactId,
          role: 'CUSTOMER',
          organizationId: other.organizationId,
          name: null,
        }),
    );
    expect(foreign.status).toBe(404);
    await foreign.arrayBuffer();
    // The customer is deactivated: its links stop working at once.
    await sys.ok(`mutation($id: ID!) { deactivateContact(id: $id) { id } }`, { id: acme.contactId }, admin);
    const refused = await eventually(async () => {
      const response = await fetch(origin() + url);
      await response.arrayBuffer();
      return response.status === 403 ? response : null;
    });
    expect(refused.status).toBe(403);
  });
});
