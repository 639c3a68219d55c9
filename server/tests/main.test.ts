import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readCatalog } from '../src/db/seed';
import { startApi, startApiWithWorker } from '../src/main';
import { VALID_FIELDS } from './support/applications';
import { FILES, multipartForm } from './support/files';
import { eventually, startOneStopSandbox } from './support/one-stop-sandbox';
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

test('startApiWithWorker: the API and its worker in one process over one PGlite database, forwarding at once', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lcs-api-'));
  const catalog = readCatalog(FIXTURES);
  // The sandbox is the Zalo platform and the one-stop system at once, as in the demo.
  const sandbox = await startOneStopSandbox(catalog);
  const config = testConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: '',
    DATA_DIR: dataDir,
    CATALOG_DIR: FIXTURES,
    ZALO_GRAPH_URL: sandbox.url,
    ZALO_APP_SECRET: '',
    ...sandbox.env,
    // A slow poll: forwarding that happens fast shows the API woke the worker.
    JOB_POLLING_INTERVAL_SECONDS: '30',
  });
  const api = await startApiWithWorker(config);
  try {
    const login = await fetch(`${sandbox.url}/sandbox/zalo/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: '3368637342326461234' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const session = await fetch(`${api.url}/api/v1/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ accessToken }),
    });
    expect(session.status).toBe(201);
    const auth = { authorization: `Bearer ${((await session.json()) as { token: string }).token}` };

    const attachments = [];
    for (const [documentCode, bytes] of [['to-khai', FILES.jpeg()], ['giay-chung-sinh', FILES.pdf()]] as const) {
      const upload = await fetch(`${api.url}/api/v1/uploads`, {
        method: 'POST',
        headers: auth,
        body: multipartForm([{ bytes, name: `${documentCode}.bin` }]),
      });
      expect(upload.status).toBe(201);
      attachments.push({ documentCode, uploadId: ((await upload.json()) as { id: string }).id });
    }
    const submitted = await fetch(`${api.url}/api/v1/applications`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': 'main-test-0001' },
      body: JSON.stringify({ procedureCode: '1.001193', officeCode: '04465', fields: VALID_FIELDS, attachments }),
    });
    expect(submitted.status).toBe(201);
    const { id } = (await submitted.json()) as { id: string };
    const accepted = await eventually(
      async () => {
        const res = await fetch(`${api.url}/api/v1/applications/${id}`, { headers: auth });
        const body = (await res.json()) as { receiptCode: string | null };
        return body.receiptCode === null ? undefined : body;
      },
      { timeoutMs: 10_000, what: 'the receipt code' },
    );
    expect(accepted).toMatchObject({ status: 'accepted', receiptCode: '04465-260302-0001' });
  } finally {
    await api.close();
    await sandbox.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
