// Supplements, withdrawal and rating through the real app, its worker and the simulated one-stop system over HTTP,
// officers acting through the sandbox's officer API and its signed webhooks reaching the proxy on a real port.
import { randomUUID } from 'node:crypto';
import { uploadFile } from '../support/applications';
import { createCitizen } from '../support/citizens';
import { type ConnectedProxy, startConnectedProxy } from '../support/connected-proxy';
import { FILES } from '../support/files';
import { eventually } from '../support/one-stop-sandbox';

let env: ConnectedProxy;
const HOUR = 3_600_000;

beforeAll(async () => {
  env = await startConnectedProxy();
});

afterEach(() => env.oneStop.clearFaults());

afterAll(() => env?.close());

const post = (path: string, payload: unknown, headers: Record<string, string> = {}, who = env.citizen) =>
  env.t.app.inject({ method: 'POST', url: path, headers: { ...who.auth, ...headers }, payload: payload as Record<string, unknown> });

/** An officer acts; the sandbox's clock moves an hour first, so that each step is newer than the last. */
async function officer(dossierId: string, action: string, body: Record<string, unknown> = {}) {
  env.oneStop.advance(HOUR);
  await env.oneStop.officer(dossierId, action, body);
  const deliveries = await env.oneStop.settleWebhooks();
  expect(deliveries.filter((delivery) => delivery.status !== 'delivered')).toEqual([]);
}

const supplementCount = async (applicationId: string) =>
  (await env.t.db.query<{ n: number }>('select count(*)::int as n from supplements where application_id = $1', [applicationId])).rows[0].n;

