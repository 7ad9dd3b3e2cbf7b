import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';

/**
 * Domain code loads no infrastructure. Each domain module is imported on its own in a clean Node
 * process; the test lists every package that process loaded and every file of the repository,
 * and refuses infrastructure (databases, the bus, GraphQL servers, logging) and non-domain files.
 * The eslint rule `no-restricted-imports` says the same at write time; this checks what runs.
 */
const ROOT = resolve(__dirname, '../..');
const run = promisify(execFile);

const INFRASTRUCTURE = [
  'typeorm',
  'pg',
  'nats',
  '@electric-sql/pglite',
  '@apollo/server',
  '@apollo/subgraph',
  '@apollo/gateway',
  'graphql',
  'type-graphql',
  'pino',
  'reflect-metadata',
];

function tsFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? tsFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

const DOMAIN_DIRS = [
  'services/tickets/src/domain',
  'services/sla/src/domain',
  'services/sla/src/calendar',
  'services/contracts/src/domain',
  'services/notifications/src/domain',
];
const MODULES = ['packages/shared/src/domain.ts', ...DOMAIN_DIRS.flatMap(tsFiles)].sort();

/** May be loaded by domain code: the shared package's pure modules and domain folders. */
function isDomainFile(file: string): boolean {
  return (
    DOMAIN_DIRS.some((dir) => file.startsWith(`${dir}/`)) ||
    (file.startsWith('packages/shared/src/') &&
      /^packages\/shared\/src\/(domain|errors|ids|domain-types|presets)\.ts$|^packages\/shared\/src\/(events|text|auth\/caller)/.test(
        file,
      ) &&
      !file.includes('download-link')) ||
    file.startsWith('services/sla/data/')
  );
}

/** What one module loads in a fresh process: package names and repository files (outside node_modules). */
async function loadedBy(module: string): Promise<{ packages: string[]; files: string[] }> {
  const probe = `
    require(${JSON.stringify(join(ROOT, module))});
    const loaded = Object.keys(require.cache);
    process.stdout.write(JSON.stringify(loaded));
  `;
  const { stdout } = await run(process.execPath, ['--require', require.resolve('tsx/cjs'), '-e', probe], {
    cwd: ROOT,
    env: { ...process.env, TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.json') },
    maxBuffer: 16 * 1024 * 1024,
  });
  const loaded = JSON.parse(stdout) as string[];
  const packages = new Set<string>();
  const files: string[] = [];
  for (const path of loaded) {
    const at = path.lastIndexOf('/node_modules/');
    if (at >= 0) {
      const rest = path.slice(at + '/node_modules/'.length).split('/');
      const name = rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
      // A workspace package resolved through a symlink is still a repository file.
      if (!name.startsWith('@reglament/')) packages.add(name);
    } else if (path.startsWith(ROOT)) {
      files.push(relative(ROOT, path));
    }
  }
  return { packages: [...packages].sort(), files: files.sort() };
}

describe('domain modules load no infrastructure', () => {
  it('finds the domain modules it checks (the shared door and every domain folder)', () => {
    expect(MODULES).toContain('packages/shared/src/domain.ts');
    expect(MODULES).toContain('services/tickets/src/domain/transitions.ts');
    expect(MODULES).toContain('services/sla/src/domain/ticket-sla.ts');
    expect(MODULES).toContain('services/contracts/src/domain/contract.ts');
    expect(MODULES.length).toBeGreaterThan(40);
  });

  it.each(MODULES)('%s loads no database, bus, GraphQL server or logger, and no non-domain file', async (module) => {
    const { packages, files } = await loadedBy(module);
    expect(files).toContain(module);
    expect(packages.filter((name) => INFRASTRUCTURE.includes(name) || name.startsWith('@apollo/'))).toEqual([]);
    expect(files.filter((file) => !isDomainFile(file))).toEqual([]);
  });
});
