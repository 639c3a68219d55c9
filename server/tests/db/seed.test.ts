import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CatalogFileError, isCatalogEmpty, readCatalog, seedCatalog } from '../../src/db/seed';
import { createTestApp, type TestApp } from '../support/test-app';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'catalog');

let t: TestApp;
const tempDirs: string[] = [];

function catalogDir(edit: (files: { offices: any; procedures: any }) => void): string {
  const files = {
    offices: JSON.parse(fs.readFileSync(path.join(FIXTURES, 'offices.json'), 'utf8')),
    procedures: JSON.parse(fs.readFileSync(path.join(FIXTURES, 'procedures.json'), 'utf8')),
  };
  edit(files);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lcs-catalog-'));
  tempDirs.push(dir);
  fs.writeFileSync(path.join(dir, 'offices.json'), JSON.stringify(files.offices));
  fs.writeFileSync(path.join(dir, 'procedures.json'), JSON.stringify(files.procedures));
  return dir;
}

const get = async (url: string) => (await t.app.inject({ method: 'GET', url })).json();

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(async () => {
  await t?.close();
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

test('loads the files, is idempotent, and marks entries that left the files inactive', async () => {
  expect(await isCatalogEmpty(t.db)).toBe(true);

  expect(await seedCatalog(t.db, FIXTURES)).toEqual({
    offices: 3,
    procedures: 3,
    deactivatedOffices: 0,
    deactivatedProcedures: 0,
  });
  expect(await isCatalogEmpty(t.db)).toBe(false);
  const search = await get(`/api/v1/procedures?q=${encodeURIComponent('khai sinh')}`);
  expect(search.items[0]).toMatchObject({ code: '1.001193', name: 'Đăng ký khai sinh' });
  expect((await get('/api/v1/offices?q=ho%20bon')).items.map((o: { code: string }) => o.code)).toEqual(['04465']);

  // Again: upserts by code, nothing duplicated.
  await seedCatalog(t.db, FIXTURES);
  expect((await get('/api/v1/procedures')).total).toBe(3);
  expect((await get('/api/v1/offices')).total).toBe(3);

  // The province drops a procedure and renames another.
  const reduced = catalogDir((files) => {
    files.procedures.procedures = files.procedures.procedures.filter((p: { code: string }) => p.code !== '1.000894');
    files.procedures.procedures[0].name = 'Đăng ký khai sinh (đổi tên)';
    files.offices.offices = files.offices.offices.filter((o: { code: string }) => o.code !== '04288');
  });
  expect(await seedCatalog(t.db, reduced)).toEqual({
    offices: 2,
    procedures: 2,
    deactivatedOffices: 1,
    deactivatedProcedures: 1,
  });
  const list = await get('/api/v1/procedures');
  expect(list.items.map((p: { code: string }) => p.code)).toEqual(['1.001193', '2.000488']);
  expect(list.items[0].name).toBe('Đăng ký khai sinh (đổi tên)');
  expect((await get(`/api/v1/procedures?q=${encodeURIComponent('đổi tên')}`)).total).toBe(1);
  // Still readable by code, flagged as withdrawn, for applications that point at it.
  expect(await get('/api/v1/procedures/1.000894')).toMatchObject({ code: '1.000894', active: false });
  expect((await get('/api/v1/offices')).total).toBe(2);
  expect(await get('/api/v1/offices/04288')).toMatchObject({ code: '04288', active: false });

  // Back in the files: active again.
  await seedCatalog(t.db, FIXTURES);
  expect((await get('/api/v1/procedures')).total).toBe(3);
});

test('reports every problem in invalid files, with file and path, and loads nothing', async () => {
  const invalid = catalogDir((files) => {
    files.procedures.procedures[0].level = 'district';
    delete files.procedures.procedures[1].name;
    files.procedures.procedures[2].fields.push({ code: 'kind', type: 'single-choice', label: 'Loại', required: true, order: 9 });
  });
  const before = await get('/api/v1/procedures/1.001193');
  let error: unknown;
  try {
    await seedCatalog(t.db, invalid);
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(CatalogFileError);
  expect(await get('/api/v1/procedures/1.001193')).toEqual(before);
  const problems = (error as CatalogFileError).problems.join('\n');
  expect(problems).toMatch(/procedures\.json procedures\.0\.level/);
  expect(problems).toMatch(/procedures\.json procedures\.1\.name/);
  expect(problems).toMatch(/procedures\.json procedures\.2\.fields\.1\.options: a single-choice field needs options/);
});

test('rejects a procedure that names an unknown office, and duplicate codes', () => {
  const invalid = catalogDir((files) => {
    files.procedures.procedures[0].offices = ['04465', '77777'];
    files.offices.offices.push({ ...files.offices.offices[0] });
  });
  expect(() => readCatalog(invalid)).toThrow(/duplicate office code 04465[\s\S]*procedure 1\.001193 names unknown office 77777/);
});

test('a file that is not JSON is reported by name', () => {
  const broken = catalogDir(() => undefined);
  fs.writeFileSync(path.join(broken, 'offices.json'), '{ "offices": [');
  expect(() => readCatalog(broken)).toThrow(/offices\.json/);
});
