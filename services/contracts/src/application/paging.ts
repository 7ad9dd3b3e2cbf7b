import { isUuid } from '@reglament/shared/domain';
import { decodeCursor } from '@reglament/shared/platform';

/** Lists here are ordered by id (UUID v7, so by creation): the cursor is the last id seen. */
export function afterId(after: string | null | undefined): string | null {
  return decodeCursor(after, (key): key is string => typeof key === 'string' && isUuid(key));
}

export interface Page {
  first: number;
  after: string | null;
}
