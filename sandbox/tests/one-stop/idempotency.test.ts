import { type OneStopSandbox, birthRegistration, json, photo, startOneStopSandbox } from './one-stop-api';

describe('one-stop API: a dossier is received once per idempotency key', () => {
  let sandbox: OneStopSandbox;
  beforeEach(async () => {
    sandbox = await startOneStopSandbox();
  });
  afterEach(() => sandbox.close());

  const withPhoto = (key: string) =>
    birthRegistration(key, { TaiLieuNop: [{ MaGiayTo: 'to-khai', TenTepDinhKem: 'to-khai.jpg', TepDinhKem: 'tep1' }] });

  it('100 concurrent identical pushes make one dossier, and every caller gets it', async () => {
    const responses = await Promise.all(
      Array.from({ length: 100 }, () => sandbox.push(withPhoto('app-concurrent'), [photo('tep1', 'to-khai.jpg', 20_000)])),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 200)).toHaveLength(99);

    const bodies = await Promise.all(responses.map(json));
    expect(new Set(bodies.map((body) => body.Id)).size).toBe(1);
    expect(new Set(bodies.map((body) => body.MaHoSo)).size).toBe(1);

    const received = await json(await sandbox.control('GET', '/dossiers'));
    expect(received).toMatchObject({ count: 1, pushes: 100 });
    expect(received.dossiers[0]).toMatchObject({ MaHoSoLienThong: 'app-concurrent', MaHoSo: '04465-260302-0001' });
  });

  it('a repeat answers 200 with the same dossier in its current state', async () => {
    const sandboxWaiting = await startOneStopSandbox({ autoAccept: false });
    try {
      const first = await sandboxWaiting.push(birthRegistration('app-repeat'));
      expect(first.status).toBe(201);
      const created = await json(first);
      await sandboxWaiting.control('POST', `/dossiers/${created.Id}/accept`);

      const repeat = await sandboxWaiting.push(birthRegistration('app-repeat'));
      expect(repeat.status).toBe(200);
      expect(await json(repeat)).toMatchObject({ Id: created.Id, TrangThaiHoSo: 2, MaHoSo: expect.stringMatching(/^04465-/) });
      expect(await sandboxWaiting.receivedCount()).toBe(1);
    } finally {
      await sandboxWaiting.close();
    }
  });

  it('takes the key from the Idempotency-Key header as well', async () => {
    const headers = { authorization: 'Bearer test-one-stop-token', 'idempotency-key': 'app-header' };
    const hoSo = birthRegistration('ignored', { MaHoSoLienThong: undefined });
    const first = await json(await sandbox.push(hoSo, [], headers));
    const second = await sandbox.push(hoSo, [], headers);
    expect(second.status).toBe(200);
    expect((await json(second)).Id).toBe(first.Id);
    expect(first.MaHoSoLienThong).toBe('app-header');
    // The same key in the body is the same dossier too.
    expect((await json(await sandbox.push(birthRegistration('app-header')))).Id).toBe(first.Id);
    expect(await sandbox.receivedCount()).toBe(1);
  });

  it('refuses the same key with other content (422 IDEMPOTENCY_KEY_REUSED), keeping the first dossier', async () => {
    await sandbox.push(withPhoto('app-reused'), [photo('tep1', 'to-khai.jpg', 5000, 1)]);

    const otherField = await sandbox.push(birthRegistration('app-reused', { ChuHoSo: 'Tẩn Láo San' }));
    expect(otherField.status).toBe(422);
    expect(await json(otherField)).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });

    const otherBytes = await sandbox.push(withPhoto('app-reused'), [photo('tep1', 'to-khai.jpg', 5000, 2)]);
    expect(otherBytes.status).toBe(422);

    expect(await sandbox.receivedCount()).toBe(1);
    const [stored] = (await json(await sandbox.get('/one-stop/api/dossiers?MaHoSoLienThong=app-reused'))).DanhSachHoSo;
    expect(stored.ChuHoSo).toBe('Giàng Thị Mỷ');
  });

  it('different keys are different dossiers', async () => {
    await sandbox.push(birthRegistration('app-x'));
    await sandbox.push(birthRegistration('app-y'));
    expect(await sandbox.receivedCount()).toBe(2);
  });
});
