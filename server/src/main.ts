// The API process: `npm start -w server` (its worker: `npm run worker -w server`, or in-process as in
// scripts/start.ts, which runs both through startApi() and startWorker() over one database).
import { buildApp } from './app';
import { type Config, loadConfig } from './config';
import type { Db } from './db/db';
import { migrate } from './db/migrate';
import { openDb } from './db/open-db';
import { catalogFilesExist, isCatalogEmpty, seedCatalog } from './db/seed';
import { type RunningWorker, startWorker } from './worker';
import { runAsMain } from './run-as-main';

export interface RunningApi {
  url: string;
  close(): Promise<void>;
}

export interface StartApiOptions {
  /** An already open database to share (the demo's worker runs in the same process); then close() leaves it open. */
  db?: Db;
  /** Called after each new application is committed (scripts/start.ts wakes its in-process worker). */
  onApplicationSubmitted?: () => void;
}

/** Opens the database, migrates, seeds an empty catalogue, and listens. */
export async function startApi(config: Config = loadConfig(), options: StartApiOptions = {}): Promise<RunningApi> {
  const ownDb = !options.db;
  const db = options.db ?? (await openDb(config));
  try {
    const app = await buildApp({ config, db, onApplicationSubmitted: options.onApplicationSubmitted });
    const applied = await migrate(db);
    if (applied.length > 0) app.log.info({ migrations: applied }, 'database migrated');
    if (await isCatalogEmpty(db)) {
      if (catalogFilesExist(config.catalogDir)) {
        const report = await seedCatalog(db, config.catalogDir);
        app.log.info({ ...report, catalogDir: config.catalogDir }, 'catalogue seeded');
      } else {
        app.log.warn({ catalogDir: config.catalogDir }, 'catalogue is empty and no seed files were found');
      }
    }
    const url = await app.listen({ port: config.port, host: config.host });
    app.log.info({ url, database: db.kind, docs: `${url}/docs` }, 'API listening');
    let closing: Promise<void> | undefined;
    return {
      url,
      close: () => {
        closing ??= app.close().then(() => (ownDb ? db.close() : undefined));
        return closing;
      },
    };
  } catch (error) {
    if (ownDb) await db.close();
    throw error;
  }
}

/**
 * The API and, in the same process over the same database, the worker: how the demo runs (scripts/start.ts), and
 * how `npm start -w server` runs on PGlite, which one process at a time can open. New applications wake the worker
 * at once instead of waiting for its next poll.
 */
export async function startApiWithWorker(config: Config = loadConfig()): Promise<RunningApi> {
  const db = await openDb(config);
  let worker: RunningWorker | undefined;
  try {
    const api = await startApi(config, { db, onApplicationSubmitted: () => worker?.notify() });
    try {
      worker = await startWorker(config, { db });
    } catch (error) {
      await api.close();
      throw error;
    }
    const running = worker;
    let closing: Promise<void> | undefined;
    return {
      url: api.url,
      close: () => {
        closing ??= api
          .close()
          .then(() => running.close())
          .then(() => db.close());
        return closing;
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}

if (require.main === module) {
  runAsMain(() => {
    const config = loadConfig();
    // With PostgreSQL, workers run as their own processes (`npm run worker -w server`); PGlite needs them in here.
    return config.databaseUrl ? startApi(config) : startApiWithWorker(config);
  });
}
