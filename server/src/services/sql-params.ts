import type { Queryable } from '../db/db';

/** Collects positional parameters while a query is assembled: `add` returns the placeholder, cast to its type. */
export class SqlParams {
  private readonly list: unknown[] = [];

  add(value: string | number | boolean): string {
    this.list.push(value);
    const type = typeof value === 'number' ? 'int' : typeof value === 'boolean' ? 'boolean' : 'text';
    return `$${this.list.length}::${type}`;
  }

  values(): unknown[] {
    return [...this.list];
  }
}

export interface Page<Item> {
  items: Item[];
  total: number;
  page: number;
  pageSize: number;
}

export interface PageQuery {
  /** Select list, e.g. `p.code, p.name, … as match_rank`. */
  columns: string;
  /** Table with its alias, e.g. `procedures p`. */
  from: string;
  where: string;
  orderBy: string;
  /** Parameters of the whole query so far; LIMIT and OFFSET are added here. */
  params: SqlParams;
  /** The parameters `where` uses, taken before any that only the select list or ordering need. */
  whereParams: unknown[];
  page: number;
  pageSize: number;
}

/** One page of rows and the total count of matches, read in parallel. */
export async function selectPage<Row extends object, Item>(
  db: Queryable,
  query: PageQuery,
  toItem: (row: Row) => Item,
): Promise<Page<Item>> {
  const limit = query.params.add(query.pageSize);
  const offset = query.params.add((query.page - 1) * query.pageSize);
  const [items, count] = await Promise.all([
    db.query<Row>(
      `select ${query.columns} from ${query.from} where ${query.where}
       order by ${query.orderBy} limit ${limit} offset ${offset}`,
      query.params.values(),
    ),
    db.query<{ total: number }>(`select count(*)::int as total from ${query.from} where ${query.where}`, query.whereParams),
  ]);
  return { items: items.rows.map(toItem), total: count.rows[0].total, page: query.page, pageSize: query.pageSize };
}
