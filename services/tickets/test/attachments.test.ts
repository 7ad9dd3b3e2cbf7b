import { createHash } from 'node:crypto';
import { signCaller } from '@reglament/shared/domain';
import { TEST_SECRET } from '@reglament/shared/testing';
import { type Tenant, TicketsHarness } from './support/harness';
import { footprint, type TicketRef, ticketIn } from './support/tickets';

const LIMIT = 2 * 1024 * 1024;

const ADD = `mutation($id: ID!, $input: AttachmentInput!) {
  addAttachment(ticketId: $id, input: $input) { id name contentType size sha256 internal uploadedBy }
}`;

/** Files (R-TKT-5): through the storage interface (PostgreSQL bytea), with a size limit that says so. */
describe('attachments', () => {
  let h: TicketsHarness;
  let t: Tenant;
  let ticket: TicketRef;

  beforeAll(async () => {
    h = await TicketsHarness.start({ attachmentMaxBytes: LIMIT });
    t = await h.tenant();
    ticket = await ticketIn(h, t, 'IN_PROGRESS');
  });
  afterAll(async () => {
    await h?.stop();
  });

  async function refusal(input: Record<string, unknown>) {
    const before = await footprint(h, ticket.id);
    const result = await h.gql(t.customer, ADD, { id: ticket.id, input });
    expect(await footprint(h, ticket.id)).toEqual(before);
    const error = result.errors![0]!;
    return { code: error.extensions?.code, message: error.message, extensions: error.extensions ?? {} };
  }

  it('stores a file larger than a plain request body (1.5 MiB) and gives the same bytes back', async () => {
    const bytes = Buffer.alloc(1536 * 1024, 7);
    bytes.write('%PDF-1.7', 0);
    const { addAttachment: file } = await h.ok<{
      addAttachment: { id: string; size: number; sha256: string; uploadedBy: string };
    }>(t.customer, ADD, {
      id: ticket.id,
      input: { name: 'report.pdf', contentType: 'application/pdf', contentBase64: bytes.toString('base64') },
    });
    expect(file.size).toBe(1536 * 1024);
    expect(file.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(file.uploadedBy).toBe(`${t.contactName} (CUSTOMER)`);
    // Too large to inline: contentBase64 refuses and points to the download.
    const inline = await h.gql(h.staff.ENGINEER, `query($id: ID!) { attachment(id: $id) { contentBase64 } }`, {
      id: file.id,
    });
    expect(inline.errors?.[0]).toMatchObject({
      message: `report.pdf is ${1536 * 1024} bytes; contentBase64 serves files up to 65536 bytes: download it from Attachment.url`,
      extensions: { code: 'BAD_USER_INPUT', size: 1536 * 1024, maxBytes: 65536 },
    });
    // The download route streams it back in 256 KiB chunks: 1.5 MiB = 6 of them, the same bytes.
    const download = await fetch(h.services[0]!.url.replace('/graphql', `/attachments/${file.id}`), {
      headers: signCaller(h.staff.ENGINEER, TEST_SECRET),
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toBe('attachment; filename="report.pdf"');
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
    const [stored] = await h.query<{ n: number }>(
      `SELECT octet_length(content) AS n FROM ticket_attachment_contents WHERE attachment_id = $1`,
      [file.id],
    );
    expect(stored!.n).toBe(1536 * 1024);
  });

  it('refuses a file over the limit, saying its size and the limit', async () => {
    const over = Buffer.alloc(LIMIT + 1, 1).toString('base64');
    const error = await refusal({ name: 'big.bin', contentType: 'application/octet-stream', contentBase64: over });
    expect(error.code).toBe('BAD_USER_INPUT');
    // 2 MiB = 2097152 bytes; one more is refused.
    expect(error.message).toBe('attachment big.bin is 2097153 bytes; the limit is 2097152 bytes');
    expect(error.extensions).toMatchObject({ field: 'contentBase64', size: 2097153, maxBytes: 2097152 });
    // Exactly at the limit is fine.
    const exact = Buffer.alloc(LIMIT, 1).toString('base64');
    await h.ok(t.customer, ADD, {
      id: ticket.id,
      input: { name: 'exact.bin', contentType: 'application/octet-stream', contentBase64: exact },
    });
  });

  it('refuses content that is not base64, an empty file, a bad name or media type', async () => {
    expect((await refusal({ name: 'a.txt', contentType: 'text/plain', contentBase64: 'not base64!' })).message).toBe(
      'the content of a.txt is not valid base64',
    );
    expect((await refusal({ name: 'a.txt', contentType: 'text/plain', contentBase64: '' })).message).toBe(
      'attachment a.txt is empty',
    );
    expect(
      (await refusal({ name: '../etc/passwd', contentType: 'text/plain', contentBase64: 'YQ==' })).extensions,
    ).toMatchObject({
      field: 'name',
    });
    expect((await refusal({ name: 'a.txt', contentType: 'text', contentBase64: 'YQ==' })).extensions).toMatchObject({
      field: 'contentType',
    });
    expect(
      (await refusal({ name: 'a.txt', contentType: 'text/plain', contentBase64: 'YQ==', internal: true })).code,
    ).toBe('FORBIDDEN');
  });

  it('a closed ticket takes no more files', async () => {
    const closed = await ticketIn(h, t, 'CLOSED');
    const result = await h.gql(t.customer, ADD, {
      id: closed.id,
      input: { name: 'late.txt', contentType: 'text/plain', contentBase64: 'YQ==' },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
  });
});
