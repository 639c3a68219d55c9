import { createHash } from 'node:crypto';
import { type OneStopSandbox, birthRegistration, json, photo, photoBytes, startOneStopSandbox } from './one-stop-api';

describe('one-stop API: documents', () => {
  let sandbox: OneStopSandbox;
  afterEach(() => sandbox.close());

  it('stores phone photos and a PDF and serves them back byte for byte', async () => {
    sandbox = await startOneStopSandbox();
    const photo1 = photoBytes(1_800_000, 7); // a large phone photo
    const photo2 = photoBytes(310_000, 8);
    const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');
    const response = await sandbox.push(
      birthRegistration('app-docs', {
        TaiLieuNop: [
          { MaGiayTo: 'giay-chung-sinh', TenTepDinhKem: 'Giấy chứng sinh.jpg', TepDinhKem: 'tep1' },
          { MaGiayTo: 'giay-to-tuy-than', TenTepDinhKem: 'CCCD mặt trước.jpg', TepDinhKem: 'tep2' },
          { MaGiayTo: 'to-khai', TenTepDinhKem: 'to-khai.pdf', TepDinhKem: 'tep3' },
        ],
      }),
      [
        { part: 'tep1', fileName: 'IMG_0001.jpg', contentType: 'image/jpeg', bytes: photo1 },
        { part: 'tep2', fileName: 'IMG_0002.jpg', contentType: 'image/jpeg', bytes: photo2 },
        { part: 'tep3', fileName: 'scan.pdf', contentType: 'application/pdf', bytes: pdf },
      ],
    );
    expect(response.status).toBe(201);
    const dossier = await json(response);

    const sent = [photo1, photo2, pdf];
    expect(dossier.TaiLieuNop).toHaveLength(3);
    for (const [index, document] of (dossier.TaiLieuNop as Record<string, string | number>[]).entries()) {
      const bytes = sent[index]!;
      expect(document.KichThuoc).toBe(bytes.length);
      expect(document.MaBamSHA256).toBe(createHash('sha256').update(bytes).digest('hex'));
      const served = await sandbox.get(String(document.DuongDanTaiTepTin));
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe(document.LoaiTep);
      expect(Buffer.from(await served.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
    }
    const first = await sandbox.get(String(dossier.TaiLieuNop[0].DuongDanTaiTepTin));
    expect(decodeURIComponent(first.headers.get('content-disposition') ?? '')).toContain('Giấy chứng sinh.jpg');
  });

  it('answers 404 for a document of another dossier or an unknown one', async () => {
    sandbox = await startOneStopSandbox();
    const withDocument = await json(
      await sandbox.push(
        birthRegistration('app-one', { TaiLieuNop: [{ MaGiayTo: 'to-khai', TenTepDinhKem: 'a.jpg', TepDinhKem: 'tep1' }] }),
        [photo('tep1', 'a.jpg')],
      ),
    );
    const other = await json(await sandbox.push(birthRegistration('app-two')));
    const documentId = withDocument.TaiLieuNop[0].TepDinhKemId;

    for (const path of [
      `/one-stop/api/dossiers/${other.Id}/documents/${documentId}`,
      `/one-stop/api/dossiers/${withDocument.Id}/documents/unknown`,
    ]) {
      const response = await sandbox.get(path);
      expect(response.status).toBe(404);
      expect(await json(response)).toMatchObject({ code: 'DOCUMENT_NOT_FOUND' });
    }
  });

  it('refuses a file over the size limit (413) and stores nothing', async () => {
    sandbox = await startOneStopSandbox({ maxDocumentBytes: 1024 * 1024 });
    const response = await sandbox.push(
      birthRegistration('app-big', { TaiLieuNop: [{ MaGiayTo: 'to-khai', TenTepDinhKem: 'a.jpg', TepDinhKem: 'tep1' }] }),
      [photo('tep1', 'a.jpg', 1024 * 1024 + 1)],
    );
    expect(response.status).toBe(413);
    expect(await json(response)).toMatchObject({ code: 'DOCUMENT_TOO_LARGE', message: 'Mỗi tệp đính kèm tối đa 1 MB.' });
    expect(await sandbox.receivedCount()).toBe(0);
  });

  it('refuses more documents than allowed (413) and stores nothing', async () => {
    sandbox = await startOneStopSandbox({ maxDocuments: 2 });
    const parts = ['tep1', 'tep2', 'tep3'];
    const response = await sandbox.push(
      birthRegistration('app-many', {
        TaiLieuNop: parts.map((part) => ({ MaGiayTo: 'to-khai', TenTepDinhKem: `${part}.jpg`, TepDinhKem: part })),
      }),
      parts.map((part, index) => photo(part, `${part}.jpg`, 1000, index + 1)),
    );
    expect(response.status).toBe(413);
    expect(await json(response)).toMatchObject({ code: 'TOO_MANY_DOCUMENTS' });
    expect(await sandbox.receivedCount()).toBe(0);
  });
});
