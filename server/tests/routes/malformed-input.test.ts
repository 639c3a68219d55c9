// Malformed input (issue 16, defect 4): broken multipart bodies, numbers that are not finite integers and Zalo
// tokens with characters no Zalo token has are all a 4xx with the stable error shape — never a 500, never a Zalo
// outage, never a stack trace at error level, and nothing stored.
import { Writable } from 'node:stream';
import { createLogger } from '../../src/plugins/request-log';
import { type TestCitizen, createCitizen } from '../support/citizens';
import { FILES } from '../support/files';
import { createTestApp, type TestApp } from '../support/test-app';
import { startZaloSandbox, type ZaloSandbox } from '../support/zalo-sandbox';

const logLines: Array<{ level: number; msg?: string }> = [];
let zalo: ZaloSandbox;
let t: TestApp;
let citizen: TestCitizen;

beforeAll(async () => {
  zalo = await startZaloSandbox();
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
      callback();
    },
  });
  t = await createTestApp({ env: zalo.env, logger: createLogger('trace', stream) });
  citizen = await createCitizen(t.app, t.db);
});

beforeEach(() => {
  logLines.length = 0;
});

afterEach(() => zalo.clearFaults());

afterAll(async () => {
  await t?.close();
  await zalo?.close();
});

// pino's numeric levels: 50 is error, 60 fatal.
const errorLines = () => logLines.filter((line) => line.level >= 50);

const countUploads = async () =>
  (await t.db.query<{ n: number }>('select count(*)::int as n from uploads')).rows[0].n;

function expectClientError(res: { statusCode: number; json(): unknown }, statusCode: number, code: string) {
  expect(res.statusCode).toBe(statusCode);
  expect(res.json()).toEqual({ statusCode, code, message: expect.stringMatching(/[ạảãáàâấầẩẫậăắằẳẵặđẹẻẽéèêếềểễệịỉĩíìọỏõóòôốồổỗộơớờởỡợụủũúùưứừửữựỵỷỹýỳ]/) });
}

describe('POST /api/v1/uploads with a broken multipart body', () => {
  const boundary = 'lcs-test-boundary';
  const jpeg = FILES.jpeg(2000);
  const wholeBody = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="anh.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`),
    jpeg,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);

  test.each([
    ['no boundary', 'multipart/form-data', wholeBody],
    ['an empty boundary', 'multipart/form-data; boundary=', wholeBody],
    ['a boundary the body does not use', 'multipart/form-data; boundary=another-boundary', wholeBody],
    ['an over-long boundary', `multipart/form-data; boundary=${'b'.repeat(5000)}`, wholeBody],
    ['a body cut off inside the file', `multipart/form-data; boundary=${boundary}`, wholeBody.subarray(0, 300)],
    ['a body cut off inside the part headers', `multipart/form-data; boundary=${boundary}`, wholeBody.subarray(0, 40)],
    ['no closing boundary', `multipart/form-data; boundary=${boundary}`, wholeBody.subarray(0, wholeBody.length - boundary.length - 8)],
    ['part headers without a blank line', `multipart/form-data; boundary=${boundary}`, Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\n`)],
  ])('%s: a 4xx with the error shape, nothing stored, nothing logged at error level', async (_case, contentType, payload) => {
    const before = await countUploads();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/uploads',
      headers: { ...citizen.auth, 'content-type': contentType },
      payload,
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expectClientError(res, res.statusCode, res.json<{ code: string }>().code);
    expect(res.json<{ code: string }>().code).toMatch(/^[A-Z_]+$/);
    expect(res.body).not.toMatch(/at \w|Error:|busboy/i);
    expect(await countUploads()).toBe(before);
    expect(errorLines()).toEqual([]);
  });

  test('a boundary the body does not use is 400 MULTIPART_MALFORMED', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/uploads',
      headers: { ...citizen.auth, 'content-type': 'multipart/form-data; boundary=another-boundary' },
      payload: wholeBody,
    });
    expectClientError(res, 400, 'MULTIPART_MALFORMED');
  });

  test('a truncated body is 400 MULTIPART_MALFORMED', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/uploads',
      headers: { ...citizen.auth, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: wholeBody.subarray(0, 300),
    });
    expectClientError(res, 400, 'MULTIPART_MALFORMED');
  });

  test('the whole body is still accepted', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/uploads',
      headers: { ...citizen.auth, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: wholeBody,
    });
    expect(res.statusCode).toBe(201);
  });
});

describe('page and pageSize that are not finite integers within bounds are 400 VALIDATION_FAILED', () => {
  const values = ['Infinity', '-Infinity', '1e400', '-1e400', 'NaN', '1.5', '-1', '0', '', ' ', '10001', '99999999999999999999'];
  const routes = ['/api/v1/offices', '/api/v1/procedures', '/api/v1/notifications'];
  const cases = routes.flatMap((route) =>
    ['page', 'pageSize'].flatMap((name) => values.map((value) => [route, name, value] as const)),
  );

  test.each(cases)('%s?%s=%s', async (route, name, value) => {
    const res = await t.app.inject({
      method: 'GET',
      url: `${route}?${name}=${encodeURIComponent(value)}`,
      headers: citizen.auth,
    });
    expectClientError(res, 400, 'VALIDATION_FAILED');
    expect(res.json<{ message: string }>().message).toContain(`"${name}"`);
    expect(errorLines()).toEqual([]);
  });

  test('plain integers still work', async () => {
    for (const route of routes) {
      const res = await t.app.inject({ method: 'GET', url: `${route}?page=2&pageSize=5`, headers: citizen.auth });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ page: 2, pageSize: 5 });
    }
  });
});

describe('a Zalo access token with characters no Zalo token has is 400 VALIDATION_FAILED and never reaches Zalo', () => {
  const tokens = [
    ['a NUL byte', 'abc\u0000def'],
    ['Vietnamese letters', 'mã-thông-báo'],
    ['a non-Latin-1 character', 'token\u4e2d'],
    ['an emoji', 'token\u{1F600}'],
    ['a Latin-1 letter', 'tok\u00e9n'],
    ['a newline', 'abc\ndef'],
    ['a space', 'abc def'],
  ];

  test.each(tokens)('POST /api/v1/sessions with %s', async (_case, accessToken) => {
    // Were Zalo asked, the answer would be 503.
    await zalo.addFault({ mode: 'http-500' });
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { accessToken } });
    expectClientError(res, 400, 'VALIDATION_FAILED');
    expect(res.json<{ message: string }>().message).toContain('"accessToken"');
    expect(errorLines()).toEqual([]);
  });

  test.each(tokens)('POST /api/v1/me/phone with %s', async (_case, accessToken) => {
    await zalo.addFault({ mode: 'http-500' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/phone',
      headers: citizen.auth,
      payload: { accessToken, phoneToken: 'phone-token' },
    });
    expectClientError(res, 400, 'VALIDATION_FAILED');
    expect(res.json<{ message: string }>().message).toContain('"accessToken"');
    expect(errorLines()).toEqual([]);
  });
});
