import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloGateway } from '@apollo/gateway';
import type { GraphQLSchema } from 'graphql';
import { withSubscriptions } from '../subscriptions/schema';
import { buildManifest, type Manifest, printManifest } from './manifest';
import { loadManifest, MANIFEST_FILE, manifestFiles } from './manifest-store';

/** The schema clients see (API schema plus the gateway's subscriptions), from a supergraph SDL. */
export async function clientSchemaOf(supergraphSdl: string): Promise<GraphQLSchema> {
  const gateway = new ApolloGateway({ supergraphSdl });
  try {
    const { schema } = await gateway.load();
    return withSubscriptions(schema);
  } finally {
    await gateway.stop();
  }
}

/** Every `.graphql` file of a partner folder, by name. */
export function graphqlDocuments(folder: string): { name: string; text: string }[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(folder, name), 'utf8') }));
}

/** Builds a partner folder's manifest from its `.graphql` documents (throws listing every problem). */
export function manifestOfFolder(folder: string, schema: GraphQLSchema): Manifest {
  const documents = graphqlDocuments(folder);
  if (documents.length === 0) throw new Error(`${folder} has no .graphql documents`);
  return buildManifest(documents, schema);
}

/**
 * What `pnpm compose --check` says about the trusted documents: every manifest must fit the
 * (new) supergraph, and a folder with `.graphql` documents must have its manifest rebuilt
 * after they change.
 */
export function persistedProblems(dir: string, schema: GraphQLSchema): string[] {
  const problems: string[] = [];
  for (const { partner, file } of manifestFiles(dir)) {
    try {
      loadManifest(file, schema);
    } catch (error) {
      problems.push(`partner ${partner}: ${(error as Error).message}`);
      continue;
    }
    const folder = join(dir, partner);
    if (graphqlDocuments(folder).length === 0) continue;
    try {
      const rebuilt = printManifest(manifestOfFolder(folder, schema));
      if (rebuilt !== readFileSync(file, 'utf8')) {
        problems.push(
          `partner ${partner}: ${MANIFEST_FILE} is stale: run \`pnpm --filter @reglament/gateway persisted build ${folder}\``,
        );
      }
    } catch (error) {
      problems.push(`partner ${partner}: ${(error as Error).message}`);
    }
  }
  if (!existsSync(dir)) problems.push(`${dir} does not exist`);
  return problems;
}
