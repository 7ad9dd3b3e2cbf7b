import type { Caller } from '@reglament/shared/domain';
import DataLoader from 'dataloader';
import { readScopeOf } from '../application/actor';
import type { AttachmentStorage } from '../application/attachment-storage';
import type { TicketReads } from '../infra/ticket-reads';

/** Groups rows by a key, in the order of the keys asked for (DataLoader's contract). */
function groupBy<K, R>(keys: readonly K[], rows: R[], keyOf: (row: R) => K): R[][] {
  const groups = new Map<K, R[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((k) => groups.get(k) ?? []);
}

function byKey<K, R>(keys: readonly K[], rows: R[], keyOf: (row: R) => K): (R | null)[] {
  const found = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((k) => found.get(k) ?? null);
}

/**
 * One set per request, bound to the caller's scope: every list field and reference of a
 * page of tickets costs one query per field, whatever the page size (STYLE 7).
 */
export function createLoaders(app: { reads: TicketReads; storage: AttachmentStorage }, caller: Caller) {
  const scope = readScopeOf(caller);
  const { reads } = app;
  return {
    ticket: new DataLoader(async (ids: readonly string[]) => byKey(ids, await reads.byIds(scope, ids), (t) => t.id)),
    messages: new DataLoader(async (ids: readonly string[]) =>
      groupBy(ids, await reads.messagesOf(scope, ids), (m) => m.ticketId),
    ),
    history: new DataLoader(async (ids: readonly string[]) =>
      groupBy(ids, await reads.historyOf(scope, ids), (h) => h.ticketId),
    ),
    attachments: new DataLoader(async (ids: readonly string[]) =>
      groupBy(ids, await reads.attachmentsOf(scope, ids), (a) => a.ticketId),
    ),
    attachmentContent: new DataLoader(async (ids: readonly string[]) => {
      const contents = await app.storage.get(ids);
      return ids.map((id) => contents.get(id) ?? null);
    }),
    linkedTickets: new DataLoader(async (ids: readonly string[]) =>
      groupBy(ids, await reads.linkedTo(scope, ids), (t) => t.linkedTicketId!),
    ),
    requester: new DataLoader(async (ids: readonly string[]) =>
      byKey(ids, await reads.contacts(scope, ids), (c) => c.contactId),
    ),
    assignee: new DataLoader(async (ids: readonly string[]) => byKey(ids, await reads.staff(ids), (s) => s.staffId)),
  };
}

export type TicketLoaders = ReturnType<typeof createLoaders>;
