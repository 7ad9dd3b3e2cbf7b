import { conflict } from '@reglament/shared/domain';

/**
 * Two requests racing past the same uniqueness check: the database's unique index decides,
 * and the loser gets the same CONFLICT the check would have given it (never an internal error).
 */
export async function uniqueOr<T>(
  work: () => Promise<T>,
  message: string,
  details: Record<string, unknown> = {},
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const code =
      (error as { driverError?: { code?: string }; code?: string }).driverError?.code ??
      (error as { code?: string }).code;
    if (code === '23505') throw conflict(message, details);
    throw error;
  }
}
