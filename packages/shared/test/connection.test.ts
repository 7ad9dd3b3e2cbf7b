import 'reflect-metadata';
import { toConnection } from '../src/graphql/connection';

/** Relay-complete pageInfo on every connection, forward only (docs/api.md "Pagination"). */
describe('toConnection', () => {
  const cursorOf = (n: number) => `c${n}`;

  it('a first page of 2 from 3 fetched rows: next page yes, previous no, cursors of its first and last edge', () => {
    const page = toConnection([1, 2, 3], 2, 7, cursorOf);
    expect(page.edges).toEqual([
      { cursor: 'c1', node: 1 },
      { cursor: 'c2', node: 2 },
    ]);
    expect(page.totalCount).toBe(7);
    expect(page.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: 'c1', endCursor: 'c2' });
  });

  it('a last page asked for after a cursor: previous yes, next no', () => {
    const page = toConnection([6, 7], 2, 7, cursorOf, true);
    expect(page.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true, startCursor: 'c6', endCursor: 'c7' });
  });

  it('an empty page has null cursors', () => {
    expect(toConnection([], 20, 0, cursorOf).pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: false,
      startCursor: null,
      endCursor: null,
    });
  });
});
