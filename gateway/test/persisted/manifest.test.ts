import { buildSchema } from 'graphql';
import {
  buildManifest,
  manifestProblems,
  parseManifest,
  requestedDocumentId,
  sha256Hex,
} from '../../src/persisted/manifest';

const SCHEMA = buildSchema(/* GraphQL */ `
  type Ticket {
    id: ID!
    number: String!
    status: String!
  }
  type Query {
    ticket(id: ID!): Ticket
  }
  type Mutation {
    closeTicket(id: ID!): Ticket!
  }
`);

describe('trusted-document manifests (Apollo persisted-query manifest format)', () => {
  it('builds one entry per named operation with the fragments it uses; the id is the SHA-256 of the body', () => {
    const manifest = buildManifest(
      [
        { name: 'status.graphql', text: 'query Status($id: ID!) { ticket(id: $id) { ...Head } }' },
        { name: 'close.graphql', text: 'mutation Close($id: ID!) { closeTicket(id: $id) { id } }' },
        { name: 'fragments.graphql', text: 'fragment Head on Ticket { number status }' },
      ],
      SCHEMA,
    );
    const status =
      'query Status($id: ID!) {\n  ticket(id: $id) {\n    ...Head\n  }\n}\n\nfragment Head on Ticket {\n  number\n  status\n}';
    expect(manifest).toEqual({
      format: 'apollo-persisted-query-manifest',
      version: 1,
      operations: [
        {
          id: sha256Hex('mutation Close($id: ID!) {\n  closeTicket(id: $id) {\n    id\n  }\n}'),
          name: 'Close',
          type: 'mutation',
          body: 'mutation Close($id: ID!) {\n  closeTicket(id: $id) {\n    id\n  }\n}',
        },
        { id: sha256Hex(status), name: 'Status', type: 'query', body: status },
      ],
    });
  });

  it('refuses documents that do not fit the schema, naming every problem', () => {
    expect(() =>
      buildManifest(
        [
          { name: 'a.graphql', text: '{ ticket(id: "1") { id } }' },
          { name: 'b.graphql', text: 'query B { ticket(id: "1") { owner } }' },
        ],
        SCHEMA,
      ),
    ).toThrow(/a.graphql: every operation needs a name[\s\S]*B: Cannot query field "owner" on type "Ticket"/);
  });

  it('refuses a manifest whose id is not the hash of its body', () => {
    const json = {
      format: 'apollo-persisted-query-manifest',
      version: 1,
      operations: [{ id: 'a'.repeat(64), name: 'X', type: 'query', body: '{ __typename }' }],
    };
    expect(() => parseManifest(json, 'm.json')).toThrow('m.json: operation X has id aaaa');
  });

  it('reports operations a schema change broke', () => {
    const body = 'query Status { ticket(id: "1") { status } }';
    const manifest = parseManifest(
      {
        format: 'apollo-persisted-query-manifest',
        version: 1,
        operations: [{ id: sha256Hex(body), name: 'Status', type: 'query', body }],
      },
      'm.json',
    );
    const changed = buildSchema('type Ticket { id: ID! } type Query { ticket(id: ID!): Ticket }');
    expect(manifestProblems(manifest, changed)).toEqual(['Status: Cannot query field "status" on type "Ticket".']);
  });

  it('reads the id from the Apollo extension or documentId, with or without sha256:', () => {
    const id = 'ab'.repeat(32);
    expect(requestedDocumentId({ extensions: { persistedQuery: { version: 1, sha256Hash: id } } })).toBe(id);
    expect(requestedDocumentId({ documentId: `sha256:${id.toUpperCase()}` })).toBe(id);
    expect(requestedDocumentId({ documentId: id })).toBe(id);
    expect(requestedDocumentId({})).toBeNull();
    expect(() => requestedDocumentId({ documentId: 'sha256:xyz' })).toThrow('A document id must be a SHA-256');
  });
});
