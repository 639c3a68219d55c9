// The hot reads are answered from memory (services/read-cache.ts) and must never be stale: a status read right
// after a webhook, a change committed by another API process, a deleted citizen's token, a re-seeded catalogue,
// and a listening connection that was lost. Each check reads through the app; none depends on timing except
// "eventually" for what another process wrote.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app';
import type { Db, ListenHandlers } from '../../src/db/db';
import { migrate } from '../../src/db/migrate';
import { seedCatalog } from '../../src/db/seed';
import { type IntakeFixture, insertIntakeCatalog } from '../support/applications';
import { createCitizen, type TestCitizen } from '../support/citizens';
import { eventually } from '../support/one-stop-sandbox';
import { deliverAccepted, submittedApplication, TEST_WEBHOOK_SECRET } from '../support/status-webhooks';
import { createTestDb, type TestDb, testDbKind } from '../support/test-db';
import { testConfig } from '../support/test-app';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'catalog');

let testDb: TestDb;
let app: FastifyInstance;
let fixture: IntakeFixture;
const closers: Array<() => Promise<unknown>> = [];

const config = () => testConfig({ ...testDb.env, ONE_STOP_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET });

async function startApp(db: Db): Promise<FastifyInstance> {
  const instance = await buildApp({ config: config(), db });
  await instance.ready();
  closers.unshift(() => instance.close());
  return instance;
}

beforeAll(async () => {
  testDb = await createTestDb();
  await migrate(testDb.db);
  app = await startApp(testDb.db);
  fixture = await insertIntakeCatalog(testDb.db);
});

afterAll(async () => {
  for (const close of closers) await close();
  await testDb?.drop();
});

const read = (instance: FastifyInstance, id: string, who: TestCitizen) =>
  instance.inject({ method: 'GET', url: `/api/v1/applications/${id}`, headers: who.auth });

async function acceptedApplication(citizen: TestCitizen) {
  const ids = await submittedApplication(app, citizen, fixture);
  await deliverAccepted(app, { ...ids, status: 2, action: 'accept', occurredAt: '20260302090000' });
  return ids;
}

describe('status read', () => {
  test('a status change through the one-stop webhook is visible on the very next read', async () => {
    const citizen = await createCitizen(app, testDb.db);
    const ids = await acceptedApplication(citizen);
    expect((await read(app, ids.applicationId, citizen)).json()).toMatchObject({ statusCode: 2, timeline: [{ statusCode: 2 }] });
    const again = await read(app, ids.applicationId, citizen);
    expect(again.json()).toMatchObject({ statusCode: 2 });
    // Served from memory, still personal: never stored by a browser or proxy.
    expect([again.headers['cache-control'], again.headers['content-type']]).toEqual(['no-store', 'application/json; charset=utf-8']);

    await deliverAccepted(app, { ...ids, status: 4, occurredAt: '20260302100000', note: 'Chuyển phòng chuyên môn' });
    const after = (await read(app, ids.applicationId, citizen)).json();
    expect(after).toMatchObject({ status: 'processing', statusCode: 4 });
    expect(after.timeline.map((step: { note: string }) => step.note)).toEqual([expect.any(String), 'Chuyển phòng chuyên môn']);

    await deliverAccepted(app, {
      ...ids,
      status: 5,
      action: 'request-supplement',
      occurredAt: '20260302110000',
      extra: {
        DanhSachHoSoBoSung: [
          {
            MaYeuCauBoSung: 'req-1',
            NoiDungYeuCau: 'Nộp bản chụp rõ nét.',
            DanhSachGiayToCanBoSung: [{ TenGiayTo: 'Giấy chứng sinh' }],
            NgayYeuCau: '20260302110000',
            NgayHenTraCu: '20260304170000',
            NgayHenTraMoi: null,
            NgayBoSung: null,
            TaiLieuBoSung: [],
          },
        ],
      },
    });
    expect((await read(app, ids.applicationId, citizen)).json()).toMatchObject({
      statusCode: 5,
      needsAction: true,
      supplement: { requestId: 'req-1', documents: [{ name: 'Giấy chứng sinh' }] },
    });
  });

  test('a change another app instance commits on the same database is seen, and so is a citizen it deleted', async () => {
    const second = await testDb.connectAgain();
    closers.push(() => second.close());
    const other = await startApp(second);
    const citizen = await createCitizen(app, testDb.db);
    const ids = await acceptedApplication(citizen);
    expect((await read(other, ids.applicationId, citizen)).json()).toMatchObject({ statusCode: 2 });
    expect((await read(other, ids.applicationId, citizen)).json()).toMatchObject({ statusCode: 2 });

    // The webhook reaches the first instance; the second one is asked.
    await deliverAccepted(app, { ...ids, status: 4, occurredAt: '20260302100000' });
    await eventually(async () => ((await read(other, ids.applicationId, citizen)).json().statusCode === 4 ? true : undefined), {
      what: 'the second instance to show status 4',
    });

    // The citizen deletes their data through the first instance: the second refuses the token it had accepted.
    expect((await other.inject({ method: 'GET', url: '/api/v1/me', headers: citizen.auth })).statusCode).toBe(200);
    expect((await app.inject({ method: 'DELETE', url: '/api/v1/me', headers: citizen.auth })).statusCode).toBe(204);
    await eventually(
      async () => ((await other.inject({ method: 'GET', url: '/api/v1/me', headers: citizen.auth })).statusCode === 401 ? true : undefined),
      { what: 'the second instance to refuse the deleted citizen' },
    );
    expect((await read(other, ids.applicationId, citizen)).statusCode).toBe(401);
  });

  test('someone else reading a cached application gets 404, as for an unknown id', async () => {
    const owner = await createCitizen(app, testDb.db);
    const stranger = await createCitizen(app, testDb.db);
    const ids = await acceptedApplication(owner);
    expect((await read(app, ids.applicationId, owner)).statusCode).toBe(200);
    const res = await read(app, ids.applicationId, stranger);
    expect([res.statusCode, res.json().code]).toEqual([404, 'APPLICATION_NOT_FOUND']);
  });
});

