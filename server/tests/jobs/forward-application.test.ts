// Forwarding through pg-boss to the real simulated one-stop system over HTTP: receipt code and due date recorded,
// documents delivered byte-equal, exactly one dossier however the one-stop system fails (down, then back; answer
// lost after it recorded the dossier), a refusal marked as failed.
import { createHash } from 'node:crypto';
import pino from 'pino';
import { QUEUES } from '../../src/queue/queues';
import { type RunningWorker, startWorker } from '../../src/worker';
import { buildOffice, insertOffices } from '../factories';
import { buildIntakeCatalog, insertIntakeCatalog, submit, validBody } from '../support/applications';
import { createCitizen, type TestCitizen } from '../support/citizens';
import { eventually, type OneStopSandbox, startOneStopSandbox } from '../support/one-stop-sandbox';
import { createTestApp, type TestApp } from '../support/test-app';

const fixture = buildIntakeCatalog();
/** An office the proxy knows but the one-stop system does not: it refuses dossiers for it (UNKNOWN_UNIT). */
const unknownToOneStop = buildOffice({ name: 'UBND xã Mới Sáp Nhập' });

let t: TestApp;
let oneStop: OneStopSandbox;
let worker: RunningWorker;
let citizen: TestCitizen;

beforeAll(async () => {
  oneStop = await startOneStopSandbox({ procedures: [fixture.procedure], offices: [fixture.office, fixture.province] });
  t = await createTestApp({
    env: { ...oneStop.env, FORWARD_RETRY_DELAY_SECONDS: '1', FORWARD_RETRY_LIMIT: '6', JOB_POLLING_INTERVAL_SECONDS: '0.5' },
  });
  await insertIntakeCatalog(t.db, fixture);
  await insertOffices(t.db, unknownToOneStop);
  citizen = await createCitizen(t.app, t.db);
  worker = await startWorker(t.config, { db: t.db, logger: pino({ level: 'silent' }) });
});

afterEach(() => oneStop.clearFaults());

afterAll(async () => {
  await worker?.close();
  await t?.close();
  await oneStop?.close();
});

async function submitted(officeCode = fixture.office.code) {
  const body = { ...(await validBody(t.app, citizen, fixture)), officeCode };
  const res = await submit(t.app, citizen, body);
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; reference: string };
}

const view = async (id: string) =>
  (await t.app.inject({ method: 'GET', url: `/api/v1/applications/${id}`, headers: citizen.auth })).json();

/** The application once the worker is done with it (forwarded or failed). */
const settled = (id: string) =>
  eventually(
    async () => {
      const application = await view(id);
      return application.status === 'forwarding' ? undefined : application;
    },
    { what: 'forwarding to settle' },
  );

const dossiersFor = async (id: string) => (await oneStop.dossiers()).dossiers.filter((d) => d.MaHoSoLienThong === id);

const jobState = async (id: string) =>
  (
    await t.db.query<{ state: string; retry_count: number }>(
      `select state, retry_count from ${t.config.jobs.schema}.job where name = $1 and data->>'applicationId' = $2`,
      [QUEUES.forwardApplication, id],
    )
  ).rows[0];

it('every queue has a worker registered', () => {
  expect([...worker.queues].sort()).toEqual(Object.values(QUEUES).sort());
});

