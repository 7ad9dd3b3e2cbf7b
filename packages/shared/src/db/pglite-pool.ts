import { EventEmitter } from 'node:events';
import type { PGlite } from '@electric-sql/pglite';
import { Mutex } from './mutex';

/**
 * A `pg`-compatible Pool over one PGlite instance, for TypeORM's postgres driver.
 *
 * PGlite is a single session. We hand out that session as one "connection" at a time (a
 * FIFO mutex held from `connect` until release), so a transaction never interleaves with
 * another caller's statements. This is why we do not use typeorm-pglite's pool: it keeps one
 * static instance per process (four services need four databases) and lets concurrent
 * transactions share the session.
 */
export function pglitePoolClass(db: PGlite): new () => EventEmitter {
  const mutex = new Mutex();

  class PGliteClient extends EventEmitter {
    query(text: string, params?: unknown, callback?: (err: Error | null, result?: unknown) => void) {
      const cb = typeof params === 'function' ? (params as typeof callback) : callback;
      const values = Array.isArray(params) ? params : undefined;
      const run =
        values && values.length > 0
          ? db.query(text, values)
          : db.exec(text).then((results) => results[results.length - 1] ?? { rows: [], rowCount: 0, command: '' });
      const promise = run.then((raw) => ({ ...raw, rowCount: raw.rowCount ?? raw.affectedRows ?? 0 }));
      if (cb) {
        promise.then(
          (result) => cb(null, result),
          (error: Error) => cb(error),
        );
      }
      return promise;
    }
  }

  return class PGlitePool extends EventEmitter {
    connect(callback: (err: Error | null, client: PGliteClient | null, release: (err?: unknown) => void) => void) {
      mutex.acquire().then(
        (release) => callback(null, new PGliteClient(), () => release()),
        (error: Error) => callback(error, null, () => undefined),
      );
    }
    end(callback?: (err: Error | null) => void) {
      db.close().then(
        () => callback?.(null),
        (error: Error) => callback?.(error),
      );
    }
  };
}
