import { Writable } from 'node:stream';
import { createLogger } from '../src/plugins/request-log';
import { buildProcedure, insertProcedures } from './factories';
import { createTestApp, MINI_APP_ORIGIN, type TestApp } from './support/test-app';

const logLines: string[] = [];
const logStream = new Writable({
  write(chunk, _encoding, callback) {
    logLines.push(...String(chunk).split('\n').filter(Boolean));
    callback();
  },
});

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ logger: createLogger('info', logStream) });
  await insertProcedures(t.db, buildProcedure({ code: '1.001193', name: 'Đăng ký khai sinh' }));
});

afterAll(() => t?.close());

describe('CORS', () => {
  test('answers the mini app origin', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/procedures', headers: { origin: MINI_APP_ORIGIN } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe(MINI_APP_ORIGIN);
  });

  test('answers a preflight from the mini app origin', async () => {
    const res = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/procedures',
      headers: { origin: MINI_APP_ORIGIN, 'access-control-request-method': 'GET' },
    });
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(MINI_APP_ORIGIN);
  });

  test.each(['PUT', 'DELETE'])('allows %s from the mini app origin (consents, deleting my data)', async (method) => {
    const res = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/me',
      headers: { origin: MINI_APP_ORIGIN, 'access-control-request-method': method },
    });
    expect(res.statusCode).toBe(204);
    expect(String(res.headers['access-control-allow-methods']).split(',').map((m) => m.trim())).toContain(method);
  });

  test('does not allow an origin that is not configured', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/procedures',
      headers: { origin: 'https://evil.example' },
    });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('errors', () => {
  test('an unknown route is a 404 NOT_FOUND in the common error shape', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: 'Không tìm thấy địa chỉ này.' });
  });

  test('an unexpected failure is a 500 INTERNAL_ERROR that does not leak its cause', async () => {
    await t.db.exec('alter table procedures rename to procedures_moved');
    try {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/procedures?q=khai' });
      expect(res.statusCode).toBe(500);
      expect(res.json()).toEqual({
        statusCode: 500,
        code: 'INTERNAL_ERROR',
        message: 'Hệ thống đang gặp sự cố. Hãy thử lại sau ít phút.',
      });
      expect(res.body).not.toMatch(/procedures|relation|select/i);
    } finally {
      await t.db.exec('alter table procedures_moved rename to procedures');
    }
  });
});

describe('OpenAPI', () => {
  test('/docs/json lists every route; the catalogue and health routes need no authentication', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    const document = res.json();
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths).sort()).toEqual(
      [
        '/api/v1/admin/notifications/stats',
        '/api/v1/applications',
        '/api/v1/applications/{id}',
        '/api/v1/applications/{id}/rating',
        '/api/v1/applications/{id}/supplements',
        '/api/v1/applications/{id}/withdrawal',
        '/api/v1/lookup',
        '/api/v1/me',
        '/api/v1/me/consents',
        '/api/v1/me/consents/{purpose}',
        '/api/v1/me/notification-settings',
        '/api/v1/me/phone',
        '/api/v1/notifications',
        '/api/v1/notifications/read-all',
        '/api/v1/notifications/{id}/read',
        '/api/v1/offices',
        '/api/v1/offices/{code}',
        '/api/v1/offices/{code}/qr.png',
        '/api/v1/offices/{code}/qr.svg',
        '/api/v1/offices/{code}/poster.pdf',
        '/api/v1/offices/posters.pdf',
        '/api/v1/procedures',
        '/api/v1/procedures/{code}',
        '/api/v1/sessions',
        '/api/v1/uploads',
        '/api/v1/webhooks/one-stop',
        '/api/v1/webhooks/zalo',
        '/healthz',
        '/readyz',
      ].sort(),
    );
    for (const path of ['/api/v1/offices', '/api/v1/offices/{code}', '/api/v1/procedures', '/api/v1/procedures/{code}', '/healthz', '/readyz']) {
      expect(document.paths[path].get.security).toEqual([]);
    }
    // Operators present their key; Zalo's webhook its signature.
    expect(document.paths['/api/v1/admin/notifications/stats'].get.security).toEqual([{ operatorKey: [] }]);
    expect(document.components.securitySchemes.operatorKey).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-Operator-Key' });
    expect(document.paths['/api/v1/webhooks/zalo'].post.security).toEqual([]);
    const listParameters = document.paths['/api/v1/procedures'].get.parameters.map((p: { name: string }) => p.name);
    expect(listParameters.sort()).toEqual(['level', 'office', 'online', 'page', 'pageSize', 'q']);
    expect(document.paths['/api/v1/procedures/{code}'].get.responses).toHaveProperty('404');
  });

  test('/docs serves Swagger UI', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
  });
});

