import { type OneStopSandbox, birthRegistration, json, startOneStopSandbox } from './one-stop-api';

describe('one-stop API: bearer token', () => {
  let sandbox: OneStopSandbox;
  let dossierId: string;
  let documentPath: string;
  beforeEach(async () => {
    sandbox = await startOneStopSandbox();
    const dossier = await json(
      await sandbox.push(
        birthRegistration('app-auth', { TaiLieuNop: [{ MaGiayTo: 'to-khai', TenTepDinhKem: 'a.pdf', TepDinhKem: 'tep1' }] }),
        [{ part: 'tep1', fileName: 'a.pdf', contentType: 'application/pdf', bytes: new TextEncoder().encode('%PDF-1.7 x') }],
      ),
    );
    dossierId = dossier.Id;
    documentPath = dossier.TaiLieuNop[0].DuongDanTaiTepTin;
  });
  afterEach(() => sandbox.close());

  const badHeaders: [string, Record<string, string>][] = [
    ['no Authorization header', {}],
    ['a wrong token', { authorization: 'Bearer not-the-token' }],
    ['the token without "Bearer"', { authorization: 'test-one-stop-token' }],
    ['another scheme', { authorization: 'Basic dGVzdC1vbmUtc3RvcC10b2tlbg==' }],
  ];

  it.each(badHeaders)('refuses a push with %s (401) and stores nothing', async (_name, headers) => {
    const response = await sandbox.push(birthRegistration('app-unauthorised'), [], headers);
    expect(response.status).toBe(401);
    expect(await json(response)).toEqual({
      statusCode: 401,
      code: 'UNAUTHORIZED',
      message: 'Thiếu hoặc sai mã truy cập (Authorization: Bearer).',
    });
    expect(await sandbox.receivedCount()).toBe(1);
  });

  it.each(badHeaders)('refuses look-ups, lists and documents with %s', async (_name, headers) => {
    for (const path of [`/one-stop/api/dossiers/${dossierId}`, '/one-stop/api/dossiers?MaDonVi=04465', documentPath]) {
      const response = await sandbox.get(path, headers);
      expect(response.status).toBe(401);
      expect(await json(response)).toMatchObject({ code: 'UNAUTHORIZED' });
    }
  });

  it('uses the demo token when none is configured', async () => {
    const demo = await startOneStopSandbox({ apiToken: undefined });
    try {
      const { DEFAULT_ONE_STOP_API_TOKEN } = await import('../../src/config');
      const response = await demo.push(birthRegistration('app-demo'), [], { authorization: `Bearer ${DEFAULT_ONE_STOP_API_TOKEN}` });
      expect(response.status).toBe(201);
    } finally {
      await demo.close();
    }
  });
});
