import { chmodSync, mkdirSync } from 'node:fs';

/**
 * A folder only this user may read (0700): databases, the event log, generated secrets and
 * keys live under `.data`. Made so if it exists already with looser rights (when we own it).
 */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    chmodSync(dir, 0o700);
  } catch {
    // Not ours to change (e.g. a mounted volume): its owner decides.
  }
}
