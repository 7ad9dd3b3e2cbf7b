import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@reglament/shared/platform';
import { eventually } from '@reglament/shared/testing';
import {
  hashPartnerKey,
  issuePartnerKey,
  PartnerKeyStore,
  readPartnerKeys,
  revokePartnerKey,
} from '../../src/auth/partner-keys';

const ORG = '01950000-0000-7000-8000-00000000000a';

describe('partner keys: hashed at rest, bound to an organization or global, revocable', () => {
  let dir: string;
  let store: PartnerKeyStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'partner-keys-'));
  });
  afterEach(() => {
    store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores only the hash of an issued key and recognizes the key', () => {
    const file = join(dir, 'keys.json');
    const { key, record } = issuePartnerKey(file, { partner: 'acme-erp', organizationId: ORG });
    expect(key).toMatch(/^rgl_[A-Za-z0-9_-]{43}$/);
    expect(readPartnerKeys(file)).toEqual([record]);
    expect(JSON.stringify(readPartnerKeys(file))).not.toContain(key);
    expect(record.hash).toBe(hashPartnerKey(key));

    store = PartnerKeyStore.open(file, createLogger('test', 'silent'));
    expect(store.verify(key)).toEqual({ keyId: record.id, partner: 'acme-erp', organizationId: ORG });
    expect(() => store.verify(`${key}x`)).toThrow('The API key (x-api-key) is not valid');
  });

  it('stops accepting a key as soon as the file says it is revoked', async () => {
    const file = join(dir, 'keys.json');
    store = PartnerKeyStore.open(file, createLogger('test', 'silent'));
    const { key, record } = issuePartnerKey(file, { partner: 'examples', organizationId: null });
    await eventually(() => store.isActive(record.id));
    expect(store.verify(key).organizationId).toBeNull();

    revokePartnerKey(file, record.id, new Date('2025-03-03T10:00:00Z'));
    await eventually(() => !store.isActive(record.id));
    expect(() => store.verify(key)).toThrow('The API key (x-api-key) was revoked at 2025-03-03T10:00:00.000Z');
  });
});
