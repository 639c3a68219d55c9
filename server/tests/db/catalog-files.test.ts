// The real seed catalogue in data/ must always load: this fails when either file breaks the contract.
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../src/config';
import { readCatalog, seedCatalog } from '../../src/db/seed';
import { normalizeSearchText } from '@lao-cai-so/domain/search-text';
import { createTestApp, type TestApp } from '../support/test-app';

const DATA_DIR = path.join(REPO_ROOT, 'data');

test('data/offices.json and data/procedures.json are valid against data/README.md', () => {
  expect(fs.existsSync(path.join(DATA_DIR, 'offices.json'))).toBe(true);
  expect(fs.existsSync(path.join(DATA_DIR, 'procedures.json'))).toBe(true);
  const catalog = readCatalog(DATA_DIR);
  expect(catalog.offices.length).toBeGreaterThan(0);
  expect(catalog.procedures.length).toBeGreaterThan(0);
});

test('the catalogue has the birth registration procedure, and the text is NFC as the contract requires', () => {
  const catalog = readCatalog(DATA_DIR);
  expect(catalog.procedures.find((procedure) => procedure.code === '1.001193')?.name).toBe('Đăng ký khai sinh');
  for (const text of [...catalog.procedures.map((p) => p.name), ...catalog.offices.map((o) => o.unitName)]) {
    expect(text).toBe(text.normalize('NFC'));
    expect(normalizeSearchText(text)).not.toBe('');
  }
});

describe('the real catalogue, loaded into the database', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedCatalog(t.db, DATA_DIR);
  });
  afterAll(() => t?.close());

  test.each(['khai sinh', 'dang ky khai sinh', 'KHAI SINH'])('"%s" finds "Đăng ký khai sinh" (1.001193) first', async (q) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/procedures?q=${encodeURIComponent(q)}` });
    expect(res.json().items[0]).toMatchObject({ code: '1.001193', name: 'Đăng ký khai sinh' });
  });

  test('every office handles at least one procedure', async () => {
    const { rows } = await t.db.query<{ code: string }>(
      `select o.code from offices o
       where not exists (select 1 from office_procedures op where op.office_code = o.code)`,
    );
    expect(rows).toEqual([]);
  });
});
