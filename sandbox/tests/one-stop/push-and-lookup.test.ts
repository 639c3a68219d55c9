import { type OneStopSandbox, birthRegistration, json, photo, startOneStopSandbox } from './one-stop-api';

describe('one-stop API: push a dossier, look it up', () => {
  let sandbox: OneStopSandbox;
  afterEach(() => sandbox.close());

  describe('with autoAccept (the demo default)', () => {
    beforeEach(async () => {
      sandbox = await startOneStopSandbox();
      sandbox.setTime('2026-03-02T09:00:00+07:00'); // a Monday
    });

    it('accepts at once: status 2, receipt code, receipt and due dates, progress history', async () => {
      const response = await sandbox.push(
        birthRegistration('app-0001', {
          TaiLieuNop: [
            { MaGiayTo: 'to-khai', TenTepDinhKem: 'tờ khai.jpg', TepDinhKem: 'tep1' },
            { MaGiayTo: 'giay-chung-sinh', TenTepDinhKem: 'giấy chứng sinh.jpg', TepDinhKem: 'tep2' },
          ],
        }),
        [photo('tep1', 'a.jpg', 3000, 1), photo('tep2', 'b.jpg', 4000, 2)],
      );
      expect(response.status).toBe(201);
      const dossier = await json(response);
      expect(dossier).toMatchObject({
        MaHoSoLienThong: 'app-0001',
        MaHoSo: '04465-260302-0001',
        MaTTHC: '1.001193',
        TenTTHC: 'Đăng ký khai sinh',
        MaDonVi: '04465',
        DonViXuLy: 'UBND xã Khao Mang',
        ChuHoSo: 'Giàng Thị Mỷ',
        SoDienThoai: '0912000101',
        TrichYeuHoSo: 'Đăng ký khai sinh cho Giàng A Pó',
        DuLieuBieuMau: { child_full_name: 'Giàng A Pó' },
        NgayNopHoSo: '20260302090000',
        NgayTiepNhan: '20260302090000',
        NgayHenTra: '20260302170000', // same day: the procedure's processing time is 0 working days
        NgayTra: null,
        TrangThaiHoSo: 2,
        TenTrangThaiHoSo: 'Được tiếp nhận',
        DanhSachLePhi: [],
        DanhSachHoSoBoSung: [],
        DanhSachGiayToKetQua: [],
      });
      expect(dossier.Id).toEqual(expect.any(String));
      expect(dossier.TaiLieuNop).toEqual([
        expect.objectContaining({ MaGiayTo: 'to-khai', TenTepDinhKem: 'tờ khai.jpg', LoaiTep: 'image/jpeg', KichThuoc: 3000 }),
        expect.objectContaining({ MaGiayTo: 'giay-chung-sinh', KichThuoc: 4000 }),
      ]);
      expect(dossier.QuaTrinhXuLy).toEqual([
        expect.objectContaining({ TrangThai: 1, ThoiDiemXuLy: '20260302090000', PhongBanXuLy: expect.any(String) }),
        expect.objectContaining({
          TrangThai: 2,
          NguoiXuLy: expect.any(String),
          NoiDungXuLy: expect.stringContaining('04465-260302-0001'),
          ThoiDiemXuLy: '20260302090000',
        }),
      ]);
    });

    it('looks a dossier up by its id, by MaHoSo and by MaHoSoLienThong', async () => {
      const pushed = await json(await sandbox.push(birthRegistration('app-0002')));

      const byId = await sandbox.get(`/one-stop/api/dossiers/${pushed.Id}`);
      expect(byId.status).toBe(200);
      expect(await json(byId)).toEqual(pushed);

      const byCode = await json(await sandbox.get(`/one-stop/api/dossiers?MaHoSo=${pushed.MaHoSo}`));
      expect(byCode).toEqual({ TongSo: 1, DanhSachHoSo: [pushed] });
      const byKey = await json(await sandbox.get('/one-stop/api/dossiers?MaHoSoLienThong=app-0002'));
      expect(byKey.DanhSachHoSo.map((dossier: { Id: string }) => dossier.Id)).toEqual([pushed.Id]);

      expect(await json(await sandbox.get('/one-stop/api/dossiers?MaHoSo=04465-260302-9999'))).toEqual({
        TongSo: 0,
        DanhSachHoSo: [],
      });
    });

    it('lists the dossiers of one office, newest first, optionally by status', async () => {
      const first = await json(await sandbox.push(birthRegistration('app-a')));
      sandbox.clock.advance(60_000);
      await sandbox.push(birthRegistration('app-b', { MaDonVi: '04456' }));
      sandbox.clock.advance(60_000);
      const third = await json(await sandbox.push(birthRegistration('app-c')));

      const list = await json(await sandbox.get('/one-stop/api/dossiers?MaDonVi=04465'));
      expect(list.TongSo).toBe(2);
      expect(list.DanhSachHoSo.map((dossier: { Id: string }) => dossier.Id)).toEqual([third.Id, first.Id]);
      expect((await json(await sandbox.get('/one-stop/api/dossiers?MaDonVi=04465&TrangThaiHoSo=1'))).TongSo).toBe(0);
      expect((await json(await sandbox.get('/one-stop/api/dossiers?MaDonVi=04465&TrangThaiHoSo=2'))).TongSo).toBe(2);
    });

    it('refuses a mistyped filter rather than listing every dossier', async () => {
      await sandbox.push(birthRegistration('app-typo'));
      const response = await sandbox.get('/one-stop/api/dossiers?MaDonvi=04465');
      expect(response.status).toBe(400);
      expect(await json(response)).toMatchObject({ code: 'VALIDATION_ERROR' });
      expect((await sandbox.get('/one-stop/api/dossiers?TrangThaiHoSo=11')).status).toBe(400);
    });

    it('accepts HoSo sent as a JSON file part too', async () => {
      const form = new FormData();
      form.append('HoSo', new Blob([JSON.stringify(birthRegistration('app-blob'))], { type: 'application/json' }), 'hoso.json');
      const response = await fetch(`${sandbox.baseUrl}/one-stop/api/dossiers`, {
        method: 'POST',
        headers: { authorization: 'Bearer test-one-stop-token' },
        body: form,
      });
      expect(response.status).toBe(201);
      expect(await json(response)).toMatchObject({ MaHoSoLienThong: 'app-blob', ChuHoSo: 'Giàng Thị Mỷ', TaiLieuNop: [] });
    });

    it('answers 404 DOSSIER_NOT_FOUND for an unknown id', async () => {
      const response = await sandbox.get('/one-stop/api/dossiers/no-such-dossier');
      expect(response.status).toBe(404);
      expect(await json(response)).toMatchObject({ statusCode: 404, code: 'DOSSIER_NOT_FOUND', message: 'Không tìm thấy hồ sơ.' });
    });
  });

  describe('without autoAccept', () => {
    beforeEach(async () => {
      sandbox = await startOneStopSandbox({ autoAccept: false });
      sandbox.setTime('2026-03-02T09:00:00+07:00');
    });

    it('queues the dossier at status 1 with no receipt code until an officer accepts it', async () => {
      const response = await sandbox.push(birthRegistration('app-0003', { MaTTHC: '1.004873' }));
      expect(response.status).toBe(201);
      const waiting = await json(response);
      expect(waiting).toMatchObject({ TrangThaiHoSo: 1, MaHoSo: null, NgayTiepNhan: null, NgayHenTra: null });
      expect(waiting.NgayNopHoSo).toBe('20260302090000');

      sandbox.setTime('2026-03-03T10:15:00+07:00');
      const accepted = await sandbox.control('POST', `/dossiers/${waiting.Id}/accept`);
      expect(accepted.status).toBe(200);

      const lookedUp = await json(await sandbox.get(`/one-stop/api/dossiers/${waiting.Id}`));
      expect(lookedUp).toMatchObject({
        TrangThaiHoSo: 2,
        MaHoSo: '04465-260303-0001',
        NgayTiepNhan: '20260303101500',
        NgayHenTra: '20260306170000', // 3 working days for 1.004873, counted from the acceptance
      });
      expect(lookedUp.QuaTrinhXuLy.map((step: { TrangThai: number }) => step.TrangThai)).toEqual([1, 2]);

      const again = await sandbox.control('POST', `/dossiers/${waiting.Id}/accept`);
      expect(again.status).toBe(409);
      expect(await json(again)).toMatchObject({ code: 'DOSSIER_NOT_WAITING' });
    });

    it('can be switched to accept at once through the control API', async () => {
      const put = await sandbox.control('PUT', '/settings', { autoAccept: true });
      expect(await json(put)).toEqual({ autoAccept: true, dropWebhooks: false });
      expect(await json(await sandbox.control('GET', '/settings'))).toEqual({ autoAccept: true, dropWebhooks: false });
      expect(await json(await sandbox.push(birthRegistration('app-0004')))).toMatchObject({ TrangThaiHoSo: 2 });
    });
  });

  describe('bad pushes', () => {
    beforeEach(async () => {
      sandbox = await startOneStopSandbox();
    });

    const cases: [string, () => Promise<Response>, number, string][] = [
      ['an unknown procedure', () => sandbox.push(birthRegistration('k1', { MaTTHC: '9.999999' })), 422, 'UNKNOWN_PROCEDURE'],
      ['an unknown unit', () => sandbox.push(birthRegistration('k2', { MaDonVi: '99999' })), 422, 'UNKNOWN_UNIT'],
      ['a missing applicant name', () => sandbox.push(birthRegistration('k3', { ChuHoSo: '' })), 400, 'VALIDATION_ERROR'],
      ['a malformed phone', () => sandbox.push(birthRegistration('k4', { SoDienThoai: 'abc' })), 400, 'VALIDATION_ERROR'],
      ['no idempotency key', () => sandbox.push(birthRegistration('k5', { MaHoSoLienThong: undefined })), 400, 'MISSING_IDEMPOTENCY_KEY'],
      [
        'a header key that differs from MaHoSoLienThong',
        () =>
          sandbox.push(birthRegistration('k6'), [], {
            authorization: 'Bearer test-one-stop-token',
            'idempotency-key': 'other',
          }),
        400,
        'IDEMPOTENCY_KEY_MISMATCH',
      ],
      [
        'a document entry without its file part',
        () => sandbox.push(birthRegistration('k7', { TaiLieuNop: [{ MaGiayTo: 'to-khai', TenTepDinhKem: 'a.jpg', TepDinhKem: 'tep1' }] })),
        400,
        'MISSING_DOCUMENT_PART',
      ],
      [
        'a file part no entry refers to',
        () => sandbox.push(birthRegistration('k8'), [photo('stray', 'x.jpg')]),
        400,
        'UNREFERENCED_DOCUMENT_PART',
      ],
      [
        'an empty file',
        () =>
          sandbox.push(birthRegistration('k9', { TaiLieuNop: [{ MaGiayTo: 'to-khai', TenTepDinhKem: 'a.jpg', TepDinhKem: 'tep1' }] }), [
            { part: 'tep1', fileName: 'a.jpg', contentType: 'image/jpeg', bytes: new Uint8Array(0) },
          ]),
        400,
        'EMPTY_DOCUMENT',
      ],
      [
        'no HoSo part',
        () => {
          const form = new FormData();
          form.append('tep1', new Blob(['x']), 'a.jpg');
          return fetch(`${sandbox.baseUrl}/one-stop/api/dossiers`, {
            method: 'POST',
            headers: { authorization: 'Bearer test-one-stop-token' },
            body: form,
          });
        },
        400,
        'MISSING_DOSSIER',
      ],
      [
        'HoSo that is not JSON',
        () => {
          const form = new FormData();
          form.append('HoSo', '{not json');
          return fetch(`${sandbox.baseUrl}/one-stop/api/dossiers`, {
            method: 'POST',
            headers: { authorization: 'Bearer test-one-stop-token' },
            body: form,
          });
        },
        400,
        'INVALID_DOSSIER_JSON',
      ],
      [
        'a JSON body instead of multipart',
        () =>
          fetch(`${sandbox.baseUrl}/one-stop/api/dossiers`, {
            method: 'POST',
            headers: { authorization: 'Bearer test-one-stop-token', 'content-type': 'application/json' },
            body: JSON.stringify(birthRegistration('k10')),
          }),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      ],
    ];

    it.each(cases)('refuses %s and stores nothing', async (_name, send, status, code) => {
      const response = await send();
      expect(response.status).toBe(status);
      const body = await json(response);
      expect(body).toMatchObject({ statusCode: status, code });
      expect(body.message).toEqual(expect.any(String));
      expect(await sandbox.receivedCount()).toBe(0);
    });
  });
});
