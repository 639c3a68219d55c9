// `npm run seed -w server [-- --data-dir <folder>]`: (re)loads the seed catalogue into the configured database.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { migrate } from './migrate';
import { openDb } from './open-db';
import { seedCatalog } from './seed';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'data-dir': { type: 'string' } } });
  const config = loadConfig();
  const dataDir = values['data-dir'] ? path.resolve(process.env.INIT_CWD ?? process.cwd(), values['data-dir']) : config.catalogDir;
  const db = await openDb(config);
  try {
    await migrate(db);
    const report = await seedCatalog(db, dataDir);
    console.log(
      `Seeded from ${dataDir}: ${report.offices} offices, ${report.procedures} procedures` +
        ` (${report.deactivatedOffices} offices and ${report.deactivatedProcedures} procedures marked inactive).`,
    );
  } finally {
    await db.close();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
