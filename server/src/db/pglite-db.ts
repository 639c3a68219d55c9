import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { assertChannelName, type Db, type Queryable, type QueryResult } from './db';

interface PGliteQueryable {
  query<Row>(sql: string, params?: unknown[]): Promise<{ rows: Row[]; affectedRows?: number }>;
  exec(sql: string): Promise<unknown>;
}

function wrap(target: PGliteQueryable): Queryable {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
      const result = await target.query<Row>(sql, [...params]);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
    async exec(sql: string): Promise<void> {
      await target.exec(sql);
    },
  };
}

/** The embedded database: in a data folder, or in memory when `dataDir` is omitted (tests). */
export async function openPgliteDb(dataDir?: string): Promise<Db> {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create({ dataDir, extensions: { pg_trgm } });
  return {
    kind: 'pglite',
    raw: { kind: 'pglite', pglite },
    ...wrap(pglite),
    transaction: (fn) => pglite.transaction((tx) => fn(wrap(tx))),
    // One connection inside this process: it is never lost. PGlite hands a notification to its callbacks as a
    // microtask while it reads the committing statement's answer, so they run before that query resolves.
    async listen(channel, handlers) {
      assertChannelName(channel);
      const unlisten = await pglite.listen(channel, (payload) => handlers.onNotification(payload));
      handlers.onListening?.();
      return {
        async close() {
          if (!pglite.closed) await unlisten();
        },
      };
    },
    async close() {
      if (!pglite.closed) await pglite.close();
    },
  };
}
