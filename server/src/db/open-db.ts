import type { Config } from '../config';
import type { Db } from './db';
import { openPgliteDb } from './pglite-db';
import { openPostgresDb } from './postgres-db';

/** PostgreSQL when DATABASE_URL is set, the embedded PGlite database in DATA_DIR otherwise. */
export function openDb(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Db> {
  return config.databaseUrl
    ? openPostgresDb({ connectionString: config.databaseUrl })
    : openPgliteDb(config.dataDir);
}