describe('POST /api/v1/applications/:id/supplements', () => {
  it('the office asks, the citizen sends once (idempotent), the one-stop system receives exactly one supplement', async () => {
    const { applicationId, dossierId } = await env.accepted();
    await officer(dossierId, 'request-supplement', { documents: ['Bản sao giấy khai sinh'], note: 'Nộp bản chụp rõ nét.' });
    const asked = await env.view(applicationId);
    expect(asked).toMatchObject({
      status: 'supplement-required',
      needsAction: true,
      supplement: { documents: [{ name: 'Bản sao giấy khai sinh' }], note: 'Nộp bản chụp rõ nét.', newDueAt: null },
    });
    const documentsBefore = ((await env.oneStop.dossier(dossierId)).TaiLieuNop as unknown[]).length;

    const upload = await uploadFile(env.t.app, env.citizen, FILES.jpeg(2500), 'Khai sinh.jpg');
    const body = { attachments: [{ documentName: 'Bản sao giấy khai sinh', uploadId: upload.id }], note: 'Bản chụp mới' };
    const key = randomUUID();
    // Two days later: the due date counted again from the supplement's arrival moves.
    env.oneStop.advance(48 * HOUR);
    const first = await post(`/api/v1/applications/${applicationId}/supplements`, body, { 'idempotency-key': key });
    expect(first.statusCode).toBe(202);
    const pending = first.json().state === 'pending';
    expect(first.json()).toEqual({
      id: expect.any(String),
      state: pending ? 'pending' : 'forwarded',
      note: 'Bản chụp mới',
      documents: [{ documentName: 'Bản sao giấy khai sinh', fileName: 'Khai sinh.jpg', size: 2500, contentType: 'image/jpeg' }],
      createdAt: expect.any(String),
      forwardedAt: pending ? null : expect.any(String),
    });
    const again = await post(`/api/v1/applications/${applicationId}/supplements`, body, { 'idempotency-key': key });
    expect(again.statusCode).toBe(202);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    const reused = await post(`/api/v1/applications/${applicationId}/supplements`, { ...body, note: 'khác' }, { 'idempotency-key': key });
    expect(reused.statusCode).toBe(422);
    expect(reused.json().code).toBe('IDEMPOTENCY_KEY_REUSED');

    // Forwarded by the worker: the one-stop system has the file once, resumes processing and resets the due date.
    const forwarded = await eventually(
      async () => {
        const application = await env.view(applicationId);
        return application.supplements[0]?.state === 'forwarded' && application.statusCode === 4 ? application : undefined;
      },
      { what: 'the supplement to be forwarded' },
    );
    await env.oneStop.settleWebhooks();
    const dossier = await env.oneStop.dossier(dossierId);
    expect((dossier.TaiLieuNop as unknown[]).length).toBe(documentsBefore + 1);
    const requests = dossier.DanhSachHoSoBoSung as Array<{ TaiLieuBoSung: string[]; NgayBoSung: string | null }>;
    expect(requests).toHaveLength(1);
    expect(requests[0].TaiLieuBoSung).toHaveLength(1);
    expect(forwarded).toMatchObject({ status: 'processing', supplement: null, needsAction: false });
    expect(forwarded.dueAt).toBe('2026-03-05T10:00:00.000Z');
    expect(asked.dueAt).toBe('2026-03-03T10:00:00.000Z');
    expect(forwarded.timeline.map((step: { statusCode: number }) => step.statusCode)).toEqual([1, 2, 5, 4]);

    // The same key after forwarding still answers with that supplement; a new one is refused: not at 5 any more.
    const late = await post(`/api/v1/applications/${applicationId}/supplements`, body, { 'idempotency-key': key });
    expect([late.statusCode, late.json().id]).toEqual([202, first.json().id]);
    const other = await uploadFile(env.t.app, env.citizen);
    const refused = await post(
      `/api/v1/applications/${applicationId}/supplements`,
      { attachments: [{ documentName: 'Bản sao giấy khai sinh', uploadId: other.id }] },
      { 'idempotency-key': randomUUID() },
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toEqual({ statusCode: 409, code: 'SUPPLEMENT_NOT_REQUESTED', message: expect.any(String) });
    expect(await supplementCount(applicationId)).toBe(1);
  });

  it('409 SUPPLEMENT_NOT_REQUESTED when the dossier is not at 5, nothing stored; 400 without a key', async () => {
    const { applicationId } = await env.accepted();
    const upload = await uploadFile(env.t.app, env.citizen);
    const body = { attachments: [{ documentName: 'Giấy tờ', uploadId: upload.id }] };
    const res = await post(`/api/v1/applications/${applicationId}/supplements`, body, { 'idempotency-key': randomUUID() });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('SUPPLEMENT_NOT_REQUESTED');
    expect((await post(`/api/v1/applications/${applicationId}/supplements`, body)).json().code).toBe('IDEMPOTENCY_KEY_REQUIRED');
    expect(await supplementCount(applicationId)).toBe(0);
    const { rows } = await env.t.db.query('select application_id from uploads where id = $1', [upload.id]);
    expect(rows[0]).toEqual({ application_id: null });
  });
});

describe('POST /api/v1/applications/:id/withdrawal', () => {
  it('200: withdrawn in the one-stop system and here, with the reason; a repeat answers the same', async () => {
    const { applicationId, dossierId } = await env.accepted();
    env.oneStop.advance(HOUR);
    const res = await post(`/api/v1/applications/${applicationId}/withdrawal`, { reason: 'Đã nộp trực tiếp tại xã' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: applicationId,
      status: 'withdrawn',
      statusCode: 7,
      statusName: 'Công dân yêu cầu rút hồ sơ',
      canWithdraw: false,
      reason: 'Đã nộp trực tiếp tại xã',
    });
    expect(await env.oneStop.dossier(dossierId)).toMatchObject({ TrangThaiHoSo: 7, LyDo: 'Đã nộp trực tiếp tại xã' });
    await env.oneStop.settleWebhooks();
    const repeat = await post(`/api/v1/applications/${applicationId}/withdrawal`, {});
    expect([repeat.statusCode, repeat.json().statusCode]).toEqual([200, 7]);
    // The webhook that followed found the step already recorded: one withdrawal in the timeline.
    expect((await env.view(applicationId)).timeline.filter((step: { statusCode: number }) => step.statusCode === 7)).toHaveLength(1);
  });

  it('409 WITHDRAWAL_NOT_ALLOWED once decided; nothing changes', async () => {
    const { applicationId, dossierId } = await env.accepted();
    await officer(dossierId, 'mark-result-ready', { pickupPlace: 'Bộ phận một cửa xã', pickupMethod: 'Nhận trực tiếp' });
    const res = await post(`/api/v1/applications/${applicationId}/withdrawal`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({ statusCode: 409, code: 'WITHDRAWAL_NOT_ALLOWED', message: expect.any(String) });
    expect(await env.view(applicationId)).toMatchObject({ statusCode: 9 });
    expect((await env.oneStop.dossier(dossierId)).TrangThaiHoSo).toBe(9);
  });

  it('503 ONE_STOP_UNAVAILABLE when the one-stop system is down; nothing changes', async () => {
    const { applicationId, dossierId } = await env.accepted();
    await env.oneStop.addFault({ mode: 'down', operation: 'withdrawal' });
    const res = await post(`/api/v1/applications/${applicationId}/withdrawal`, {});
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ statusCode: 503, code: 'ONE_STOP_UNAVAILABLE', message: expect.any(String) });
    expect(await env.view(applicationId)).toMatchObject({ statusCode: 2, canWithdraw: true });
    await env.oneStop.clearFaults();
    expect((await env.oneStop.dossier(dossierId)).TrangThaiHoSo).toBe(2);
  });
});

