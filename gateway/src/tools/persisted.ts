/**
 * Trusted documents (persisted-query manifests) of partners:
 *   pnpm --filter @reglament/gateway persisted build <folder>   writes <folder>/manifest.json from its .graphql files
 *   pnpm --filter @reglament/gateway persisted check [dir]      every manifest under dir fits the supergraph and is current
 * Both validate against the committed supergraph (gateway/supergraph.graphql) and the gateway's subscriptions.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { printManifest } from '../persisted/manifest';
import { MANIFEST_FILE, PERSISTED_DIR } from '../persisted/manifest-store';
import { clientSchemaOf, manifestOfFolder, persistedProblems } from '../persisted/folders';
import { loadSupergraph } from '../supergraph';

async function main(): Promise<void> {
  const [command, target] = process.argv.slice(2);
  const schema = await clientSchemaOf(loadSupergraph());
  if (command === 'build' && target) {
    const folder = resolve(process.env.INIT_CWD ?? process.cwd(), target);
    const manifest = manifestOfFolder(folder, schema);
    writeFileSync(join(folder, MANIFEST_FILE), printManifest(manifest));
    process.stdout.write(`Wrote ${join(folder, MANIFEST_FILE)}: ${manifest.operations.length} operations\n`);
    for (const op of manifest.operations) process.stdout.write(`  ${op.id}  ${op.type} ${op.name}\n`);
    return;
  }
  if (command === 'check') {
    const dir = target ? resolve(process.env.INIT_CWD ?? process.cwd(), target) : PERSISTED_DIR;
    const problems = persistedProblems(dir, schema);
    if (problems.length > 0) throw new Error(`Trusted documents do not fit:\n- ${problems.join('\n- ')}`);
    process.stdout.write('Trusted documents fit the supergraph.\n');
    return;
  }
  throw new Error('usage: persisted build <folder of .graphql documents> | persisted check [dir]');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