test('a deleted citizen’s token is refused at once, though it was just accepted', async () => {
  const citizen = await createCitizen(app, testDb.db);
  const ids = await acceptedApplication(citizen);
  for (let i = 0; i < 2; i += 1) expect((await read(app, ids.applicationId, citizen)).statusCode).toBe(200);
  // Deleted by hand, not through the API: the database announces it all the same.
  await testDb.db.query('delete from citizens where id = $1', [citizen.id]);
  const res = await read(app, ids.applicationId, citizen);
  expect([res.statusCode, res.json().code]).toEqual([401, 'UNAUTHENTICATED']);
});

test('after the listening connection was lost, nothing kept from before is served', async () => {
  // An app whose database connection we can watch: on PGlite the connection cannot be lost, so the loss is
  // reported to the app the way the PostgreSQL driver reports it.
  const listeners: ListenHandlers[] = [];
  const watched: Db = {
    ...testDb.db,
    listen: (channel, handlers) => {
      listeners.push(handlers);
      return testDb.db.listen(channel, handlers);
    },
  };
  const instance = await startApp(watched);
  const citizen = await createCitizen(app, testDb.db);
  const ids = await acceptedApplication(citizen);
  const receiptCode = async () => (await read(instance, ids.applicationId, citizen)).json().receiptCode as string;
  const before = await receiptCode();
  expect(await receiptCode()).toBe(before);

  // A change no notification announces (triggers off for this transaction), as if it had been missed.
  await testDb.db.transaction(async (tx) => {
    await tx.query('set local session_replication_role = replica');
    await tx.query(`update applications set receipt_code = '04465-260302-9999' where id = $1`, [ids.applicationId]);
  });
  expect(await receiptCode()).toBe(before); // served from memory: nothing said it changed

  if (testDbKind() === 'postgres') {
    // Really lose it: the server ends this database's listening connection, and the driver connects again.
    const { rows } = await testDb.db.query<{ ended: boolean }>(
      `select pg_terminate_backend(pid) as ended from pg_stat_activity
       where application_name = current_schema() || ':listener' and datname = current_database()`,
    );
    expect(rows.length).toBeGreaterThan(0);
  } else {
    for (const handlers of listeners) handlers.onInterrupted?.(new Error('connection lost'));
    expect(await receiptCode()).toBe('04465-260302-9999'); // while not listening, read from the database
    for (const handlers of listeners) handlers.onListening?.();
  }
  await eventually(async () => ((await receiptCode()) === '04465-260302-9999' ? true : undefined), {
    what: 'the change missed while not listening',
  });
});

// Last: the seed marks the intake tests' own catalogue entries inactive (they are not in its files).
test('re-seeding the catalogue changes the next search answer', async () => {
  const search = async (q: string) =>
    (await app.inject({ method: 'GET', url: `/api/v1/procedures?q=${encodeURIComponent(q)}` })).json();
  await seedCatalog(testDb.db, FIXTURES);
  expect((await search('kết hôn')).items.map((item: { name: string }) => item.name)).toEqual(['Đăng ký kết hôn']);
  expect((await search('ket hon')).total).toBe(1);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lcs-catalog-'));
  try {
    const procedures = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'procedures.json'), 'utf8'));
    const marriage = procedures.procedures.find((p: { code: string }) => p.code === '1.000894');
    marriage.name = 'Đăng ký kết hôn (mẫu mới)';
    fs.writeFileSync(path.join(dir, 'procedures.json'), JSON.stringify(procedures));
    fs.copyFileSync(path.join(FIXTURES, 'offices.json'), path.join(dir, 'offices.json'));
    await seedCatalog(testDb.db, dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  expect((await search('kết hôn')).items.map((item: { name: string }) => item.name)).toEqual(['Đăng ký kết hôn (mẫu mới)']);
  expect((await search('mau moi')).total).toBe(1);
});
