// The notifications outbox and the citizen's endpoints, through the real app and database with status webhooks
// signed by the test (no worker runs here: what the worker sends is tests/jobs/notify*.test.ts):
// - a status event that notifies writes one inbox row and one row per Zalo channel the citizen chose, with its send
//   job, in the webhook's transaction; a repeated webhook (same event id, or the same step under another id) none;
// - which events notify (received, supplement, fee, delay, result, …) and their Vietnamese words;
// - GET /notifications (own only, unread filter, pages, unread count), read, read-all;
// - GET/PUT /me/notification-settings with the consent and phone rules, and consent withdrawal turning channels off;
// - GET /admin/notifications/stats behind the operator key.
import { randomUUID } from 'node:crypto';
import { type IntakeFixture, insertIntakeCatalog } from '../support/applications';
import { createCitizen, type TestCitizen } from '../support/citizens';
import {
  grantConsent,
  giveVerifiedPhone,
  notificationRows,
  OPERATOR_KEY,
  optIn,
  putSettings,
  sendJobs,
  stateHistory,
  withdrawConsent,
} from '../support/notifications';
import { deliver, deliverAccepted, submittedApplication, TEST_WEBHOOK_SECRET, webhookBody, type WebhookFacts } from '../support/status-webhooks';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let fixture: IntakeFixture;
let clockOffsetMs = 0;
const now = () => new Date(Date.now() + clockOffsetMs);

beforeAll(async () => {
  t = await createTestApp({
    env: { ONE_STOP_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET, OPERATOR_API_KEY: OPERATOR_KEY },
    now,
  });
  fixture = await insertIntakeCatalog(t.db);
});

afterAll(() => t?.close());

const newApplication = (citizen: TestCitizen) => submittedApplication(t.app, citizen, fixture);
const send = (facts: WebhookFacts) => deliverAccepted(t.app, facts);

