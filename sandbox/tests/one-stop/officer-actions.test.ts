import { type OfficerSandbox, startOfficerSandbox } from './officer-support';
import { birthRegistration, json, photo } from './one-stop-api';

/** A marriage-status certificate (1.004873, 3 working days) at Khao Mang, waiting for an officer. */
const certificate = (applicationId: string) => birthRegistration(applicationId, { MaTTHC: '1.004873' });

describe('officer actions: status change, progress step, signed webhook', () => {
  let sandbox: OfficerSandbox;
  let id: string;

  beforeEach(async () => {
    sandbox = await startOfficerSandbox({ autoAccept: false });
    sandbox.setTime('2026-03-02T09:00:00+07:00'); // Monday
    id = (await json(await sandbox.push(certificate('app-0100')))).Id;
  });
  afterEach(() => sandbox.close());

  it('accept: receipt code and due date, then a webhook with the dossier fields, signed as documented', async () => {
    sandbox.setTime('2026-03-02T10:30:00+07:00');
    const response = await sandbox.act(id, 'accept', { officer: 'Lò Thị Hoa' });
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({
      TrangThaiHoSo: 2,
      MaHoSo: '04465-260302-0001',
      NgayTiepNhan: '20260302103000',
      NgayHenTra: '20260305170000',
    });

    const [webhook] = await sandbox.receiver.waitFor(1);
    expect(webhook!.verdict).toBe('valid');
    expect(webhook!.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(webhook!.headers['x-onestop-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(webhook!.body).toEqual({
      eventId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      occurredAt: '20260302103000',
      action: 'accept',
      Id: id,
      MaHoSoLienThong: 'app-0100',
      MaHoSo: '04465-260302-0001',
      MaTTHC: '1.004873',
      MaDonVi: '04465',
      TrangThaiHoSo: 2,
      TenTrangThaiHoSo: 'Được tiếp nhận',
      NgayTiepNhan: '20260302103000',
      NgayHenTra: '20260305170000',
      NgayTra: null,
      BuocXuLy: {
        NguoiXuLy: 'Lò Thị Hoa',
        PhongBanXuLy: 'Bộ phận tiếp nhận và trả kết quả',
        NoiDungXuLy: 'Tiếp nhận hồ sơ, cấp mã hồ sơ 04465-260302-0001; hẹn trả kết quả ngày 05/03/2026.',
        ThoiDiemXuLy: '20260302103000',
        TrangThai: 2,
      },
      LyDo: null,
      DanhSachHoSoBoSung: [],
      DanhSachLePhi: [],
      ThongTinTraKetQua: null,
      DanhSachXinLoi: [],
      DanhSachGiayToKetQua: [],
    });
    // No applicant data on the wire of a webhook.
    expect(webhook!.rawBody).not.toContain('0912000101');
    expect(webhook!.rawBody).not.toContain('Giàng Thị Mỷ');
  });

  it('a whole journey: each step changes the status, adds a progress step and sends one webhook', async () => {
    await sandbox.act(id, 'accept');
    sandbox.setTime('2026-03-02T14:00:00+07:00');
    expect((await json(await sandbox.act(id, 'start-processing'))).TrangThaiHoSo).toBe(4);

    sandbox.setTime('2026-03-03T09:00:00+07:00');
    const supplement = await json(
      await sandbox.act(id, 'request-supplement', {
        documents: ['Bản sao giấy khai sinh', 'Xác nhận nơi cư trú'],
        note: 'Nộp bản chụp rõ nét.',
      }),
    );
    expect(supplement).toMatchObject({
      TrangThaiHoSo: 5,
      DanhSachHoSoBoSung: [
        {
          NoiDungYeuCau: 'Nộp bản chụp rõ nét.',
          DanhSachGiayToCanBoSung: [{ TenGiayTo: 'Bản sao giấy khai sinh' }, { TenGiayTo: 'Xác nhận nơi cư trú' }],
          NgayYeuCau: '20260303090000',
          NgayHenTraCu: '20260305170000',
          NgayHenTraMoi: null,
          NgayBoSung: null,
        },
      ],
    });

    sandbox.setTime('2026-03-04T10:00:00+07:00'); // Wednesday: 3 working days again → Monday 9 March
    const supplied = await sandbox.supplement(id, { TaiLieuNop: [{ MaGiayTo: 'khai-sinh', TenTepDinhKem: 'khai sinh.jpg', TepDinhKem: 'f1' }] }, [
      photo('f1', 'ks.jpg'),
    ]);
    expect(supplied.status).toBe(201);
    expect(await json(supplied)).toMatchObject({
      TrangThaiHoSo: 4,
      NgayHenTra: '20260309170000',
      DanhSachHoSoBoSung: [{ NgayHenTraCu: '20260305170000', NgayHenTraMoi: '20260309170000', NgayBoSung: '20260304100000' }],
    });

    const fee = await json(await sandbox.act(id, 'request-fee', { amount: 8000, description: 'Lệ phí cấp giấy xác nhận' }));
    expect(fee).toMatchObject({
      TrangThaiHoSo: 6,
      DanhSachLePhi: [{ SoTien: 8000, DonViTien: 'VND', MoTa: 'Lệ phí cấp giấy xác nhận', DaThanhToan: false, HinhThucThanhToan: expect.any(String) }],
    });
    const paid = await json(await sandbox.act(id, 'start-processing'));
    expect(paid).toMatchObject({ TrangThaiHoSo: 4, DanhSachLePhi: [{ DaThanhToan: true }] });

    const delayed = await json(
      await sandbox.act(id, 'delay', { newDueDate: '2026-03-12', apology: 'Cần xác minh thêm với xã nơi cư trú trước đây.' }),
    );
    expect(delayed).toMatchObject({
      TrangThaiHoSo: 4,
      NgayHenTra: '20260312170000',
      DanhSachXinLoi: [
        {
          NoiDungXinLoi: 'Cần xác minh thêm với xã nơi cư trú trước đây.',
          NgayHenTraCu: '20260309170000',
          NgayHenTraMoi: '20260312170000',
          NgayXinLoi: '20260304100000',
        },
      ],
    });

    sandbox.setTime('2026-03-11T15:00:00+07:00');
    const ready = await json(
      await sandbox.act(id, 'mark-result-ready', {
        pickupPlace: 'Bộ phận một cửa UBND xã Khao Mang',
        pickupMethod: 'Nhận trực tiếp tại Bộ phận tiếp nhận và trả kết quả',
        note: 'Mang theo căn cước.',
      }),
    );
    expect(ready).toMatchObject({
      TrangThaiHoSo: 9,
      ThongTinTraKetQua: {
        NoiNhanKetQua: 'Bộ phận một cửa UBND xã Khao Mang',
        HinhThucNhanKetQua: 'Nhận trực tiếp tại Bộ phận tiếp nhận và trả kết quả',
        GhiChu: 'Mang theo căn cước.',
        NgayCoKetQua: '20260311150000',
      },
    });

    sandbox.setTime('2026-03-12T08:00:00+07:00');
    expect(await json(await sandbox.act(id, 'return-result'))).toMatchObject({ TrangThaiHoSo: 10, NgayTra: '20260312080000' });

    const received = await sandbox.receiver.waitFor(9);
    expect(received.map((webhook) => [webhook.body.action, webhook.body.TrangThaiHoSo])).toEqual([
      ['accept', 2],
      ['start-processing', 4],
      ['request-supplement', 5],
      ['supplement-received', 4],
      ['request-fee', 6],
      ['start-processing', 4],
      ['delay', 4],
      ['mark-result-ready', 9],
      ['return-result', 10],
    ]);
    expect(received.every((webhook) => webhook.verdict === 'valid')).toBe(true);
    expect(new Set(received.map((webhook) => webhook.body.eventId)).size).toBe(9);
    expect(received[6]!.body).toMatchObject({ NgayHenTra: '20260312170000', BuocXuLy: { NoiDungXuLy: expect.stringContaining('12/03/2026') } });

    const dossier = await json(await sandbox.get(`/one-stop/api/dossiers/${id}`));
    expect(dossier.QuaTrinhXuLy.map((step: { TrangThai: number }) => step.TrangThai)).toEqual([1, 2, 4, 5, 4, 6, 4, 4, 9, 10]);
    expect(dossier.TaiLieuNop.map((document: { MaGiayTo: string }) => document.MaGiayTo)).toEqual(['khai-sinh']);
  });

  it('refuse at intake (3) and stop during processing (8) carry the reason', async () => {
    const refused = await json(await sandbox.act(id, 'refuse', { reason: 'Hồ sơ không thuộc thẩm quyền của xã.' }));
    expect(refused).toMatchObject({ TrangThaiHoSo: 3, TenTrangThaiHoSo: 'Không được tiếp nhận', LyDo: 'Hồ sơ không thuộc thẩm quyền của xã.' });

    const other = (await json(await sandbox.push(certificate('app-0101')))).Id;
    await sandbox.act(other, 'accept');
    await sandbox.act(other, 'start-processing');
    const stopped = await json(await sandbox.act(other, 'stop', { reason: 'Người yêu cầu đã chết.' }));
    expect(stopped).toMatchObject({ TrangThaiHoSo: 8, LyDo: 'Người yêu cầu đã chết.' });

    const received = await sandbox.receiver.waitFor(4);
    expect(received[0]!.body).toMatchObject({ action: 'refuse', TrangThaiHoSo: 3, LyDo: 'Hồ sơ không thuộc thẩm quyền của xã.' });
    expect(received[3]!.body).toMatchObject({ action: 'stop', TrangThaiHoSo: 8, LyDo: 'Người yêu cầu đã chết.', MaHoSoLienThong: 'app-0101' });
  });

  it('rejects what the status model forbids, changes nothing and sends nothing', async () => {
    await sandbox.act(id, 'accept');
    await sandbox.act(id, 'mark-result-ready', { pickupPlace: 'Xã Khao Mang', pickupMethod: 'Nhận trực tiếp' });
    await sandbox.act(id, 'return-result');
    const before = await json(await sandbox.get(`/one-stop/api/dossiers/${id}`));

    for (const [action, body] of [
      ['accept', {}],
      ['refuse', { reason: 'x' }],
      ['request-supplement', { documents: ['Giấy tờ'] }],
      ['stop', { reason: 'x' }],
      ['delay', { newDueDate: '2026-03-20', apology: 'x' }],
    ] as const) {
      const response = await sandbox.act(id, action, body);
      expect([action, response.status]).toEqual([action, 409]);
      expect(await json(response)).toEqual({
        statusCode: 409,
        code: 'FORBIDDEN_TRANSITION',
        message: expect.stringContaining('Đã trả kết quả'),
      });
    }
    expect(await json(await sandbox.get(`/one-stop/api/dossiers/${id}`))).toEqual(before);
    const deliveries = await sandbox.deliveries();
    expect(deliveries.map((delivery) => delivery.action)).toEqual(['accept', 'mark-result-ready', 'return-result']);
  });

  it('refuses after acceptance is a stop, not a refusal', async () => {
    await sandbox.act(id, 'accept');
    const response = await sandbox.act(id, 'refuse', { reason: 'Thiếu giấy tờ' });
    expect(response.status).toBe(409);
    expect((await json(await sandbox.get(`/one-stop/api/dossiers/${id}`))).TrangThaiHoSo).toBe(2);
  });

  it('validates each action input', async () => {
    await sandbox.act(id, 'accept');
    const cases = [
      ['request-supplement', {}],
      ['request-supplement', { documents: ['  ', ''] }],
      ['request-fee', { amount: 0, description: 'Lệ phí' }],
      ['request-fee', { amount: 5000 }],
      ['delay', { newDueDate: '12/03/2026', apology: 'x' }],
      ['delay', { newDueDate: '2026-03-12' }],
      ['mark-result-ready', { pickupMethod: 'Nhận trực tiếp' }],
      ['stop', { reason: '   ' }],
    ] as const;
    for (const [action, body] of cases) {
      const response = await sandbox.act(id, action, body);
      expect([action, body, response.status]).toEqual([action, body, 400]);
      expect((await json(response)).code).toBe('VALIDATION_ERROR');
    }
    expect((await json(await sandbox.get(`/one-stop/api/dossiers/${id}`))).TrangThaiHoSo).toBe(2);
  });

  it('a delay must move the due date later, to a working day', async () => {
    await sandbox.act(id, 'accept'); // due Thursday 5 March
    for (const newDueDate of ['2026-03-05', '2026-03-04', '2026-03-07', '2026-04-30']) {
      const response = await sandbox.act(id, 'delay', { newDueDate, apology: 'Xin lỗi.' });
      expect([newDueDate, response.status]).toEqual([newDueDate, 400]);
      expect((await json(response)).code).toBe('INVALID_DUE_DATE');
    }
    expect((await json(await sandbox.act(id, 'delay', { newDueDate: '2026-03-06', apology: 'Xin lỗi.' }))).NgayHenTra).toBe(
      '20260306170000',
    );
  });

  it('answers 404 for an unknown dossier or action', async () => {
    const unknownDossier = await sandbox.act('no-such-dossier', 'accept');
    expect(unknownDossier.status).toBe(404);
    expect((await json(unknownDossier)).code).toBe('DOSSIER_NOT_FOUND');
    const unknownAction = await sandbox.act(id, 'approve');
    expect(unknownAction.status).toBe(404);
    expect((await json(unknownAction)).code).toBe('UNKNOWN_ACTION');
  });
});
