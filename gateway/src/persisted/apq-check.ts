import { createHash } from 'node:crypto';
import { AppError, ErrorCode } from '@reglament/shared/domain';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * An automatic persisted query's extension, checked before Apollo Server sees it: a version
 * other than 1, a hash that is not a SHA-256, or a query that does not hash to it are the
 * client's mistakes and get typed answers (Apollo reports them as internal errors).
 */
export function checkPersistedQuery(query: unknown, extensions: unknown): void {
  if (!extensions || typeof extensions !== 'object') return;
  const persisted = (extensions as Record<string, unknown>).persistedQuery;
  if (persisted === undefined) return;
  if (!persisted || typeof persisted !== 'object' || Array.isArray(persisted)) {
    throw new AppError(ErrorCode.BAD_REQUEST, 'extensions.persistedQuery must be an object { version: 1, sha256Hash }');
  }
  const { version, sha256Hash } = persisted as Record<string, unknown>;
  if (version !== 1) {
    throw new AppError(
      ErrorCode.BAD_REQUEST,
      `Persisted query version ${JSON.stringify(version)} is not supported: send version 1`,
      { supportedVersions: [1] },
    );
  }
  if (typeof sha256Hash !== 'string' || !SHA256_HEX.test(sha256Hash)) {
    throw new AppError(
      ErrorCode.BAD_REQUEST,
      'persistedQuery.sha256Hash must be the SHA-256 of the query as 64 lowercase hexadecimal digits',
    );
  }
  if (typeof query === 'string' && query.length > 0) {
    const actual = createHash('sha256').update(query).digest('hex');
    if (actual !== sha256Hash) {
      throw new AppError(
        ErrorCode.PERSISTED_QUERY_HASH_MISMATCH,
        `The query's SHA-256 is ${actual}, not the sha256Hash sent (${sha256Hash}): hash the exact query text`,
      );
    }
  }
}
