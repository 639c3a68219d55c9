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

export interface ListenHandlers {
  /** One notification of the channel, after the transaction that sent it committed (never for a rolled-back one). */
  onNotification(payload: string): void;
  /**
   * Listening has started, or resumed after the connection that listens was lost: notifications sent in between
   * were missed, so whatever they would have invalidated must be forgotten now.
   */
  onListening?(): void;
  /** The connection that listens was lost (PostgreSQL only): notifications are missed until `onListening`. */
  onInterrupted?(error: Error): void;
}

export interface Listener {
  /** Stops listening. */
  close(): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: RawConnection['kind'];
  readonly raw: RawConnection;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * LISTENs on `channel` (a lower-case SQL identifier). Resolves once listening. Notifications of a transaction
   * committed through this Db reach `onNotification` before its `transaction()` or `query()` resolves, so a
   * process reads its own writes; those of other processes arrive shortly after their commit.
   */
  listen(channel: string, handlers: ListenHandlers): Promise<Listener>;
  close(): Promise<void>;
}

/** LISTEN takes an identifier, not a parameter: only plain lower-case names are accepted. */
export function assertChannelName(channel: string): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`Invalid notification channel name: ${channel}`);
}
