// What a citizen sees of an application once the one-stop system reports on it (signed webhooks built by the test):
// the timeline, the due date with working days left and the overdue flag on a clock the test sets (across a weekend
// and the 30/4–1/5 holidays of data/holidays.json), what each status asks (documents, fee, pickup, reason, delay),
// the list with applications needing action first, and someone else's application answering 404.
import { randomUUID } from 'node:crypto';
import { type IntakeFixture, insertIntakeCatalog } from '../support/applications';
import { createCitizen, type TestCitizen } from '../support/citizens';
import { deliverAccepted, submittedApplication, TEST_WEBHOOK_SECRET, type WebhookFacts } from '../support/status-webhooks';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let fixture: IntakeFixture;
let citizen: TestCitizen;
let other: TestCitizen;
/** The app's clock; null = real time (webhook signatures are checked against it). */
let fixedNow: Date | null = null;

beforeAll(async () => {
  t = await createTestApp({
    env: { ONE_STOP_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET },
    now: () => fixedNow ?? new Date(),
  });
  fixture = await insertIntakeCatalog(t.db);
  citizen = await createCitizen(t.app, t.db);
  other = await createCitizen(t.app, t.db);
});

afterEach(() => {
  fixedNow = null;
});

afterAll(() => t?.close());

const newApplication = (owner = citizen) => submittedApplication(t.app, owner, fixture);
const send = (facts: WebhookFacts) => deliverAccepted(t.app, facts);

const get = (id: string, who = citizen) => t.app.inject({ method: 'GET', url: `/api/v1/applications/${id}`, headers: who.auth });
const view = async (id: string) => (await get(id)).json();
const at = (when: string) => new Date(when);

