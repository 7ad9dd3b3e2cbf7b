/**
 * Composes the supergraph at build time (never at run time in production):
 *   pnpm compose          writes services/<part>/schema.graphql, gateway/supergraph.graphql and
 *                         gateway/schema.graphql (the client-facing schema, with the Subscription type)
 *   pnpm compose --check  fails when a committed file is stale (CI runs this)
 * Both fail when an element of the client schema has no description (naming each), when the
 * supergraph breaks an operation of a partner's trusted documents
 * (gateway/persisted/<partner>/manifest.json), or when a manifest is older than its documents.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { type GraphQLSchema, parse, printSchema } from 'graphql';
import { clientSchemaOf, PERSISTED_DIR, persistedProblems } from '@reglament/gateway';
import { missingDescriptions } from './descriptions';
import { SUBGRAPH_NAMES, SUBGRAPHS } from './subgraphs';

const ROOT = resolve(__dirname, '../../../..');
export const SUPERGRAPH_FILE = join(ROOT, 'gateway/supergraph.graphql');
export const CLIENT_SCHEMA_FILE = join(ROOT, 'gateway/schema.graphql');

const CLIENT_SCHEMA_HEADER =
  '# The schema clients see at the gateway: the supergraph without its federation elements\n' +
  '# plus the Subscription type the gateway serves over graphql-ws. Written by `pnpm compose`; do not edit.\n' +
  '# Point graphql-codegen (or any client tool) here or at the endpoint: both give the same schema.\n\n';

/** gateway/schema.graphql's text for a client schema (what HTTP introspection answers, printed). */
export function printClientSchema(schema: GraphQLSchema): string {
  return CLIENT_SCHEMA_HEADER + printSchema(schema) + '\n';
}

export async function composeSupergraph(): Promise<{ files: Map<string, string>; clientSchema: GraphQLSchema }> {
  const files = new Map<string, string>();
  const services = [];
  for (const name of SUBGRAPH_NAMES) {
    const { build, dir, port, url } = SUBGRAPHS[name];
    const sdl = printSubgraphSchema(await build()) + '\n';
    files.set(join(ROOT, dir, 'schema.graphql'), sdl);
    services.push({ name, url: url ?? `http://localhost:${port}/graphql`, typeDefs: parse(sdl) });
  }
  const result = composeServices(services);
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  files.set(SUPERGRAPH_FILE, result.supergraphSdl + '\n');
  const clientSchema = await clientSchemaOf(result.supergraphSdl);
  files.set(CLIENT_SCHEMA_FILE, printClientSchema(clientSchema));
  return { files, clientSchema };
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const { files, clientSchema } = await composeSupergraph();
  const stale: string[] = [];
  for (const [file, content] of files) {
    const current = existsSync(file) ? readFileSync(file, 'utf8') : null;
    if (current === content) continue;
    if (check) stale.push(file.slice(ROOT.length + 1));
    else writeFileSync(file, content);
  }
  if (check && stale.length > 0) {
    process.stderr.write(`Stale schema files (run \`pnpm compose\` and commit them): ${stale.join(', ')}\n`);
    process.exit(1);
  }
  const undescribed = missingDescriptions(clientSchema);
  if (undescribed.length > 0) {
    process.stderr.write(
      `${undescribed.length} element(s) of the client schema have no description; describe each in English ` +
        `(units, time zones and rule ids where they matter) where it is declared:\n- ${undescribed.join('\n- ')}\n`,
    );
    process.exit(1);
  }
  const problems = persistedProblems(PERSISTED_DIR, clientSchema);
  if (problems.length > 0) {
    process.stderr.write(
      `The supergraph breaks trusted documents of partners (fix the change, or the operations and their manifest):\n` +
        `- ${problems.join('\n- ')}\n`,
    );
    process.exit(1);
  }
  process.stdout.write(check ? 'Schemas and supergraph are up to date.\n' : `Wrote ${files.size} schema files.\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
