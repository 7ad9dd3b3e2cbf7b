/**
 * Partner API keys (hashes in PARTNER_KEYS_FILE, default .data/partner-keys.json):
 *   pnpm --filter @reglament/gateway partner-key issue <partner> [--organization <id>] [--label <text>]
 *   pnpm --filter @reglament/gateway partner-key revoke <key id>
 *   pnpm --filter @reglament/gateway partner-key list
 * `issue` prints the key once; only its SHA-256 is stored. Running gateways pick changes up at once.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { issuePartnerKey, readPartnerKeys, revokePartnerKey } from '../auth/partner-keys';
import { PERSISTED_DIR } from '../persisted/manifest-store';

function main(): void {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      organization: { type: 'string' },
      label: { type: 'string' },
      file: { type: 'string' },
    },
  });
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const file = resolve(
    cwd,
    values.file ?? process.env.PARTNER_KEYS_FILE ?? join(process.env.DATA_DIR ?? '.data', 'partner-keys.json'),
  );
  const [command, argument] = positionals;
  if (command === 'issue' && argument) {
    if (!existsSync(join(PERSISTED_DIR, argument))) {
      process.stderr.write(`Note: there is no manifest folder gateway/persisted/${argument} yet\n`);
    }
    const { key, record } = issuePartnerKey(file, {
      partner: argument,
      organizationId: values.organization ?? null,
      label: values.label ?? null,
    });
    process.stdout.write(
      `Issued key ${record.id} for partner ${record.partner}` +
        (record.organizationId ? ` (organization ${record.organizationId})` : ' (all organizations)') +
        `.\nThe key (shown once, send it as x-api-key):\n${key}\n`,
    );
    return;
  }
  if (command === 'revoke' && argument) {
    const record = revokePartnerKey(file, argument);
    process.stdout.write(`Revoked key ${record.id} of partner ${record.partner} at ${record.revokedAt}\n`);
    return;
  }
  if (command === 'list') {
    for (const k of readPartnerKeys(file)) {
      process.stdout.write(
        `${k.id}  ${k.partner}  ${k.organizationId ?? 'global'}  ${k.revokedAt ? `revoked ${k.revokedAt}` : 'active'}  ${k.label ?? ''}\n`,
      );
    }
    return;
  }
  throw new Error('usage: partner-key issue <partner> [--organization <id>] [--label <text>] | revoke <id> | list');
}

try {
  main();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