it('forwards an application: receipt code, due date and status recorded, documents delivered byte-equal', async () => {
  const { id } = await submitted();
  const application = await settled(id);
  expect(application).toMatchObject({
    status: 'accepted',
    statusCode: 2,
    statusName: 'Được tiếp nhận',
    receiptCode: expect.stringMatching(new RegExp(`^${fixture.office.code}-260302-\\d{4}$`)),
    // One working day from Monday 2 March 2026 09:00, due at 17:00 Vietnam time.
    dueAt: '2026-03-03T10:00:00.000Z',
    forwardedAt: expect.any(String),
  });
  // The dossier's steps (received, accepted) start the timeline, as the one-stop system recorded them.
  expect(application.timeline.map((step: { statusCode: number; at: string }) => [step.statusCode, step.at])).toEqual([
    [1, '2026-03-02T02:00:00.000Z'],
    [2, '2026-03-02T02:00:00.000Z'],
  ]);
  const [dossier] = await dossiersFor(id);
  expect(dossier.MaHoSo).toBe(application.receiptCode);
  const { rows } = await t.db.query<{ one_stop_id: string }>('select one_stop_id from applications where id = $1', [id]);
  expect(rows[0].one_stop_id).toBe(dossier.Id);

  // What the one-stop system received: the applicant, the form, and the very bytes that were uploaded.
  const full = (await (await oneStop.api(`/one-stop/api/dossiers/${dossier.Id}`)).json()) as {
    TaiLieuNop: Array<{ MaGiayTo: string; TenTepDinhKem: string; MaBamSHA256: string; DuongDanTaiTepTin: string }>;
  };
  expect(full).toMatchObject({
    MaHoSoLienThong: id,
    MaTTHC: fixture.procedure.code,
    MaDonVi: fixture.office.code,
    ChuHoSo: 'Giàng Thị Mỷ',
    SoDienThoai: '0912000101',
    SoGiayToChuHoSo: '010190001234',
    DuLieuBieuMau: { child_full_name: 'Giàng A Pó', child_birth_date: '2026-01-15', child_sex: 'nam' },
  });
  const uploads = await t.db.query<{ sha256: string; original_name: string; document_code: string }>(
    `select u.sha256, u.original_name, t.document_code from application_attachments t join uploads u on u.id = t.upload_id
     where t.application_id = $1 order by t.position`,
    [id],
  );
  expect(
    full.TaiLieuNop.map((d) => ({
      document_code: d.MaGiayTo,
      original_name: d.TenTepDinhKem,
      sha256: d.MaBamSHA256,
    })),
  ).toEqual(uploads.rows);
  const document = await oneStop.api(full.TaiLieuNop[0].DuongDanTaiTepTin);
  const bytes = Buffer.from(await document.arrayBuffer());
  expect(createHash('sha256').update(bytes).digest('hex')).toBe(uploads.rows[0].sha256);
});

it('while the one-stop system is down it retries with backoff; once back, exactly one dossier', async () => {
  await oneStop.addFault({ mode: 'down', operation: 'push' });
  const { id } = await submitted();
  // At least one attempt failed and a retry is scheduled; nothing reached the one-stop system.
  await eventually(async () => ((await jobState(id))?.state === 'retry' ? true : undefined), { what: 'a retry' });
  expect((await view(id)).status).toBe('forwarding');
  expect(await dossiersFor(id)).toHaveLength(0);

  await oneStop.clearFaults();
  const application = await settled(id);
  expect(application).toMatchObject({ status: 'accepted', receiptCode: expect.any(String), dueAt: '2026-03-03T10:00:00.000Z' });
  expect(await dossiersFor(id)).toHaveLength(1);
  expect((await jobState(id)).state).toBe('completed');
});

it('when the answer is lost after the one-stop system recorded the dossier, the retry does not make a second one', async () => {
  const before = await oneStop.dossiers();
  await oneStop.addFault({ mode: 'drop-response', operation: 'push', times: 1 });
  const { id } = await submitted();
  const application = await settled(id);
  expect(application.status).toBe('accepted');
  const after = await oneStop.dossiers();
  // Two pushes (the lost one and the retry), one dossier.
  expect(after.pushes - before.pushes).toBe(2);
  expect(after.count - before.count).toBe(1);
  expect(await dossiersFor(id)).toHaveLength(1);
  expect(application.receiptCode).toBe((await dossiersFor(id))[0].MaHoSo);
});

it('a refusal (a unit the one-stop system does not know) marks the application failed without retrying', async () => {
  const { id } = await submitted(unknownToOneStop.code);
  const application = await settled(id);
  expect(application).toMatchObject({ status: 'forwarding-failed', statusCode: null, receiptCode: null });
  const { rows } = await t.db.query<{ forwarding_error: string }>('select forwarding_error from applications where id = $1', [id]);
  expect(rows[0].forwarding_error).toBe('UNKNOWN_UNIT');
  expect(await jobState(id)).toMatchObject({ state: 'completed', retry_count: 0 });
  expect(await dossiersFor(id)).toHaveLength(0);
});