describe('request log', () => {
  test('logs method, route, status and time, but never the query string or the Authorization header', async () => {
    logLines.length = 0;
    const phone = '0912345678';
    const token = 'eyJhbGciOiJIUzI1NiJ9.secret-session-token';
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/procedures?q=${phone}&page=1`,
      headers: { authorization: `Bearer ${token}`, cookie: `session=${token}` },
    });
    expect(res.statusCode).toBe(200);
    await t.app.inject({ method: 'GET', url: `/api/v1/nowhere?phone=${phone}`, headers: { authorization: `Bearer ${token}` } });
    await t.app.inject({ method: 'DELETE', url: `/api/v1/me?phone=${phone}`, headers: { authorization: `Bearer ${token}` } });

    const entries = logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    // A refusal and a write get a line each; the routine read is left to the summary.
    expect(entries).toEqual([
      expect.objectContaining({ method: 'GET', route: null, statusCode: 404, responseTimeMs: expect.any(Number), reqId: expect.any(String) }),
      expect.objectContaining({ method: 'DELETE', route: '/api/v1/me', statusCode: 401, responseTimeMs: expect.any(Number) }),
    ]);
    const everything = logLines.join('\n');
    expect(everything).not.toContain(phone);
    expect(everything).not.toContain(token);
    expect(everything).not.toContain('?');
    expect(everything.toLowerCase()).not.toContain('authorization');
  });

  test('counts routine reads per route in one summary line (written when the server closes, at the latest), and logs each at debug', async () => {
    const lines = (level: 'info' | 'debug') => {
      const written: Record<string, any>[] = [];
      const stream = new Writable({
        write(chunk, _encoding, callback) {
          for (const line of String(chunk).split('\n').filter(Boolean)) written.push(JSON.parse(line));
          callback();
        },
      });
      return { written, logger: createLogger(level, stream) };
    };
    for (const level of ['info', 'debug'] as const) {
      const log = lines(level);
      const own = await createTestApp({ logger: log.logger });
      for (let i = 0; i < 3; i += 1) {
        expect((await own.app.inject({ method: 'GET', url: `/api/v1/procedures?q=khai+sinh+${i}` })).statusCode).toBe(200);
      }
      expect((await own.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
      const perRequest = log.written.filter((entry) => entry.msg === 'request completed');
      expect(perRequest).toHaveLength(level === 'debug' ? 4 : 0);
      expect(log.written.some((entry) => entry.msg === 'routine reads')).toBe(false);

      await own.close();
      const summaries = log.written.filter((entry) => entry.msg === 'routine reads');
      expect(summaries).toHaveLength(1);
      expect(summaries[0].level).toBe(30);
      expect(summaries[0].routes).toEqual(
        expect.arrayContaining([
          { method: 'GET', route: '/api/v1/procedures', count: 3, meanMs: expect.any(Number), maxMs: expect.any(Number) },
          { method: 'GET', route: '/healthz', count: 1, meanMs: expect.any(Number), maxMs: expect.any(Number) },
        ]),
      );
      expect(JSON.stringify(summaries[0])).not.toContain('khai');
    }
  });
});
