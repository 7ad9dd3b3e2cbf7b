import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { buildSchema, Kind, parse, validate } from 'graphql';

/**
 * The documentation stands on its own: every relative link of README.md, SECURITY.md and docs/*.md
 * reaches a file of the repository (and a heading of it, for `#anchors`), and every complete
 * GraphQL operation shown in a ```graphql block fits the client schema clients get.
 */
const ROOT = resolve(__dirname, '../..');
const DOCS = [
  'README.md',
  'SECURITY.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
].filter((file) => existsSync(join(ROOT, file)));

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[`*_]/g, '')
    .replace(/[^\p{L}\p{N} -]/gu, '')
    .replace(/ /g, '-');
}

function anchorsOf(file: string): Set<string> {
  const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
  return new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1]!)));
}

describe('documentation', () => {
  it.each(DOCS)('%s: every relative link reaches a file (and its heading)', (doc) => {
    const text = readFileSync(join(ROOT, doc), 'utf8').replace(/```[\s\S]*?```/g, '');
    const broken: string[] = [];
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/i.test(target!)) continue; // http:, mailto:
      const [path, anchor] = target!.split('#') as [string, string | undefined];
      const file = path ? resolve(ROOT, dirname(doc), path) : join(ROOT, doc);
      if (!existsSync(file)) {
        broken.push(target!);
        continue;
      }
      if (anchor && file.endsWith('.md') && !anchorsOf(file).has(anchor)) broken.push(target!);
    }
    expect(broken).toEqual([]);
  });

  it('every complete GraphQL operation in the docs fits the client schema (gateway/schema.graphql)', () => {
    const schema = buildSchema(readFileSync(join(ROOT, 'gateway/schema.graphql'), 'utf8'));
    const problems: string[] = [];
    let checked = 0;
    for (const doc of DOCS) {
      const text = readFileSync(join(ROOT, doc), 'utf8');
      // ```graphql blocks, and the query strings of the curl and client examples ("query":"...").
      const blocks = [...text.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);
      for (const [, quoted] of text.matchAll(/"?query"?:\s*("(?:[^"\\\n]|\\.)*")/g)) {
        blocks.push(JSON.parse(quoted!) as string);
      }
      for (const block of blocks) {
        let document;
        try {
          document = parse(block);
        } catch {
          continue; // an outline of a selection or a type, not a whole operation
        }
        if (!document.definitions.every((d) => d.kind === Kind.OPERATION_DEFINITION)) continue;
        checked++;
        for (const error of validate(schema, document)) problems.push(`${doc}: ${error.message}`);
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(0);
  });
});
