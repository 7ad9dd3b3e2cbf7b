import { Directive, Field, Int, ObjectType } from 'type-graphql';
import type { ClassType } from 'type-graphql';
import { badInput } from '../errors';

// Every subgraph with a list declares the same PageInfo: shareable, or composition refuses it.
@Directive('@shareable')
@ObjectType('PageInfo', {
  description:
    'Relay page information. Pages go forward only (first/after); last/before are not supported (docs/api.md "Pagination").',
})
export class PageInfo {
  @Field(() => Boolean, { description: 'True when more items follow this page: pass endCursor as after to get them.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, {
    description: 'True when items come before this page, i.e. it was asked for with after (pages go forward only).',
  })
  hasPreviousPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'The cursor of the first edge of this page; null when it is empty.',
  })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The cursor of the last edge of this page (pass it as after for the next page); null when it is empty.',
  })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Declares `<Name>Connection` and `<Name>Edge` types for a node type (cursor pagination). */
export function connectionType<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} in a page of a list, with its cursor.` })
  class EdgeType {
    @Field(() => String, {
      description: 'Opaque position of this item: pass it as after to get the items that follow.',
    })
    cursor!: string;

    @Field(() => node, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, {
    description: `A page of ${name} items (Relay connection): first 1-100 (default 20), after a cursor; forward only.`,
  })
  class ConnectionType {
    @Field(() => [EdgeType], { description: 'The items of this page, in the list order.' })
    edges!: EdgeType[];

    @Field(() => PageInfo, { description: 'Whether pages come before and after this one, and its cursors.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'All items matching the filter, on every page.' })
    totalCount!: number;
  }
  return ConnectionType;
}

export const MAX_PAGE_SIZE = 100;

/** `first` within 1..100 (default 20), or a BAD_USER_INPUT naming the allowed range. */
export function pageSize(first: number | null | undefined, fallback = 20): number {
  if (first === null || first === undefined) return fallback;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput(`first must be an integer from 1 to ${MAX_PAGE_SIZE}, got ${first}`, { field: 'first' });
  }
  return first;
}

/** Cursors are opaque to clients: base64url of a JSON sort key. */
export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor<T>(cursor: string | null | undefined, check: (key: unknown) => key is T): T | null {
  if (!cursor) return null;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (check(key)) return key;
  } catch {
    // fall through
  }
  throw badInput('after is not a cursor this list gave out; pass an endCursor or edge cursor from a previous page', {
    field: 'after',
  });
}

/**
 * Builds a connection from `limit + 1` fetched rows (the extra row says a next page exists).
 * `afterGiven`: the page was asked for after a cursor, so at least the cursor's item precedes it
 * (Relay lets forward-only lists answer hasPreviousPage this way).
 */
export function toConnection<T>(
  rows: T[],
  limit: number,
  totalCount: number,
  cursorOf: (row: T) => string,
  afterGiven = false,
): Connection<T> {
  const page = rows.slice(0, limit);
  const edges = page.map((node) => ({ cursor: cursorOf(node), node }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > limit,
      hasPreviousPage: afterGiven,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
