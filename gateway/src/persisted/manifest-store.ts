import { existsSync, type FSWatcher, readdirSync, readFileSync, statSync, watch } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Logger } from '@reglament/shared/platform';
import type { GraphQLSchema } from 'graphql';
import { manifestProblems, parseManifest, type PersistedOperation } from './manifest';

export const PERSISTED_DIR = resolve(__dirname, '..', '..', 'persisted');
export const MANIFEST_FILE = 'manifest.json';

/** Every partner manifest under `dir`: `<dir>/<partner>/manifest.json`. */
export function manifestFiles(dir: string): { partner: string; file: string }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory())
    .map((partner) => ({ partner, file: join(dir, partner, MANIFEST_FILE) }))
    .filter(({ file }) => existsSync(file))
    .sort((a, b) => a.partner.localeCompare(b.partner));
}

/** Reads and checks one manifest against the schema; throws with every problem. */
export function loadManifest(file: string, schema: GraphQLSchema): Map<string, PersistedOperation> {
  const manifest = parseManifest(JSON.parse(readFileSync(file, 'utf8')), file);
  const problems = manifestProblems(manifest, schema);
  if (problems.length > 0) throw new Error(`${file} does not fit the supergraph:\n- ${problems.join('\n- ')}`);
  return new Map(manifest.operations.map((operation) => [operation.id, operation]));
}

/**
 * The trusted documents of every partner, loaded at start and again whenever a manifest
 * changes. A manifest that does not parse or no longer fits the schema is refused (logged)
 * and the partner keeps its previous, valid operations.
 */
export class ManifestStore {
  private manifests = new Map<string, Map<string, PersistedOperation>>();
  private watcher: FSWatcher | null = null;
  private reloadTimer: NodeJS.Timeout | null = null;
  /** How many times the manifests were (re)loaded; tests wait on it. */
  generation = 0;

  private constructor(
    readonly dir: string,
    private readonly schema: GraphQLSchema,
    private readonly log: Logger,
  ) {}

  static open(dir: string, schema: GraphQLSchema, log: Logger, options: { watch?: boolean } = {}): ManifestStore {
    const store = new ManifestStore(dir, schema, log);
    store.reload();
    if (options.watch !== false && existsSync(dir)) {
      store.watcher = watch(dir, { recursive: true }, (_event, name) => {
        // A manifest, or a mounted config map's `..data` symlink swap (Kubernetes updates that way).
        if (name && !String(name).endsWith(MANIFEST_FILE) && !String(name).includes('..')) return;
        if (store.reloadTimer) clearTimeout(store.reloadTimer);
        store.reloadTimer = setTimeout(() => store.reload(), 50);
      });
    }
    return store;
  }

  reload(): void {
    const next = new Map<string, Map<string, PersistedOperation>>();
    for (const { partner, file } of manifestFiles(this.dir)) {
      try {
        next.set(partner, loadManifest(file, this.schema));
      } catch (error) {
        const previous = this.manifests.get(partner);
        if (previous) next.set(partner, previous);
        this.log.error({ err: error, partner }, 'manifest refused; the partner keeps its previous operations');
      }
    }
    this.manifests = next;
    this.generation++;
    this.log.info(
      { partners: [...next.keys()], operations: [...next.values()].reduce((n, m) => n + m.size, 0) },
      'trusted documents loaded',
    );
  }

  /** The partner's operation with this id, or null. */
  operation(partner: string, id: string): PersistedOperation | null {
    return this.manifests.get(partner)?.get(id) ?? null;
  }

  partners(): string[] {
    return [...this.manifests.keys()];
  }

  close(): void {
    this.watcher?.close();
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
  }
}
