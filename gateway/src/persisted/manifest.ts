import { createHash } from 'node:crypto';
import {
  type DefinitionNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  getOperationAST,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  parse,
  print,
  validate,
  visit,
} from 'graphql';
import { z } from 'zod';

/**
 * Trusted documents in Apollo's persisted-query manifest format
 * (`{ format: "apollo-persisted-query-manifest", version: 1, operations: [{ id, name, type, body }] }`),
 * where `id` is the SHA-256 (hex) of `body`. One manifest per partner.
 */
export const MANIFEST_FORMAT = 'apollo-persisted-query-manifest';

const operationShape = z.object({
  id: z.string().regex(/^[0-9a-f]{64}$/, 'must be the SHA-256 of the body, 64 lowercase hex digits'),
  name: z.string().min(1),
  type: z.enum(['query', 'mutation', 'subscription']),
  body: z.string().min(1),
});
const manifestShape = z.object({
  format: z.literal(MANIFEST_FORMAT),
  version: z.literal(1),
  operations: z.array(operationShape),
});

export type PersistedOperation = z.infer<typeof operationShape>;
export type Manifest = z.infer<typeof manifestShape>;

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Parses a manifest and checks its own consistency (ids are the bodies' hashes, no duplicates). */
export function parseManifest(json: unknown, source: string): Manifest {
  const parsed = manifestShape.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${source}: ${issue.path.join('.') || '(root)'} ${issue.message}`);
  }
  const seen = new Set<string>();
  for (const operation of parsed.data.operations) {
    if (sha256Hex(operation.body) !== operation.id) {
      throw new Error(`${source}: operation ${operation.name} has id ${operation.id}, but its body hashes differently`);
    }
    if (seen.has(operation.id)) throw new Error(`${source}: operation ${operation.id} appears twice`);
    seen.add(operation.id);
  }
  return parsed.data;
}

/** Each operation against the schema: what a change of the supergraph would break. */
export function manifestProblems(manifest: Manifest, schema: GraphQLSchema): string[] {
  const problems: string[] = [];
  for (const operation of manifest.operations) {
    let document: DocumentNode;
    try {
      document = parse(operation.body);
    } catch (error) {
      problems.push(`${operation.name}: ${(error as Error).message}`);
      continue;
    }
    for (const error of validate(schema, document)) problems.push(`${operation.name}: ${error.message}`);
    const ast = getOperationAST(document);
    if (!ast) problems.push(`${operation.name}: the body must hold exactly one operation`);
    else if (ast.operation !== operation.type) {
      problems.push(`${operation.name}: declared as ${operation.type} but is a ${ast.operation}`);
    }
  }
  return problems;
}

/**
 * Builds a manifest from GraphQL documents (e.g. every `.graphql` file of a folder): one entry per
 * named operation, its body the operation plus the fragments it uses (from any of the files),
 * printed canonically; validated against the schema. Throws listing every problem.
 */
export function buildManifest(sources: { name: string; text: string }[], schema: GraphQLSchema): Manifest {
  const operations: { operation: OperationDefinitionNode; source: string }[] = [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  const problems: string[] = [];
  for (const source of sources) {
    let document: DocumentNode;
    try {
      document = parse(source.text);
    } catch (error) {
      problems.push(`${source.name}: ${(error as Error).message}`);
      continue;
    }
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) {
        if (fragments.has(definition.name.value)) {
          problems.push(`${source.name}: fragment ${definition.name.value} is defined twice`);
        }
        fragments.set(definition.name.value, definition);
      } else if (definition.kind === Kind.OPERATION_DEFINITION) {
        if (!definition.name) problems.push(`${source.name}: every operation needs a name`);
        else operations.push({ operation: definition, source: source.name });
      } else {
        problems.push(`${source.name}: only operations and fragments belong in a persisted document`);
      }
    }
  }
  const manifest: Manifest = { format: MANIFEST_FORMAT, version: 1, operations: [] };
  const names = new Set<string>();
  for (const { operation, source } of operations) {
    const name = operation.name!.value;
    if (names.has(name)) problems.push(`${source}: operation ${name} is defined twice`);
    names.add(name);
    const used = fragmentsUsedBy(operation, fragments, (missing) =>
      problems.push(`${source}: ${name} uses fragment ${missing}, which no document defines`),
    );
    const definitions: DefinitionNode[] = [operation, ...used];
    const body = print({ kind: Kind.DOCUMENT, definitions });
    manifest.operations.push({ id: sha256Hex(body), name, type: operation.operation, body });
  }
  problems.push(...manifestProblems(manifest, schema));
  if (problems.length > 0) throw new Error(`The documents do not make a valid manifest:\n- ${problems.join('\n- ')}`);
  manifest.operations.sort((a, b) => a.name.localeCompare(b.name));
  return manifest;
}

function fragmentsUsedBy(
  operation: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
  onMissing: (name: string) => void,
): FragmentDefinitionNode[] {
  const used = new Map<string, FragmentDefinitionNode>();
  const walk = (node: OperationDefinitionNode | FragmentDefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        if (used.has(name)) return;
        const fragment = fragments.get(name);
        if (!fragment) return void onMissing(name);
        used.set(name, fragment);
        walk(fragment);
      },
    });
  walk(operation);
  return [...used.values()].sort((a, b) => a.name.value.localeCompare(b.name.value));
}

export function printManifest(manifest: Manifest): string {
  return JSON.stringify(manifest, null, 2) + '\n';
}

/**
 * The id a request names: `extensions.persistedQuery.sha256Hash` (Apollo) or `documentId`
 * (GraphQL over HTTP), with or without the `sha256:` prefix. null when it names none;
 * throws when it names one in a form that cannot be an id.
 */
export function requestedDocumentId(request: { extensions?: unknown; documentId?: unknown }): string | null {
  const persisted = (request.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery;
  const raw = persisted?.sha256Hash ?? request.documentId;
  if (raw === undefined || raw === null) return null;
  const id = typeof raw === 'string' ? raw.replace(/^sha256:/, '').toLowerCase() : '';
  if (!/^[0-9a-f]{64}$/.test(id))
    throw new Error('A document id must be a SHA-256: 64 hex digits, optionally "sha256:"');
  return id;
}
