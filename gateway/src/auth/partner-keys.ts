import { createHash, randomBytes } from 'node:crypto';
import { existsSync, type FSWatcher, mkdirSync, readFileSync, renameSync, watch, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { isUuid, newId, unauthenticated } from '@reglament/shared/domain';
import { type Logger } from '@reglament/shared/platform';
import { z } from 'zod';
import type { PartnerCredential } from '../context';

/**
 * Partner API keys live in a gateway-owned JSON file (PARTNER_KEYS_FILE), as SHA-256 hashes
 * only: the file is no secret, a key is shown once when issued, and checking one is a map
 * lookup at the door without a call to any subgraph. The file is watched: a revocation takes
 * effect on every replica that reads it as soon as the file changes (docs/adr/0011).
 */
const keyRecord = z.object({
  id: z.string().refine(isUuid, 'must be a UUID'),
  partner: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be a manifest folder name (a-z, 0-9, -)'),
  organizationId: z.string().refine(isUuid, 'must be a UUID').nullable(),
  hash: z.string().regex(/^sha256:[0-9a-f]{64}$/, 'must be sha256:<64 hex digits>'),
  label: z.string().nullable().default(null),
  createdAt: z.string(),
  revokedAt: z.string().nullable().default(null),
});
const keysFile = z.object({ keys: z.array(keyRecord) });

export type PartnerKeyRecord = z.infer<typeof keyRecord>;

const KEY_PREFIX = 'rgl_';

export function generatePartnerKey(): string {
  return KEY_PREFIX + randomBytes(32).toString('base64url');
}

export function hashPartnerKey(key: string): string {
  return `sha256:${createHash('sha256').update(key).digest('hex')}`;
}

export function readPartnerKeys(file: string): PartnerKeyRecord[] {
  if (!existsSync(file)) return [];
  const parsed = keysFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file}: keys.${issue.path.join('.')} ${issue.message}`);
  }
  return parsed.data.keys;
}

/** Written whole to a temporary file and renamed, so a reader never sees half a file. */
export function writePartnerKeys(file: string, keys: PartnerKeyRecord[]): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify({ keys }, null, 2) + '\n', { mode: 0o600 });
  renameSync(temporary, file);
}

/** Issues a key: stores its hash, returns the key itself (shown once, never stored). */
export function issuePartnerKey(
  file: string,
  input: { partner: string; organizationId: string | null; label?: string | null; now?: Date },
): { key: string; record: PartnerKeyRecord } {
  const key = generatePartnerKey();
  const record = keyRecord.parse({
    id: newId(),
    partner: input.partner,
    organizationId: input.organizationId,
    hash: hashPartnerKey(key),
    label: input.label ?? null,
    createdAt: (input.now ?? new Date()).toISOString(),
    revokedAt: null,
  });
  writePartnerKeys(file, [...readPartnerKeys(file), record]);
  return { key, record };
}

export function revokePartnerKey(file: string, id: string, now = new Date()): PartnerKeyRecord {
  const keys = readPartnerKeys(file);
  const record = keys.find((k) => k.id === id);
  if (!record) throw new Error(`No partner key ${id} in ${file}`);
  record.revokedAt ??= now.toISOString();
  writePartnerKeys(file, keys);
  return record;
}

export class PartnerKeyStore {
  private byHash = new Map<string, PartnerKeyRecord>();
  private byId = new Map<string, PartnerKeyRecord>();
  private watcher: FSWatcher | null = null;
  private reloadTimer: NodeJS.Timeout | null = null;

  private constructor(
    readonly file: string,
    private readonly log: Logger,
  ) {}

  /** Loads the file (none yet: no keys) and reloads it whenever it changes. */
  static open(file: string, log: Logger): PartnerKeyStore {
    const store = new PartnerKeyStore(file, log);
    store.reload();
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    // The directory, not the file: an atomic rename replaces the file's inode.
    store.watcher = watch(dirname(file), (_event, name) => {
      // Its own name, or a mounted secret's `..data` symlink swap (Kubernetes updates that way).
      if (name && name !== basename(file) && !String(name).startsWith('..')) return;
      if (store.reloadTimer) clearTimeout(store.reloadTimer);
      store.reloadTimer = setTimeout(() => store.reload(), 50);
    });
    return store;
  }

  reload(): void {
    try {
      const keys = readPartnerKeys(this.file);
      this.byHash = new Map(keys.map((k) => [k.hash, k]));
      this.byId = new Map(keys.map((k) => [k.id, k]));
      this.log.info({ file: this.file, keys: keys.length }, 'partner keys loaded');
    } catch (error) {
      // Keep the keys we had: a half-edited file must not lock every partner out.
      this.log.error({ err: error, file: this.file }, 'partner keys file is not valid; keeping the previous keys');
    }
  }

  get size(): number {
    return this.byId.size;
  }

  /** The partner behind `key`, or UNAUTHENTICATED saying why not. */
  verify(key: string): PartnerCredential {
    const record = this.byHash.get(hashPartnerKey(key));
    if (!record) throw unauthenticated('The API key (x-api-key) is not valid');
    if (record.revokedAt) throw unauthenticated(`The API key (x-api-key) was revoked at ${record.revokedAt}`);
    return { keyId: record.id, partner: record.partner, organizationId: record.organizationId };
  }

  /** Still valid? (Long-lived connections ask again before each operation.) */
  isActive(keyId: string): boolean {
    const record = this.byId.get(keyId);
    return !!record && !record.revokedAt;
  }

  close(): void {
    this.watcher?.close();
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
  }
}