const inbox = async (citizen: TestCitizen, query = '') => {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/notifications${query}`, headers: citizen.auth });
  expect(res.statusCode).toBe(200);
  return res.json();
};

const supplementRequest = {
  DanhSachHoSoBoSung: [
    {
      MaYeuCauBoSung: 'req-1',
      NoiDungYeuCau: 'Nộp bản chụp rõ nét.',
      DanhSachGiayToCanBoSung: [{ TenGiayTo: 'Bản sao giấy khai sinh' }],
      NgayYeuCau: '20260303090000',
      NgayHenTraCu: '20260305170000',
      NgayHenTraMoi: null,
      NgayBoSung: null,
      TaiLieuBoSung: [],
    },
  ],
};

describe('the outbox', () => {
  it('a notifying event writes the inbox row and one row per chosen channel, each with a send job, once', async () => {
    const citizen = await createCitizen(t.app, t.db);
    await optIn(t.app, t.db, citizen, { miniApp: true, phone: '84912000111' });
    const ids = await newApplication(citizen);
    const accept = webhookBody({ ...ids, status: 2, action: 'accept', occurredAt: '20260302090000', dueAt: '20260304170000' });
    expect((await deliver(t.app, accept)).json()).toMatchObject({ outcome: 'changed' });

    const rows = await notificationRows(t.db, ids.applicationId);
    expect(rows.map((row) => [row.channel, row.kind, row.status, row.state, row.event_id])).toEqual([
      ['inbox', 'received', 2, 'delivered', accept.eventId],
      ['mini-app', 'received', 2, 'created', accept.eventId],
      ['zbs', 'received', 2, 'created', accept.eventId],
    ]);
    const zalo = rows.filter((row) => row.channel !== 'inbox').map((row) => row.id);
    expect(await sendJobs(t.db, t.config, zalo)).toBe(2);
    expect(await stateHistory(t.db, rows[1].id)).toEqual(['created']);

    // The same webhook again, re-signed later: no row, no job.
    expect((await deliver(t.app, accept, { timestamp: Math.floor(Date.now() / 1000) + 30 })).json()).toEqual({
      received: true,
      duplicate: true,
    });
    // The same step under another event id (as a poll would read it): recorded once, notified once.
    expect((await deliver(t.app, { ...accept, eventId: randomUUID() })).json()).toEqual({ received: true, duplicate: true });
    expect(await notificationRows(t.db, ids.applicationId)).toHaveLength(3);
    expect(await sendJobs(t.db, t.config, zalo)).toBe(2);
  });

  it('a citizen who chose no Zalo channel, or withdrew the consent, gets the inbox row only', async () => {
    const quiet = await createCitizen(t.app, t.db);
    const ids = await newApplication(quiet);
    await send({ ...ids, status: 2, action: 'accept', occurredAt: '20260302090000' });
    expect((await notificationRows(t.db, ids.applicationId)).map((row) => row.channel)).toEqual(['inbox']);

    const withdrawn = await createCitizen(t.app, t.db);
    await optIn(t.app, t.db, withdrawn, { miniApp: true, phone: '84912000112' });
    await withdrawConsent(t.app, withdrawn, 'notifications');
    const other = await newApplication(withdrawn);
    await send({ ...other, status: 2, action: 'accept', occurredAt: '20260302090000' });
    expect((await notificationRows(t.db, other.applicationId)).map((row) => row.channel)).toEqual(['inbox']);
  });

  it('which events notify, with what words: received, supplement, delay; processing and withdrawal do not', async () => {
    const citizen = await createCitizen(t.app, t.db);
    const ids = await newApplication(citizen);
    await send({ ...ids, status: 2, action: 'accept', occurredAt: '20260302090000', dueAt: '20260304170000' });
    await send({ ...ids, status: 4, action: 'start-processing', occurredAt: '20260302100000' });
    await send({
      ...ids,
      status: 4,
      action: 'delay',
      occurredAt: '20260303100000',
      dueAt: '20260311170000',
      extra: {
        DanhSachXinLoi: [
          { NoiDungXinLoi: 'Xin lỗi vì chậm trễ.', NgayHenTraCu: '20260304170000', NgayHenTraMoi: '20260311170000', NgayXinLoi: '20260303100000' },
        ],
      },
    });
    await send({ ...ids, status: 5, action: 'request-supplement', occurredAt: '20260304090000', dueAt: null, extra: supplementRequest });
    await send({ ...ids, status: 7, action: 'withdrawal', occurredAt: '20260304100000' });

    const { items, total, unreadCount } = await inbox(citizen);
    expect({ total, unreadCount }).toEqual({ total: 3, unreadCount: 3 });
    expect(items).toEqual([
      {
        id: expect.any(String),
        applicationId: ids.applicationId,
        receiptCode: '04465-260302-0001',
        procedureName: 'Đăng ký khai sinh',
        status: 5,
        kind: 'supplement-required',
        title: 'Hồ sơ cần bổ sung giấy tờ',
        body: 'Đăng ký khai sinh — mã hồ sơ 04465-260302-0001: cơ quan yêu cầu bổ sung Bản sao giấy khai sinh. Mở hồ sơ để gửi bổ sung.',
        createdAt: expect.any(String),
        readAt: null,
      },
      expect.objectContaining({
        kind: 'delayed',
        status: 4,
        title: 'Hồ sơ được hẹn lại ngày trả',
        body: 'Đăng ký khai sinh — mã hồ sơ 04465-260302-0001: cơ quan xin lỗi vì chậm trả kết quả và hẹn lại ngày 11/03/2026.',
      }),
      expect.objectContaining({
        kind: 'received',
        status: 2,
        title: 'Hồ sơ đã được tiếp nhận',
        body: 'Đăng ký khai sinh — mã hồ sơ 04465-260302-0001: cơ quan đã tiếp nhận hồ sơ, hẹn trả kết quả ngày 04/03/2026.',
      }),
    ]);
  });

  it('events that are stale or refused by the status model notify nothing', async () => {
    const citizen = await createCitizen(t.app, t.db);
    const ids = await newApplication(citizen);
    await send({ ...ids, status: 2, action: 'accept', occurredAt: '20260302090000' });
    await send({ ...ids, status: 9, action: 'mark-result-ready', occurredAt: '20260303090000' });
    // Older than what is known: stale. 9 → 5 is forbidden: rejected.
    expect((await send({ ...ids, status: 6, action: 'request-fee', occurredAt: '20260302100000' })).outcome).toBe('stale');
    expect((await send({ ...ids, status: 5, action: 'request-supplement', occurredAt: '20260304090000' })).outcome).toBe('rejected');
    expect((await inbox(citizen)).items.map((item: { kind: string }) => item.kind)).toEqual(['result-ready', 'received']);
  });
});

describe('the inbox', () => {
  it('shows only the caller’s own; unread filter, pages; read once; read-all', async () => {
    const owner = await createCitizen(t.app, t.db);
    const stranger = await createCitizen(t.app, t.db);
    const ids = await newApplication(owner);
    await send({ ...ids, status: 2, action: 'accept', occurredAt: '20260302090000' });
    await send({ ...ids, status: 6, action: 'request-fee', occurredAt: '20260302100000', extra: {
      DanhSachLePhi: [{ MaLePhi: 'f1', MoTa: 'Lệ phí cấp bản sao', SoTien: 8000, DonViTien: 'VND', HinhThucThanhToan: 'Nộp tại xã', NgayYeuCau: '20260302100000', DaThanhToan: false }],
    } });
    await send({ ...ids, status: 9, action: 'mark-result-ready', occurredAt: '20260302110000', extra: {
      ThongTinTraKetQua: { NoiNhanKetQua: 'Bộ phận một cửa xã Khao Mang', HinhThucNhanKetQua: 'Nhận trực tiếp', GhiChu: null, NgayCoKetQua: '20260302110000' },
    } });

    expect(await inbox(stranger)).toEqual({ items: [], total: 0, page: 1, pageSize: 20, unreadCount: 0 });
    const all = await inbox(owner);
    expect(all.items.map((item: { kind: string }) => item.kind)).toEqual(['result-ready', 'fee-required', 'received']);
    expect(all.items[0].body).toContain('mời bạn nhận tại Bộ phận một cửa xã Khao Mang');
    expect(all.items[1].body).toContain('cần nộp 8.000 đồng (Lệ phí cấp bản sao)');

    const page2 = await inbox(owner, '?page=2&pageSize=2');
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2, unreadCount: 3 });
    expect(page2.items.map((item: { kind: string }) => item.kind)).toEqual(['received']);

    const target = all.items[1];
    // Someone else's, an unknown id and garbage: the same 404.
    for (const [who, id] of [[stranger, target.id], [owner, randomUUID()], [owner, 'not-an-id']] as const) {
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/notifications/${id}/read`, headers: who.auth });
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('NOTIFICATION_NOT_FOUND');
    }
    const read = await t.app.inject({ method: 'POST', url: `/api/v1/notifications/${target.id}/read`, headers: owner.auth });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual({ ...target, readAt: expect.any(String) });
    clockOffsetMs += 60_000;
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/notifications/${target.id}/read`, headers: owner.auth });
    expect(again.json().readAt).toBe(read.json().readAt);

    expect((await inbox(owner, '?unread=true')).items.map((item: { kind: string }) => item.kind)).toEqual(['result-ready', 'received']);
    expect((await inbox(owner, '?unread=false')).items.map((item: { kind: string }) => item.kind)).toEqual(['fee-required']);
    expect((await inbox(owner)).unreadCount).toBe(2);

    // The stranger's read-all touches nothing of the owner's.
    await t.app.inject({ method: 'POST', url: '/api/v1/notifications/read-all', headers: stranger.auth });
    expect((await inbox(owner)).unreadCount).toBe(2);
    const readAll = await t.app.inject({ method: 'POST', url: '/api/v1/notifications/read-all', headers: owner.auth });
    expect(readAll.json()).toEqual({ unreadCount: 0 });
    expect((await inbox(owner)).unreadCount).toBe(0);
    expect(readAll.headers['cache-control']).toBe('no-store');
  });
});

describe('notification settings', () => {
  const get = async (citizen: TestCitizen) =>
    (await t.app.inject({ method: 'GET', url: '/api/v1/me/notification-settings', headers: citizen.auth })).json();

  it('the inbox is always on; Zalo channels need the consent, the phone channel a verified phone', async () => {
    const citizen = await createCitizen(t.app, t.db);
    const off = { inApp: true, miniApp: { enabled: false, allowedAt: null }, phone: { enabled: false, available: false }, consentGranted: false };
    expect(await get(citizen)).toEqual(off);

    const refused = await putSettings(t.app, citizen, { miniApp: true });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'CONSENT_REQUIRED', message: expect.stringContaining('đồng ý nhận thông báo') });
    // Turning off needs nothing.
    expect((await putSettings(t.app, citizen, { miniApp: false, phone: false })).json()).toEqual(off);

    await grantConsent(t.app, citizen, 'notifications');
    const noPhone = await putSettings(t.app, citizen, { miniApp: true, phone: true });
    expect(noPhone.statusCode).toBe(409);
    expect(noPhone.json().code).toBe('PHONE_REQUIRED');
    // A refusal changes nothing, not even the part that was allowed.
    expect((await get(citizen)).miniApp.enabled).toBe(false);

    const on = await putSettings(t.app, citizen, { miniApp: true });
    expect(on.json()).toEqual({ ...off, consentGranted: true, miniApp: { enabled: true, allowedAt: expect.any(String) } });
  });

  it('records when mini app notifications were allowed; phone on once verified; withdrawals turn channels off', async () => {
    const citizen = await createCitizen(t.app, t.db);
    await grantConsent(t.app, citizen, 'notifications');
    const before = now().getTime();
    const res = await putSettings(t.app, citizen, { miniApp: true });
    const after = now().getTime();
    const allowedAt = Date.parse(res.json().miniApp.allowedAt);
    expect(allowedAt).toBeGreaterThanOrEqual(before - 1);
    expect(allowedAt).toBeLessThanOrEqual(after + 1);

    await giveVerifiedPhone(t.app, t.db, citizen, '84912000113');
    expect((await get(citizen)).phone).toEqual({ enabled: false, available: true });
    expect((await putSettings(t.app, citizen, { phone: true })).json()).toMatchObject({
      miniApp: { enabled: true },
      phone: { enabled: true, available: true },
    });

    // Withdrawing the phone consent deletes the number and turns the phone channel off for good.
    await withdrawConsent(t.app, citizen, 'phone');
    expect((await get(citizen)).phone).toEqual({ enabled: false, available: false });
    await giveVerifiedPhone(t.app, t.db, citizen, '84912000113');
    expect((await get(citizen)).phone).toEqual({ enabled: false, available: true });

    // Withdrawing the notifications consent deletes the settings: granting again starts with every channel off.
    await withdrawConsent(t.app, citizen, 'notifications');
    expect(await get(citizen)).toMatchObject({ consentGranted: false, miniApp: { enabled: false, allowedAt: null } });
    await grantConsent(t.app, citizen, 'notifications');
    expect(await get(citizen)).toMatchObject({ consentGranted: true, miniApp: { enabled: false }, phone: { enabled: false } });
    expect((await t.db.query('select 1 from notification_settings where citizen_id = $1', [citizen.id])).rows).toHaveLength(0);
  });

  it('anything but booleans is 400', async () => {
    const citizen = await createCitizen(t.app, t.db);
    const res = await putSettings(t.app, citizen, { miniApp: 'yes' } as unknown as { miniApp: boolean });
    expect(res.statusCode).toBe(400);
  });
});

describe('operator stats', () => {
  it('need the operator key: missing or wrong is 401, the right one gives counts by channel and state', async () => {
    for (const headers of [{}, { 'x-operator-key': 'wrong' }, { 'x-operator-key': `${OPERATOR_KEY}x` }, { authorization: 'Bearer x' }]) {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/admin/notifications/stats', headers });
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('OPERATOR_KEY_INVALID');
    }
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/admin/notifications/stats', headers: { 'x-operator-key': OPERATOR_KEY } });
    expect(res.statusCode).toBe(200);
    const stats = res.json();
    const { rows } = await t.db.query<{ channel: string; state: string; n: number }>(
      'select channel, state, count(*)::int as n from notifications group by channel, state',
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(stats.byChannel[row.channel][row.state]).toBe(row.n);
    expect(Object.keys(stats.byChannel)).toEqual(['inbox', 'mini-app', 'zbs']);
    expect(Object.keys(stats.byChannel.zbs).sort()).toEqual(
      ['created', 'delivered', 'permanent-failure', 'sending', 'technical-failure', 'temporary-failure'].sort(),
    );
    // Zalo rows are waiting (no worker here): the oldest since before the clock moved a minute on.
    expect(stats.oldestPendingSeconds).toBeGreaterThanOrEqual(60);
    expect(Date.parse(stats.generatedAt)).not.toBeNaN();
  });
});
