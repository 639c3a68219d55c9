import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(() => t?.close());

test('GET /healthz answers ok and is never cached', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/healthz' });
  expect(res.statusCode).toBe(200);
  expect(res.json()).toEqual({ status: 'ok' });
  expect(res.headers['cache-control']).toBe('no-store');
});

test('GET /readyz answers ok while the database answers', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/readyz' });
  expect(res.statusCode).toBe(200);
  expect(res.json()).toEqual({ status: 'ok' });
});

test('GET /readyz is 503 DATABASE_UNAVAILABLE once the database is gone, while /healthz still answers', async () => {
  await t.db.close();
  const res = await t.app.inject({ method: 'GET', url: '/readyz' });
  expect(res.statusCode).toBe(503);
  expect(res.json()).toEqual({
    statusCode: 503,
    code: 'DATABASE_UNAVAILABLE',
    message: 'Hệ thống tạm thời không truy cập được dữ liệu. Hãy thử lại sau ít phút.',
  });
  expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
});
