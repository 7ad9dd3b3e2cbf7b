import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

/**
 * Embedded mode (`pnpm start`): tickets on PGlite and the in-process bus behaves as on
 * PostgreSQL: migrations, the version check, jsonb read models, lists, and attachment bytes
 * (PGlite hands bytea back as a plain Uint8Array, not a Buffer). Run as its own process.
 */
describe('tickets in embedded mode (PGlite)', () => {
  it('registers with a file, moves, refuses an illegal move, and gives the same bytes back', async () => {
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(
        join(ROOT, 'node_modules/.bin/tsx'),
        ['--tsconfig', 'tsconfig.json', 'services/tickets/test/support/embedded-walk.ts'],
        { cwd: ROOT, env: { PATH: process.env.PATH ?? '' } },
      );
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`exit ${code}: ${text}`))));
    });
    const result = JSON.parse(/^RESULT (.*)$/m.exec(output)![1]!) as unknown;
    expect(result).toEqual({
      triaged: { status: 'IN_PROGRESS', version: 3 },
      again: 'INVALID_TRANSITION',
      view: {
        // "hello", base64
        attachments: [{ contentBase64: 'aGVsbG8=' }],
        history: [
          { type: 'REGISTERED' },
          { type: 'ATTACHMENT_ADDED' },
          { type: 'STATUS_CHANGED' },
          { type: 'CLASSIFIED' },
          { type: 'ASSIGNED' },
          { type: 'PLANNED_DATE_CHANGED' },
          { type: 'STATUS_CHANGED' },
        ],
      },
      list: { totalCount: 1 },
    });
  });
});
