import { createHash } from 'node:crypto';
import { adminToken, seedCustomer } from '../../gateway/test/support/seed';
import { TestSystem } from '../support/system';

/** Issue 11, finding 6: input that used to answer INTERNAL_SERVER_ERROR gets a typed refusal and changes nothing. */
describe('typed refusals: lone surrogates and persisted-query mistakes', () => {
  let sys: TestSystem;
  let admin: string;
  beforeAll(async () => {
    sys = await TestSystem.start();
    admin = await adminToken();
  });
  afterAll(async () => {
    await sys?.stop();
  });

  const SURROGATE_MESSAGE =
    'Text may not contain a lone UTF-16 surrogate (\\uD800-\\uDFFF without its pair): send well-formed Unicode';

  it('a lone surrogate in a variable is BAD_USER_INPUT over POST, GET and graphql-ws, and nothing is created', async () => {
    const create = `mutation($n: String!) { createOrganization(input: { name: $n, email: "s@example.com" }) { id } }`;
    for (const name of ['A\ud800B', 'A\udc00', '\ud83d']) {
      const posted = await sys.gql(create, { n: name }, admin);
      expect(posted.errors?.[0]).toMatchObject({ message: SURROGATE_MESSAGE, extensions: { code: 'BAD_USER_INPUT' } });
    }
    // A well-formed pair (an emoji) is fine.
    const emoji = await sys.gql<{ createOrganization: { id: string } }>(create, { n: 'Smile \ud83d\ude00 Ltd' }, admin);
    expect(emoji.errors).toBeUndefined();

    const query = `query($n: String!) { ticketByNumber(number: $n) { id } }`;
    const get = await fetch(
      `${sys.url}?query=${encodeURIComponent(query)}&variables=${encodeURIComponent('{"n":"T\\ud800"}')}`,
      { headers: { authorization: `Bearer ${admin}` } },
    );
    expect(get.status).toBe(400);
    expect(((await get.json()) as { errors: unknown[] }).errors[0]).toMatchObject({
      message: SURROGATE_MESSAGE,
      extensions: { code: 'BAD_USER_INPUT' },
    });

    const customer = await seedCustomer(sys, admin, 'Surrogate');
    const client = sys.wsClient(customer.token);
    const result = await new Promise<unknown>((resolve) =>
      client.subscribe(
        { query, variables: { n: 'T\udfff' } },
        { next: resolve, error: resolve, complete: () => undefined },
      ),
    );
    expect(JSON.stringify(result)).toContain('BAD_USER_INPUT');
    await client.dispose();

    const { organizations } = await sys.ok<{ organizations: { edges: { node: { name: string } }[] } }>(
      `{ organizations(first: 100) { edges { node { name } } } }`,
      {},
      admin,
    );
    // Only the emoji organization and the seeded customer exist.
    expect(
      organizations.edges.map((e) => e.node.name).filter((n) => n.startsWith('A') || n.startsWith('\ud83d')),
    ).toEqual([]);
    expect(organizations.edges).toHaveLength(2);
  });

  async function apq(query: string | undefined, persistedQuery: unknown) {
    const response = await fetch(sys.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...(query ? { query } : {}), extensions: { persistedQuery } }),
    });
    return {
      status: response.status,
      body: (await response.json()) as { errors?: { message: string; extensions: { code: string } }[] },
    };
  }

  it('an APQ hash that does not match its query, a malformed hash and version 2 are typed refusals', async () => {
    const query = '{ __typename }';
    const right = createHash('sha256').update(query).digest('hex');
    const wrong = createHash('sha256').update('{ something else }').digest('hex');

    const mismatch = await apq(query, { version: 1, sha256Hash: wrong });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.errors?.[0]).toMatchObject({
      message: `The query's SHA-256 is ${right}, not the sha256Hash sent (${wrong}): hash the exact query text`,
      extensions: { code: 'PERSISTED_QUERY_HASH_MISMATCH' },
    });
    for (const hash of ['zz', right.toUpperCase(), 42]) {
      const malformed = await apq(query, { version: 1, sha256Hash: hash });
      expect(malformed.status).toBe(400);
      expect(malformed.body.errors?.[0]?.extensions.code).toBe('BAD_REQUEST');
      expect(malformed.body.errors?.[0]?.message).toMatch(/64 lowercase hexadecimal digits/);
    }
    const version2 = await apq(query, { version: 2, sha256Hash: right });
    expect(version2.body.errors?.[0]).toMatchObject({
      message: 'Persisted query version 2 is not supported: send version 1',
      extensions: { code: 'BAD_REQUEST' },
    });
    // The right hash still registers and runs, and then runs by hash alone.
    expect((await apq(query, { version: 1, sha256Hash: right })).body).toEqual({ data: { __typename: 'Query' } });
    expect((await apq(undefined, { version: 1, sha256Hash: right })).body).toEqual({ data: { __typename: 'Query' } });
  });
});
