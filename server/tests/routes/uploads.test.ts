// POST /api/v1/uploads through the real app and database: types told by the bytes, size and count limits,
// Vietnamese errors, nothing stored on refusal.
import { createHash } from 'node:crypto';
import { type TestCitizen, createCitizen } from '../support/citizens';
import { FILES, multipartForm } from '../support/files';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let citizen: TestCitizen;
const MAX_FILE_BYTES = 64 * 1024;

beforeAll(async () => {
  t = await createTestApp({ env: { UPLOAD_MAX_FILE_BYTES: String(MAX_FILE_BYTES) } });
  citizen = await createCitizen(t.app, t.db);
});

afterAll(() => t?.close());

const upload = (form: FormData, headers: Record<string, string> = citizen.auth) =>
  t.app.inject({ method: 'POST', url: '/api/v1/uploads', headers, payload: form });

const countUploads = async () =>
  (await t.db.query<{ n: number }>('select count(*)::int as n from uploads')).rows[0].n;

it.each([
  ['jpeg', 'image/jpeg', 'ảnh.jpg'],
  ['png', 'image/png', 'ảnh.png'],
  ['webp', 'image/webp', 'ảnh.webp'],
  ['heic', 'image/heic', 'IMG_0001.HEIC'],
  ['pdf', 'application/pdf', 'giấy chứng sinh.pdf'],
] as const)('accepts a %s file, stored byte-equal with its detected type', async (kind, contentType, name) => {
  const bytes = FILES[kind](5000);
  // The declared type is deliberately wrong: only the bytes count.
  const res = await upload(multipartForm([{ bytes, name, type: 'application/octet-stream' }]));
  expect(res.statusCode).toBe(201);
  const body = res.json();
  expect(body).toEqual({ id: expect.any(String), size: 5000, contentType });
  const { rows } = await t.db.query<{ bytes: Uint8Array; sha256: string; original_name: string; citizen_id: string }>(
    'select bytes, sha256, original_name, citizen_id from uploads where id = $1',
    [body.id],
  );
  expect(Buffer.from(rows[0].bytes).equals(bytes)).toBe(true);
  expect(rows[0].sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  expect(rows[0].original_name).toBe(name);
  expect(rows[0].citizen_id).toBe(citizen.id);
});

it('refuses a program renamed .jpg and declared as a JPEG: 415 UNSUPPORTED_FILE_TYPE, nothing stored', async () => {
  const before = await countUploads();
  for (const bytes of [FILES.exe(), FILES.html()]) {
    const res = await upload(multipartForm([{ bytes, name: 'anh-chup.jpg', type: 'image/jpeg' }]));
    expect(res.statusCode).toBe(415);
    expect(res.json()).toEqual({
      statusCode: 415,
      code: 'UNSUPPORTED_FILE_TYPE',
      message: 'Chỉ nhận ảnh (JPEG, PNG, WebP, HEIC) hoặc tệp PDF. Hãy chụp lại hoặc chọn tệp khác.',
    });
  }
  expect(await countUploads()).toBe(before);
});

it('refuses a file over the limit: 413 FILE_TOO_LARGE, nothing stored', async () => {
  const before = await countUploads();
  const res = await upload(multipartForm([{ bytes: FILES.jpeg(MAX_FILE_BYTES + 1), name: 'to.jpg' }]));
  expect(res.statusCode).toBe(413);
  expect(res.json()).toMatchObject({ code: 'FILE_TOO_LARGE', message: expect.stringMatching(/^Tệp quá lớn, hãy chọn ảnh hoặc tệp PDF dưới/) });
  expect(await countUploads()).toBe(before);
  // Exactly at the limit is fine.
  expect((await upload(multipartForm([{ bytes: FILES.jpeg(MAX_FILE_BYTES), name: 'vua.jpg' }]))).statusCode).toBe(201);
});

it('the default limit is 10 MB, and the message says so', async () => {
  const big = await createTestApp();
  try {
    const owner = await createCitizen(big.app, big.db);
    const res = await big.app.inject({
      method: 'POST',
      url: '/api/v1/uploads',
      headers: owner.auth,
      payload: multipartForm([{ bytes: FILES.jpeg(10 * 1024 * 1024 + 1), name: 'to.jpg' }]),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().message).toBe('Tệp quá lớn, hãy chọn ảnh hoặc tệp PDF dưới 10 MB.');
  } finally {
    await big.close();
  }
});

it('refuses several files in one request: 413 TOO_MANY_FILES, nothing stored', async () => {
  const before = await countUploads();
  const res = await upload(
    multipartForm([
      { bytes: FILES.jpeg(), name: 'a.jpg' },
      { bytes: FILES.jpeg(), name: 'b.jpg' },
    ]),
  );
  expect(res.statusCode).toBe(413);
  expect(res.json().code).toBe('TOO_MANY_FILES');
  expect(await countUploads()).toBe(before);
});

it('refuses an empty file, a request without a file part, and a body that is not multipart', async () => {
  expect((await upload(multipartForm([{ bytes: Buffer.alloc(0), name: 'rong.jpg' }]))).json().code).toBe('FILE_EMPTY');
  expect((await upload(multipartForm([{ field: 'photo', bytes: FILES.jpeg(), name: 'a.jpg' }]))).json().code).toBe(
    'FILE_MISSING',
  );
  const json = await t.app.inject({
    method: 'POST',
    url: '/api/v1/uploads',
    headers: citizen.auth,
    payload: { file: 'not a file' },
  });
  expect(json.statusCode).toBe(415);
  expect(json.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
});

it('needs a session', async () => {
  const res = await upload(multipartForm([{ bytes: FILES.jpeg(), name: 'a.jpg' }]), {});
  expect(res.statusCode).toBe(401);
});

it('keeps a clean file name: no folders or control characters', async () => {
  const res = await upload(multipartForm([{ bytes: FILES.png(), name: '..\\..\\C:\\tmp\\Ảnh\u0007 <b>.png' }]));
  const { rows } = await t.db.query<{ original_name: string }>('select original_name from uploads where id = $1', [
    res.json().id,
  ]);
  expect(rows[0].original_name).toBe('Ảnh b.png');
});

it('strips bidirectional and invisible characters from the stored name: U+202E cannot make an .exe read as a .jpg', async () => {
  const res = await upload(multipartForm([{ bytes: FILES.jpeg(3000), name: 'anh\u202Egpj.exe\u200B\u2066', type: 'image/jpeg' }]));
  expect(res.statusCode).toBe(201);
  const { rows } = await t.db.query<{ original_name: string }>('select original_name from uploads where id = $1', [
    res.json().id,
  ]);
  expect(rows[0].original_name).toBe('anhgpj.exe');
});
