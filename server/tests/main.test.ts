import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApi } from '../src/main';
import { testConfig } from './support/test-app';

const FIXTURES = path.join(__dirname, 'fixtures', 'catalog');

test('startApi migrates, seeds an empty catalogue, serves over HTTP, and keeps its data across restarts', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lcs-api-'));
  const config = testConfig({ PORT: '0', HOST: '127.0.0.1', DATABASE_URL: '', DATA_DIR: dataDir, CATALOG_DIR: FIXTURES });
  try {
    const first = await startApi(config);
    try {
      expect((await fetch(`${first.url}/readyz`)).status).toBe(200);
      const res = await fetch(`${first.url}/api/v1/procedures?q=${encodeURIComponent('dang ky khai sinh')}`);
      const body = (await res.json()) as { items: Array<{ code: string; name: string }> };
      expect(body.items[0]).toMatchObject({ code: '1.001193', name: 'Đăng ký khai sinh' });
    } finally {
      await first.close();
    }

    // A restart on the same folder finds its data; seeding only happens into an empty catalogue.
    const second = await startApi({ ...config, catalogDir: path.join(dataDir, 'no-such-folder') });
    try {
      const body = (await (await fetch(`${second.url}/api/v1/offices`)).json()) as { total: number };
      expect(body.total).toBe(3);
    } finally {
      await second.close();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
