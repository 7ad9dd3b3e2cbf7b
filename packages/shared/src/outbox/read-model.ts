import type { EntityManager } from 'typeorm';

/**
 * Upserts a read-model row from an event that carries the whole entity, unless the row already
 * holds a later event of it. Event ids are UUID v7 (time-ordered), and a producer changes one
 * entity under a row lock, so a later change always has the larger id: replicas that apply a
 * durable consumer's events out of order still end with the latest state.
 * `values` maps column names to values (jsonb values as JSON strings); the table needs a
 * `source_event_id uuid` column.
 */
export async function upsertIfNewer(
  manager: EntityManager,
  table: string,
  key: string,
  values: Record<string, unknown>,
  eventId: string,
): Promise<void> {
  const columns = [...Object.keys(values), 'source_event_id'];
  const params = [...Object.values(values), eventId];
  const placeholders = params.map((_, i) => `$${i + 1}`);
  const updates = columns.filter((c) => c !== key).map((c) => `"${c}" = EXCLUDED."${c}"`);
  await manager.query(
    `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${placeholders.join(', ')})
     ON CONFLICT ("${key}") DO UPDATE SET ${updates.join(', ')}
     WHERE "${table}".source_event_id IS NULL OR "${table}".source_event_id < EXCLUDED.source_event_id`,
    params,
  );
}