describe('POST /api/v1/applications/:id/rating', () => {
  it('409 RATING_NOT_ALLOWED before the result; 201 once it is ready; 409 ALREADY_RATED for a second', async () => {
    const { applicationId, dossierId } = await env.accepted();
    const early = await post(`/api/v1/applications/${applicationId}/rating`, { stars: 5 });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('RATING_NOT_ALLOWED');

    await officer(dossierId, 'mark-result-ready', { pickupPlace: 'Bộ phận một cửa xã', pickupMethod: 'Nhận trực tiếp' });
    const invalid = await post(`/api/v1/applications/${applicationId}/rating`, { stars: 6 });
    expect([invalid.statusCode, invalid.json().code]).toEqual([400, 'VALIDATION_FAILED']);
    const rated = await post(`/api/v1/applications/${applicationId}/rating`, { stars: 4, comment: '  Cán bộ nhiệt tình.  ' });
    expect(rated.statusCode).toBe(201);
    expect(rated.json()).toEqual({ stars: 4, comment: 'Cán bộ nhiệt tình.', createdAt: expect.any(String) });
    const second = await post(`/api/v1/applications/${applicationId}/rating`, { stars: 1 });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('ALREADY_RATED');
    expect(await env.view(applicationId)).toMatchObject({ canRate: true, rating: { stars: 4, comment: 'Cán bộ nhiệt tình.' } });
  });
});

it('another citizen’s application answers 404 APPLICATION_NOT_FOUND on every endpoint, and nothing changes', async () => {
  const { applicationId, dossierId } = await env.accepted();
  const stranger = await createCitizen(env.t.app, env.t.db);
  const upload = await uploadFile(env.t.app, stranger);
  const answers = [
    await env.t.app.inject({ method: 'GET', url: `/api/v1/applications/${applicationId}`, headers: stranger.auth }),
    await post(`/api/v1/applications/${applicationId}/supplements`, { attachments: [{ documentName: 'x', uploadId: upload.id }] }, { 'idempotency-key': randomUUID() }, stranger),
    await post(`/api/v1/applications/${applicationId}/withdrawal`, {}, {}, stranger),
    await post(`/api/v1/applications/${applicationId}/rating`, { stars: 1 }, {}, stranger),
  ];
  for (const res of answers) {
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ statusCode: 404, code: 'APPLICATION_NOT_FOUND', message: expect.any(String) });
  }
  expect((await env.oneStop.dossier(dossierId)).TrangThaiHoSo).toBe(2);
  expect(await env.view(applicationId)).toMatchObject({ statusCode: 2, rating: null, supplements: [] });
});
