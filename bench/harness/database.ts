// The databases scenarios 3–5 run against: the embedded PGlite in a fresh temporary DATA_DIR, and PostgreSQL when
// BENCH_DATABASE_URL (else TEST_DATABASE_URL) names a server. On PostgreSQL the bench creates its own database
// `lcs_bench` on that server (dropped first if a crashed run left it, and dropped again at the end), so it never
// touches the test database.
import path from 'node:path';
import pg from 'pg';
import type { Db } from '../../server/src/db/db';
import { openPgliteDb } from '../../server/src/db/pglite-db';
import { openPostgresDb } from '../../server/src/db/postgres-db';
import { makeTempDir } from './processes';

export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseTarget {
  kind: DatabaseKind;
  /** "PGlite (embedded)" or "PostgreSQL 15.x". */
  label: string;
  /** A new empty database for one backend; its settings for the proxy's environment. */
  create(): Promise<FreshDatabase>;
}

export interface FreshDatabase {
  /** DATABASE_URL / DATA_DIR for the proxy and worker processes. */
  env: Record<string, string>;
  /** Opens it from the bench process. PGlite: only once the proxy process has closed it (one process at a time). */
  open(): Promise<Db>;
  drop(): Promise<void>;
}

const BENCH_DATABASE = 'lcs_bench';

export function pgliteTarget(): DatabaseTarget {
  return {
    kind: 'pglite',
    label: 'PGlite (embedded, one process)',
    async create() {
      const dataDir = path.join(makeTempDir('pglite'), 'data');
      return {
        env: { DATABASE_URL: '', DATA_DIR: dataDir },
        open: () => openPgliteDb(dataDir),
        drop: async () => undefined, // the temporary folder goes with the run
      };
    },
  };
}

/** The PostgreSQL server named by BENCH_DATABASE_URL or TEST_DATABASE_URL, or null when neither is set. */
export async function postgresTarget(env: NodeJS.ProcessEnv = process.env): Promise<DatabaseTarget | null> {
  const serverUrl = env.BENCH_DATABASE_URL || env.TEST_DATABASE_URL;
  if (!serverUrl) return null;
  const benchUrl = new URL(serverUrl);
  benchUrl.pathname = `/${BENCH_DATABASE}`;
  const admin = async <T>(fn: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };
  const version = await admin(async (client) => (await client.query<{ v: string }>("select current_setting('server_version') as v")).rows[0].v);
  const drop = () => admin((client) => client.query(`drop database if exists ${BENCH_DATABASE} with (force)`)).then(() => undefined);
  return {
    kind: 'postgres',
    label: `PostgreSQL ${version.split(' ')[0]} (pool of 10 per process)`,
    async create() {
      await drop();
      await admin((client) => client.query(`create database ${BENCH_DATABASE}`));
      return {
        env: { DATABASE_URL: benchUrl.toString(), DATA_DIR: '' },
        open: () => openPostgresDb({ connectionString: benchUrl.toString(), max: 2 }),
        drop,
      };
    },
  };
}

/** The URL with its password masked, for the report. */
export function describeUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
