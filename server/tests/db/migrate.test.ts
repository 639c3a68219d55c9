import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../../src/db/db';
import { migrate, readMigrations } from '../../src/db/migrate';
import { createTestDb, type TestDb } from '../support/test-db';

const tableNames = async (db: Db) =>
  (
    await db.query<{ name: string }>(
      `select table_name as name from information_schema.tables
       where table_schema = current_schema() order by table_name`,
    )
  ).rows.map((row) => row.name);

describe('migrate', () => {
  let testDb: TestDb;
  beforeEach(async () => {
    testDb = await createTestDb();
  });
  afterEach(() => testDb.drop());

  test('applies every migration once; a second run applies nothing and changes nothing', async () => {
    const versions = readMigrations().map((migration) => migration.version);
    expect(versions[0]).toBe('001-catalog');

    expect(await migrate(testDb.db)).toEqual(versions);
    const tablesAfterFirstRun = await tableNames(testDb.db);
    expect(tablesAfterFirstRun).toEqual(expect.arrayContaining(['offices', 'procedures', 'schema_migrations']));

    expect(await migrate(testDb.db)).toEqual([]);
    expect(await tableNames(testDb.db)).toEqual(tablesAfterFirstRun);
    const recorded = await testDb.db.query<{ version: string }>('select version from schema_migrations order by version');
    expect(recorded.rows.map((row) => row.version)).toEqual(versions);
  });

  test('two runners started together apply each migration exactly once', async () => {
    const [first, second] = await Promise.all([migrate(testDb.db), migrate(testDb.db)]);
    expect([...first, ...second].sort()).toEqual(readMigrations().map((migration) => migration.version));
  });

  test('a failing migration is rolled back whole and not recorded; the ones before it stay', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lcs-migrations-'));
    try {
      fs.writeFileSync(path.join(dir, '001-first.sql'), 'create table first_table (id int);');
      fs.writeFileSync(path.join(dir, '002-broken.sql'), 'create table second_table (id int);\nselect * from missing_table;');
      await expect(migrate(testDb.db, dir)).rejects.toThrow(/missing_table/);
      expect(await tableNames(testDb.db)).toEqual(expect.arrayContaining(['first_table']));
      expect(await tableNames(testDb.db)).not.toContain('second_table');

      fs.writeFileSync(path.join(dir, '002-broken.sql'), 'create table second_table (id int);');
      expect(await migrate(testDb.db, dir)).toEqual(['002-broken']);
      expect(await tableNames(testDb.db)).toEqual(expect.arrayContaining(['first_table', 'second_table']));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
