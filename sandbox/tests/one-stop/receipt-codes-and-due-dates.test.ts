import { type OneStopSandbox, birthRegistration, json, startOneStopSandbox } from './one-stop-api';

// Procedures from data/procedures.json: 1.001193 (khai sinh) 0 working days, 1.004873 (xác nhận tình trạng
// hôn nhân) 3, 1.004222 (thường trú) 7, 1.010824 (liên thông khai tử) null → the default.
describe('one-stop API: receipt codes and due dates', () => {
  let sandbox: OneStopSandbox;
  beforeEach(async () => {
    sandbox = await startOneStopSandbox();
  });
  afterEach(() => sandbox.close());

  let sequence = 0;
  const pushAt = async (iso: string, overrides: Record<string, unknown> = {}) => {
    sandbox.setTime(iso);
    sequence += 1;
    const response = await sandbox.push(birthRegistration(`app-${sequence}`, overrides));
    expect(response.status).toBe(201);
    return json(response);
  };

  it('numbers each unit’s dossiers per local day: <unit>-<yymmdd>-<4 digits>', async () => {
    expect((await pushAt('2026-03-02T08:00:00+07:00')).MaHoSo).toBe('04465-260302-0001');
    expect((await pushAt('2026-03-02T09:00:00+07:00')).MaHoSo).toBe('04465-260302-0002');
    expect((await pushAt('2026-03-02T09:30:00+07:00', { MaDonVi: '04456' })).MaHoSo).toBe('04456-260302-0001');
    expect((await pushAt('2026-03-02T16:59:00+07:00')).MaHoSo).toBe('04465-260302-0003');
    // 23:30 UTC on 2 March is 06:30 on 3 March in Vietnam: a new day, a new sequence.
    expect((await pushAt('2026-03-02T23:30:00Z')).MaHoSo).toBe('04465-260303-0001');
    expect((await pushAt('2026-03-03T10:00:00+07:00', { MaDonVi: 'H38', MaTTHC: '1.000010' })).MaHoSo).toBe('H38-260303-0001');
  });

  it('starts the sequence again after the control API clears the dossiers', async () => {
    await pushAt('2026-03-02T08:00:00+07:00');
    expect((await sandbox.control('DELETE', '/dossiers')).status).toBe(204);
    expect(await sandbox.receivedCount()).toBe(0);
    expect((await pushAt('2026-03-02T08:05:00+07:00')).MaHoSo).toBe('04465-260302-0001');
  });

  it('counts working days across a weekend', async () => {
    const dossier = await pushAt('2026-03-06T10:00:00+07:00', { MaTTHC: '1.004873' }); // Friday, 3 days
    expect(dossier).toMatchObject({ NgayTiepNhan: '20260306100000', NgayHenTra: '20260311170000' });
  });

  it('applies the 15:00 cut-off: 15:00:00 counts that day, 15:00:01 the next working day', async () => {
    expect((await pushAt('2026-03-06T15:00:00+07:00')).NgayHenTra).toBe('20260306170000');
    expect((await pushAt('2026-03-06T15:00:01+07:00')).NgayHenTra).toBe('20260309170000');
  });

  it('skips Tết and the holidays of 30/4–1/5', async () => {
    expect((await pushAt('2026-02-13T10:00:00+07:00', { MaTTHC: '1.004873' })).NgayHenTra).toBe('20260225170000');
    // Wed 29/4, 7 days: 30/4, 1/5 and the weekend off → 4, 5, 6, 7, 8, 11, 12 May.
    expect((await pushAt('2026-04-29T11:00:00+07:00', { MaTTHC: '1.004222' })).NgayHenTra).toBe('20260512170000');
  });

  it('counts from the next working day when received on a holiday', async () => {
    const dossier = await pushAt('2026-02-18T09:00:00+07:00'); // mùng 2 Tết, same-day procedure
    expect(dossier).toMatchObject({ NgayTiepNhan: '20260218090000', NgayHenTra: '20260223170000' });
  });

  it('uses 3 working days when the catalogue gives no number', async () => {
    expect((await pushAt('2026-03-02T09:00:00+07:00', { MaTTHC: '1.010824' })).NgayHenTra).toBe('20260305170000');
  });
});

describe('one-stop API: configurable default processing time', () => {
  it('uses defaultWorkingDays for procedures without a number', async () => {
    const sandbox = await startOneStopSandbox({ defaultWorkingDays: 5 });
    try {
      sandbox.setTime('2026-03-02T09:00:00+07:00');
      const dossier = await json(await sandbox.push(birthRegistration('app-default', { MaTTHC: '1.010824' })));
      expect(dossier.NgayHenTra).toBe('20260309170000');
    } finally {
      await sandbox.close();
    }
  });
});
