// The API process: `npm start -w server`. scripts/start.ts runs it in-process through startApi().
import { buildApp } from './app';
import { type Config, loadConfig } from './config';
import { migrate } from './db/migrate';
import { openDb } from './db/open-db';
import { catalogFilesExist, isCatalogEmpty, seedCatalog } from './db/seed';

export interface RunningApi {
  url: string;
  close(): Promise<void>;
}

/** Opens the database, migrates, seeds an empty catalogue, and listens. */
export async function startApi(config: Config = loadConfig()): Promise<RunningApi> {
  const db = await openDb(config);
  try {
    const app = await buildApp({ config, db });
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
        closing ??= app.close().then(() => db.close());
        return closing;
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}

async function main(): Promise<void> {
  const api = await startApi();
  const stop = (signal: NodeJS.Signals) => {
    api.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`Shutdown after ${signal} failed:`, error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
}
