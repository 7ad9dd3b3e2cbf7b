import { v5 as uuidv5, v7 as uuidv7 } from 'uuid';
import { badInput } from './errors';

/** Ids are made in the application (UUID v7: time-ordered, index-friendly, no DB extension needed). */
export function newId(): string {
  return uuidv7();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The one test of "is an id": what a PostgreSQL uuid column accepts in canonical form. Ids from
 * tokens and inputs that fail it name nobody and never reach a query.
 */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Ids in the API are UUIDs; anything else is refused before it reaches a query. */
export function requireUuid(value: string, field: string): string {
  if (!isUuid(value)) throw badInput(`${field} must be an id (a UUID), got "${value}"`, { field });
  return value.toLowerCase();
}

/** A name-based id (UUID v5): the same name in the same namespace always gives the same id. */
export function nameBasedId(namespace: string, name: string): string {
  return uuidv5(name, namespace);
}
