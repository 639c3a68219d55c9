// One database interface over the embedded PGlite and a PostgreSQL server: same SQL, same migrations.
import type { PGlite } from '@electric-sql/pglite';
import type { Pool } from 'pg';

export interface QueryResult<Row> {
  rows: Row[];
  rowCount: number;
}

export interface Queryable {
  /** One statement with `$1`-style parameters. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/** The underlying connection, for libraries that need it (pg-boss). */
export type RawConnection = { kind: 'pglite'; pglite: PGlite } | { kind: 'postgres'; pool: Pool };

export interface Db extends Queryable {
  readonly kind: RawConnection['kind'];
  readonly raw: RawConnection;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
