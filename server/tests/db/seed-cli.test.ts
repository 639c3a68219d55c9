import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { openPgliteDb } from '../../src/db/pglite-db';

const SERVER_DIR = path.join(__dirname, '..', '..');
const FIXTURES = path.join(__dirname, '..', 'fixtures', 'catalog');

test('`npm run seed -w server -- --data-dir <folder>` loads that folder into the configured database', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lcs-seed-cli-'));
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'src/db/seed-cli.ts', '--data-dir', FIXTURES],
      { cwd: SERVER_DIR, env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, LOG_LEVEL: 'silent' } },
    );
    expect(stdout).toMatch(/3 offices, 3 procedures/);

    const db = await openPgliteDb(dataDir);
    try {
      const { rows } = await db.query<{ code: string }>('select code from procedures where active order by code');
      expect(rows.map((row) => row.code)).toEqual(['1.000894', '1.001193', '2.000488']);
    } finally {
      await db.close();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test('the seed command fails with the list of problems when the files are invalid', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lcs-seed-cli-'));
  const badCatalog = fs.mkdtempSync(path.join(os.tmpdir(), 'lcs-bad-catalog-'));
  try {
    fs.copyFileSync(path.join(FIXTURES, 'offices.json'), path.join(badCatalog, 'offices.json'));
    fs.writeFileSync(path.join(badCatalog, 'procedures.json'), JSON.stringify({ source: 'x', procedures: [{ code: 'x' }] }));
    const run = promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/db/seed-cli.ts', '--data-dir', badCatalog], {
      cwd: SERVER_DIR,
      env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir },
    });
    await expect(run).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/procedures\.json procedures\.0\.code/) });
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(badCatalog, { recursive: true, force: true });
  }
});
