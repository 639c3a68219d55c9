import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { assertChannelName, type Db, type Queryable, type QueryResult } from './db';

interface PGliteQueryable {
  query<Row>(sql: string, params?: unknown[]): Promise<{ rows: Row[]; affectedRows?: number }>;
  exec(sql: string): Promise<unknown>;
}

/** At most this long of statements in a row before the event loop gets a turn. */
const MAX_RUN_MS = 5;
/** When the current run of statements began (within one turn of the event loop); null when none has run since. */
let runStartedAt: number | null = null;

/**
 * PGlite runs the database on this thread and answers a statement as soon as it ran, so a chain of statements (a
 * worker's sweep enqueueing hundreds of jobs, say) runs as one long string of microtasks, and the event loop cannot
 * read a waiting request until it ends: in the notifications bench a Zalo delivery receipt waited up to 6 s for an
 * answer the proxy then gave in milliseconds. Every statement on PGlite (ours and pg-boss's) first calls this: once
 * statements have run for MAX_RUN_MS in one turn, the event loop takes its turn (I/O, timers) before the next one.
 */
export async function pgliteTurn(): Promise<void> {
  if (runStartedAt === null) {
    runStartedAt = performance.now();
    // The event loop's next check phase ends this run, whoever gave it the turn.
    setImmediate(() => {
      runStartedAt = null;
    });
    return;
  }
  if (performance.now() - runStartedAt >= MAX_RUN_MS) await nextTurn();
}

function wrap(target: PGliteQueryable): Queryable {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
      await pgliteTurn();
      const result = await target.query<Row>(sql, [...params]);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
    async exec(sql: string): Promise<void> {
      await pgliteTurn();
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