describe('GET /api/v1/applications/:id', () => {
  it('timeline of applied steps, oldest first, with unit, officer and note; existing fields unchanged', async () => {
    const ids = await newApplication();
    await send({ ...ids, status: 2, action: 'accept', occurredAt: '20260302090000', note: 'Tiếp nhận hồ sơ' });
    await send({ ...ids, status: 4, occurredAt: '20260302100000', officer: 'Lò Văn Minh', note: 'Chuyển phòng chuyên môn' });
    const application = await view(ids.applicationId);
    expect(application).toMatchObject({
      id: ids.applicationId,
      reference: expect.any(String),
      procedure: { code: fixture.procedure.code, name: 'Đăng ký khai sinh' },
      status: 'processing',
      statusCode: 4,
      statusName: 'Đang xử lý',
      receiptCode: '04465-260302-0001',
      documents: [expect.objectContaining({ documentCode: 'to-khai' }), expect.objectContaining({ documentCode: 'giay-chung-sinh' })],
      canWithdraw: true,
      canRate: false,
      rating: null,
      supplement: null,
      fee: null,
      result: null,
      reason: null,
      delay: null,
      needsAction: false,
    });
    expect(application.timeline).toEqual([
      {
        at: '2026-03-02T02:00:00.000Z',
        statusCode: 2,
        statusName: 'Được tiếp nhận',
        unit: 'Bộ phận tiếp nhận và trả kết quả',
        officer: 'Cán bộ một cửa',
        note: 'Tiếp nhận hồ sơ',
      },
      {
        at: '2026-03-02T03:00:00.000Z',
        statusCode: 4,
        statusName: 'Đang xử lý',
        unit: 'Bộ phận tiếp nhận và trả kết quả',
        officer: 'Lò Văn Minh',
        note: 'Chuyển phòng chuyên môn',
      },
    ]);
  });

  it('working days left and overdue across a weekend, on the clock of the app', async () => {
    const ids = await newApplication();
    // Due Monday 9 March 2026 17:00.
    await send({ ...ids, status: 2, action: 'accept', occurredAt: '20260305090000', dueAt: '20260309170000' });
    const cases: Array<[string, number, boolean]> = [
      ['2026-03-06T10:00:00+07:00', 1, false], // Friday: Saturday and Sunday do not count, Monday does
      ['2026-03-07T10:00:00+07:00', 1, false], // Saturday
      ['2026-03-09T16:59:00+07:00', 0, false], // the due day, before 17:00
      ['2026-03-09T17:01:00+07:00', 0, true], // the due day, after 17:00: late
      ['2026-03-10T09:00:00+07:00', -1, true],
    ];
    for (const [now, left, overdue] of cases) {
      fixedNow = at(now);
      expect([now, (await view(ids.applicationId)).workingDaysLeft, (await view(ids.applicationId)).overdue]).toEqual([now, left, overdue]);
    }
  });

  it('working days left and overdue across the 30/4 and 1/5 holidays and the weekend after them', async () => {
    const ids = await newApplication();
    // Accepted Wednesday 29 April 2026, due Monday 4 May 17:00: Thu 30/4 and Fri 1/5 are holidays.
    await send({ ...ids, status: 2, action: 'accept', occurredAt: '20260429090000', dueAt: '20260504170000' });
    await send({ ...ids, status: 4, occurredAt: '20260429100000', dueAt: '20260504170000' });
    const cases: Array<[string, number, boolean]> = [
      ['2026-04-29T10:00:00+07:00', 1, false],
      ['2026-05-01T10:00:00+07:00', 1, false],
      ['2026-05-04T10:00:00+07:00', 0, false],
      ['2026-05-05T08:00:00+07:00', -1, true],
      ['2026-05-07T08:00:00+07:00', -3, true],
    ];
    for (const [now, left, overdue] of cases) {
      fixedNow = at(now);
      const application = await view(ids.applicationId);
      expect([now, application.workingDaysLeft, application.overdue]).toEqual([now, left, overdue]);
    }
    // In the list too.
    fixedNow = at('2026-05-05T08:00:00+07:00');
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/applications', headers: citizen.auth })).json();
    expect(list.items.find((item: { id: string }) => item.id === ids.applicationId)).toMatchObject({ overdue: true, needsAction: false });
  });

  it('status 5 lists the missing documents with the due dates; the clock stops, so never overdue', async () => {
    const ids = await newApplication();
    await send({ ...ids, status: 2, action: 'accept', occurredAt: '20260302090000' });
    await send({
      ...ids,
      status: 5,
      action: 'request-supplement',
      occurredAt: '20260303090000',
      dueAt: '20260305170000',
      extra: {
        DanhSachHoSoBoSung: [
          {
            MaYeuCauBoSung: 'req-1',
            NoiDungYeuCau: 'Nộp bản chụp rõ nét.',
            DanhSachGiayToCanBoSung: [{ TenGiayTo: 'Bản sao giấy khai sinh' }, { TenGiayTo: 'Xác nhận nơi cư trú' }],
            NgayYeuCau: '20260303090000',
            NgayHenTraCu: '20260305170000',
            NgayHenTraMoi: null,
            NgayBoSung: null,
            TaiLieuBoSung: [],
          },
        ],
      },
    });
    fixedNow = at('2026-04-01T09:00:00+07:00');
    expect(await view(ids.applicationId)).toMatchObject({
      status: 'supplement-required',
      needsAction: true,
      overdue: false,
      workingDaysLeft: null,
      canWithdraw: true,
      supplement: {
        requestId: 'req-1',
        note: 'Nộp bản chụp rõ nét.',
        documents: [{ name: 'Bản sao giấy khai sinh' }, { name: 'Xác nhận nơi cư trú' }],
        requestedAt: '2026-03-03T02:00:00.000Z',
        previousDueAt: '2026-03-05T10:00:00.000Z',
        newDueAt: null,
      },
    });
  });

  it('a delay (same status, newer event) moves the due date and shows the apology', async () => {
    const ids = await newApplication();
    await send({ ...ids, status: 2, action: 'accept', occurredAt: '20260302090000', dueAt: '20260304170000' });
    const res = await send({
      ...ids,
      status: 2,
      action: 'delay',
      occurredAt: '20260304100000',
      dueAt: '20260311170000',
      extra: {
        DanhSachXinLoi: [
          { NoiDungXinLoi: 'Xin lỗi vì chậm trễ.', NgayHenTraCu: '20260304170000', NgayHenTraMoi: '20260311170000', NgayXinLoi: '20260304100000' },
        ],
      },
    });
    expect(res.outcome).toBe('refreshed');
    expect(await view(ids.applicationId)).toMatchObject({
      statusCode: 2,
      dueAt: '2026-03-11T10:00:00.000Z',
      delay: { apology: 'Xin lỗi vì chậm trễ.', previousDueAt: '2026-03-04T10:00:00.000Z', newDueAt: '2026-03-11T10:00:00.000Z' },
    });
  });

  it('status 6 shows the fee; 9 where to collect the result; 8 and 3 the reason', async () => {
    const fee = await newApplication();
    await send({ ...fee, status: 2, action: 'accept', occurredAt: '20260302090000' });
    await send({
      ...fee,
      status: 6,
      action: 'request-fee',
      occurredAt: '20260302100000',
      extra: {
        DanhSachLePhi: [
          { MaLePhi: 'f1', MoTa: 'Lệ phí cấp giấy xác nhận', SoTien: 8000, DonViTien: 'VND', HinhThucThanhToan: 'Nộp tại Bộ phận một cửa', NgayYeuCau: '20260302100000', DaThanhToan: false },
        ],
      },
    });
    expect(await view(fee.applicationId)).toMatchObject({
      status: 'payment-required',
      needsAction: true,
      fee: { amount: 8000, description: 'Lệ phí cấp giấy xác nhận', paymentMethod: 'Nộp tại Bộ phận một cửa' },
    });

    await send({
      ...fee,
      status: 9,
      action: 'mark-result-ready',
      occurredAt: '20260303100000',
      extra: { ThongTinTraKetQua: { NoiNhanKetQua: 'Bộ phận một cửa xã Khao Mang', HinhThucNhanKetQua: 'Nhận trực tiếp', GhiChu: 'Mang CCCD', NgayCoKetQua: '20260303100000' } },
    });
    expect(await view(fee.applicationId)).toMatchObject({
      status: 'ready',
      fee: null,
      result: { pickupPlace: 'Bộ phận một cửa xã Khao Mang', pickupMethod: 'Nhận trực tiếp', note: 'Mang CCCD' },
      canWithdraw: false,
      canRate: true,
      overdue: false,
    });

    const stopped = await newApplication();
    await send({ ...stopped, status: 2, action: 'accept', occurredAt: '20260302090000' });
    await send({ ...stopped, status: 8, action: 'stop', occurredAt: '20260302100000', extra: { LyDo: 'Hồ sơ không đủ điều kiện.' } });
    expect(await view(stopped.applicationId)).toMatchObject({ status: 'stopped', reason: 'Hồ sơ không đủ điều kiện.', canWithdraw: false, canRate: false });

    const refused = await newApplication();
    await send({ ...refused, status: 1, action: 'submit', occurredAt: '20260302090000', receiptCode: null, dueAt: null });
    await send({ ...refused, status: 3, action: 'refuse', occurredAt: '20260302100000', receiptCode: null, dueAt: null, extra: { LyDo: 'Sai thẩm quyền.' } });
    expect(await view(refused.applicationId)).toMatchObject({ status: 'refused', reason: 'Sai thẩm quyền.', receiptCode: null, dueAt: null });
  });

  it('someone else’s application, an unknown id and a malformed id: the same 404', async () => {
    const ids = await newApplication();
    const answers = [await get(ids.applicationId, other), await get(randomUUID()), await get('nope')];
    for (const res of answers) {
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ statusCode: 404, code: 'APPLICATION_NOT_FOUND', message: expect.any(String) });
    }
  });
});

describe('GET /api/v1/applications', () => {
  it('those needing action (5, 6, 9) first, then newest first; each with status, due date, overdue, needsAction', async () => {
    const owner = await createCitizen(t.app, t.db);
    const first = await newApplication(owner);
    const needsAction = await newApplication(owner);
    const newest = await newApplication(owner);
    await send({ ...needsAction, status: 2, action: 'accept', occurredAt: '20260302090000' });
    await send({ ...needsAction, status: 6, action: 'request-fee', occurredAt: '20260302100000' });
    const { items } = (await t.app.inject({ method: 'GET', url: '/api/v1/applications', headers: owner.auth })).json();
    expect(items.map((item: { id: string }) => item.id)).toEqual([needsAction.applicationId, newest.applicationId, first.applicationId]);
    expect(items[0]).toMatchObject({
      statusCode: 6,
      statusName: 'Yêu cầu thực hiện nghĩa vụ tài chính',
      dueAt: '2026-03-04T10:00:00.000Z',
      needsAction: true,
      overdue: false,
    });
    expect(items[1]).toMatchObject({ status: 'forwarding', statusCode: null, dueAt: null, needsAction: false, overdue: false });
  });
});
