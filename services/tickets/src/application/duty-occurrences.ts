import { badInput, type Caller, isUuid, plainText, requireUser, requireUuid } from '@reglament/shared/domain';
import { decodeCursor, encodeCursor, pageSize, toConnection } from '@reglament/shared/platform';
import { DUTY_NOTE_MAX } from '../domain/moves/duty';
import type { DutyOccurrenceFilter, DutyReads } from '../infra/duty-reads';
import { readScopeOf } from './actor';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Issue 18: the occurrences of contract duties (DUTY tickets), listed for the caller's organization(s). */
export class DutyOccurrences {
  constructor(private readonly reads: DutyReads) {}

  async list(caller: Caller, filter: Partial<DutyOccurrenceFilter>, first: number | null, after: string | null) {
    requireUser(caller, 'read duty occurrences');
    const limit = pageSize(first);
    const cursor = decodeCursor(after, (key): key is string => typeof key === 'string' && isUuid(key));
    for (const field of ['periodFrom', 'periodTo'] as const) {
      const value = filter[field];
      if (value != null && !DATE.test(value)) {
        throw badInput(`${field} must be a date YYYY-MM-DD, got "${value}"`, { field });
      }
    }
    const { rows, totalCount } = await this.reads.page(
      readScopeOf(caller),
      {
        contractId: filter.contractId ? requireUuid(filter.contractId, 'contractId') : null,
        dutyId: filter.dutyId ? requireUuid(filter.dutyId, 'dutyId') : null,
        party: filter.party ?? null,
        status: filter.status ?? null,
        periodFrom: filter.periodFrom ?? null,
        periodTo: filter.periodTo ?? null,
      },
      cursor,
      limit,
    );
    return toConnection(rows, limit, totalCount, (row) => encodeCursor(row.id), Boolean(cursor));
  }
}

/** A completion note: trimmed, plain text, at most DUTY_NOTE_MAX characters; null when empty. */
export function dutyNote(note: string | null | undefined): string | null {
  const text = note == null ? '' : plainText(note.trim(), 'note');
  if (text.length > DUTY_NOTE_MAX) {
    throw badInput(`note must be at most ${DUTY_NOTE_MAX} characters, got ${text.length}; attach a file instead`, {
      field: 'note',
      limit: DUTY_NOTE_MAX,
    });
  }
  return text.length === 0 ? null : text;
}
