import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSchema } from 'graphql';
import { clientSchemaOf, manifestOfFolder, persistedProblems } from '../../src/persisted/folders';
import { printManifest } from '../../src/persisted/manifest';
import { PERSISTED_DIR } from '../../src/persisted/manifest-store';
import { loadSupergraph } from '../../src/supergraph';

describe('the trusted-documents check of pnpm compose', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'persisted-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the committed example manifest current and fitting the supergraph', async () => {
    expect(persistedProblems(PERSISTED_DIR, await clientSchemaOf(loadSupergraph()))).toEqual([]);
  });

  it('fails when a schema change breaks an operation, and when a manifest is older than its documents', () => {
    const before = buildSchema('type Ticket { id: ID! number: String! } type Query { ticket(id: ID!): Ticket }');
    const after = buildSchema('type Ticket { id: ID! } type Query { ticket(id: ID!): Ticket }');
    const folder = join(dir, 'acme-erp');
    mkdirSync(folder);
    writeFileSync(join(folder, 'number.graphql'), 'query Number($id: ID!) { ticket(id: $id) { number } }');
    writeFileSync(join(folder, 'manifest.json'), printManifest(manifestOfFolder(folder, before)));
    expect(persistedProblems(dir, before)).toEqual([]);

    // `number` removed from Ticket: the partner's operation would break.
    expect(persistedProblems(dir, after)).toEqual([
      expect.stringMatching(/^partner acme-erp: [\s\S]*- Number: Cannot query field "number" on type "Ticket"\.$/),
    ]);

    // A document edited without rebuilding the manifest.
    writeFileSync(join(folder, 'number.graphql'), 'query Number($id: ID!) { ticket(id: $id) { id number } }');
    expect(persistedProblems(dir, before)).toEqual([
      `partner acme-erp: manifest.json is stale: run \`pnpm --filter @reglament/gateway persisted build ${folder}\``,
    ]);
  });
});
