import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** One page of rows in id order (one more than asked for, to tell whether more follow) and the total. */
export interface RowsPage<T> {
  rows: T[];
  totalCount: number;
}

/** Counts the query's rows, then reads `first + 1` of them after the cursor id, in id order. */
export async function pageInIdOrder<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  alias: string,
  after: string | null,
  first: number,
): Promise<RowsPage<T>> {
  const totalCount = await query.clone().getCount();
  if (after) query.andWhere(`${alias}.id > :after`, { after });
  const rows = await query
    .orderBy(`${alias}.id`, 'ASC')
    .take(first + 1)
    .getMany();
  return { rows, totalCount };
}
