import { type OfficerSandbox, startOfficerSandbox } from './officer-support';
import { ONE_STOP_TOKEN, birthRegistration, json, photo, photoBytes } from './one-stop-api';

const entry = (part: string, code = 'khai-sinh') => ({ MaGiayTo: code, TenTepDinhKem: `${code}.jpg`, TepDinhKem: part });

describe('citizen supplements (pushed by the proxy)', () => {
  let sandbox: OfficerSandbox;
  let id: string;

  beforeEach(async () => {
    sandbox = await startOfficerSandbox();
    sandbox.setTime('2026-03-02T09:00:00+07:00');
    id = (await json(await sandbox.push(birthRegistration('app-0400', { MaTTHC: '1.004873' })))).Id;
    await sandbox.act(id, 'request-supplement', { documents: ['Bản sao giấy khai sinh'] });
  });
  afterEach(() => sandbox.close());

  it('moves 5→4, resets the due date from the arrival, keeps the files; a repeat of the key changes nothing', async () => {
    sandbox.setTime('2026-03-06T16:00:00+07:00'); // Friday after 15:00: counted from Monday → Thursday 12 March
    const first = await sandbox.supplement(id, { GhiChu: 'Bổ sung bản sao', TaiLieuNop: [entry('f1')] }, [photo('f1', 'a.jpg', 3000, 7)]);
    expect(first.status).toBe(201);
    const supplied = await json(first);
    expect(supplied).toMatchObject({
      TrangThaiHoSo: 4,
      NgayHenTra: '20260312170000',
      DanhSachHoSoBoSung: [{ NgayBoSung: '20260306160000', NgayHenTraMoi: '20260312170000', NgayHenTraCu: '20260305170000' }],
    });
    const added = supplied.TaiLieuNop.find((document: { MaGiayTo: string }) => document.MaGiayTo === 'khai-sinh');
    expect(supplied.DanhSachHoSoBoSung[0].TaiLieuBoSung).toEqual([added.TepDinhKemId]);
    const bytes = await sandbox.get(added.DuongDanTaiTepTin);
    expect(Buffer.from(await bytes.arrayBuffer())).toEqual(Buffer.from(photoBytes(3000, 7)));

    sandbox.setTime('2026-03-09T08:00:00+07:00');
    const again = await sandbox.supplement(id, { GhiChu: 'Bổ sung bản sao', TaiLieuNop: [entry('f1')] }, [photo('f1', 'a.jpg', 3000, 7)]);
    expect(again.status).toBe(200);
    expect(await json(again)).toEqual(supplied);

    const deliveries = await sandbox.deliveries();
    expect(deliveries.map((delivery) => delivery.action)).toEqual(['accept', 'request-supplement', 'supplement-received']);
    const webhook = JSON.parse(deliveries[2]!.body);
    expect(webhook).toMatchObject({
      TrangThaiHoSo: 4,
      NgayHenTra: '20260312170000',
      BuocXuLy: { NguoiXuLy: 'Công dân', NoiDungXuLy: expect.stringContaining('12/03/2026'), TrangThai: 4 },
    });
  });

  it('refuses the same key with other content, and keeps the first', async () => {
    await sandbox.supplement(id, { TaiLieuNop: [entry('f1')] }, [photo('f1', 'a.jpg', 3000, 1)]);
    const reused = await sandbox.supplement(id, { TaiLieuNop: [entry('f1')] }, [photo('f1', 'a.jpg', 3000, 2)]);
    expect(reused.status).toBe(422);
    expect((await json(reused)).code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await json(await sandbox.get(`/one-stop/api/dossiers/${id}`))).TaiLieuNop).toHaveLength(1);
  });

  it('refuses a supplement for a dossier that is not waiting for one', async () => {
    await sandbox.supplement(id, { TaiLieuNop: [entry('f1')] }, [photo('f1', 'a.jpg')]);
    const late = await sandbox.supplement(id, { TaiLieuNop: [entry('f1')] }, [photo('f1', 'b.jpg', 100, 3)], 'another-key');
    expect(late.status).toBe(409);
    expect(await json(late)).toMatchObject({ code: 'SUPPLEMENT_NOT_REQUESTED', message: expect.stringContaining('bổ sung') });
  });

  it('refuses a supplement without a key, without documents, or for an unknown dossier, and needs the token', async () => {
    const noKey = await fetch(`${sandbox.baseUrl}/one-stop/api/dossiers/${id}/supplements`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ONE_STOP_TOKEN}` },
      body: (() => {
        const form = new FormData();
        form.append('BoSung', JSON.stringify({ TaiLieuNop: [entry('f1')] }));
        form.append('f1', new Blob([photoBytes(100)], { type: 'image/jpeg' }), 'a.jpg');
        return form;
      })(),
    });
    expect([noKey.status, (await json(noKey)).code]).toEqual([400, 'MISSING_IDEMPOTENCY_KEY']);

    const empty = await sandbox.supplement(id, { TaiLieuNop: [] }, []);
    expect([empty.status, (await json(empty)).code]).toEqual([400, 'VALIDATION_ERROR']);

    const missingPart = await sandbox.supplement(id, { TaiLieuNop: [entry('f1')] }, []);
    expect([missingPart.status, (await json(missingPart)).code]).toEqual([400, 'MISSING_DOCUMENT_PART']);

    const unknown = await sandbox.supplement('no-such-dossier', { TaiLieuNop: [entry('f1')] }, [photo('f1', 'a.jpg')]);
    expect([unknown.status, (await json(unknown)).code]).toEqual([404, 'DOSSIER_NOT_FOUND']);

    const unauthorised = await fetch(`${sandbox.baseUrl}/one-stop/api/dossiers/${id}/supplements`, { method: 'POST' });
    expect(unauthorised.status).toBe(401);
    expect((await json(await sandbox.get(`/one-stop/api/dossiers/${id}`))).TrangThaiHoSo).toBe(5);
  });

  it('an officer can take a supplement brought to the desk: 5→4 with a reset due date', async () => {
    sandbox.setTime('2026-03-04T10:00:00+07:00');
    expect(await json(await sandbox.act(id, 'start-processing'))).toMatchObject({
      TrangThaiHoSo: 4,
      NgayHenTra: '20260309170000',
      DanhSachHoSoBoSung: [{ NgayBoSung: '20260304100000' }],
    });
  });
});

describe('citizen withdrawal', () => {
  let sandbox: OfficerSandbox;
  beforeEach(async () => {
    sandbox = await startOfficerSandbox();
    sandbox.setTime('2026-03-02T09:00:00+07:00');
  });
  afterEach(() => sandbox.close());

  it('withdraws an undecided dossier (→7) with the reason; a repeat answers it unchanged', async () => {
    const id = (await json(await sandbox.push(birthRegistration('app-0500')))).Id;
    await sandbox.act(id, 'start-processing');
    const response = await sandbox.withdraw(id, { LyDo: 'Đã nộp trực tiếp tại xã.' });
    expect(response.status).toBe(200);
    const withdrawn = await json(response);
    expect(withdrawn).toMatchObject({ TrangThaiHoSo: 7, TenTrangThaiHoSo: 'Công dân yêu cầu rút hồ sơ', LyDo: 'Đã nộp trực tiếp tại xã.' });

    const again = await sandbox.withdraw(id);
    expect(again.status).toBe(200);
    expect(await json(again)).toEqual(withdrawn);

    const deliveries = await sandbox.deliveries();
    expect(deliveries.map((delivery) => [delivery.action, delivery.TrangThaiHoSo])).toEqual([
      ['accept', 2],
      ['start-processing', 4],
      ['withdrawal', 7],
    ]);
    // Terminal: the officer has nothing left to do.
    expect((await sandbox.act(id, 'mark-result-ready', { pickupPlace: 'x', pickupMethod: 'y' })).status).toBe(409);
  });

  it('withdraws without a body', async () => {
    const id = (await json(await sandbox.push(birthRegistration('app-0501')))).Id;
    const response = await sandbox.withdraw(id);
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({ TrangThaiHoSo: 7, LyDo: null });
  });

  it('refuses to withdraw a decided dossier, and unknown fields', async () => {
    const id = (await json(await sandbox.push(birthRegistration('app-0502')))).Id;
    await sandbox.act(id, 'mark-result-ready', { pickupPlace: 'UBND xã', pickupMethod: 'Nhận trực tiếp' });
    const refused = await sandbox.withdraw(id, { LyDo: 'Không cần nữa' });
    expect(refused.status).toBe(409);
    expect(await json(refused)).toMatchObject({ code: 'WITHDRAWAL_NOT_ALLOWED', message: expect.stringContaining('Đã xử lý xong') });
    expect((await sandbox.withdraw(id, { Reason: 'x' })).status).toBe(400);
    expect((await json(await sandbox.get(`/one-stop/api/dossiers/${id}`))).TrangThaiHoSo).toBe(9);
    expect((await sandbox.withdraw('no-such-dossier')).status).toBe(404);
  });
});
