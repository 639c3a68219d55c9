// Issue 16, defects 7 and 8: security headers on every answer of the proxy (without breaking the mini app's
// cross-origin calls), /docs only when configured, and timeouts that close half-sent requests.
import net from 'node:net';
import { buildOffice, buildProcedure, insertOffices, insertProcedures } from './factories';
import { POSTER_PAGES_CSP } from '../src/services/posters/poster-pages-html';
import { createTestApp, MINI_APP_ORIGIN, type TestApp } from './support/test-app';

const OFFICE = buildOffice({ code: '02908' });

describe('security headers', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await insertOffices(t.db, OFFICE);
    await insertProcedures(t.db, buildProcedure({ code: '1.001193', name: 'Đăng ký khai sinh' }));
  });

  afterAll(() => t?.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { origin: MINI_APP_ORIGIN } });

  test.each([
    ['a JSON route', '/api/v1/procedures', 200],
    ['an unknown route', '/api/v1/nothing-here', 404],
    ['the liveness probe', '/healthz', 200],
    ['a QR code PNG', `/api/v1/offices/${OFFICE.code}/qr.png`, 200],
  ])('%s carries them, and CORS still answers the mini app', async (_name, url, status) => {
    const res = await get(url);
    expect(res.statusCode).toBe(status);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-powered-by']).toBeUndefined();
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    // Over plain HTTP (PUBLIC_BASE_URL http://…) no HSTS: it only means something over HTTPS.
    expect(res.headers['strict-transport-security']).toBeUndefined();
    // The mini app (another origin) reads answers and shows QR images and posters: not blocked by CORP.
    expect(res.headers['access-control-allow-origin']).toBe(MINI_APP_ORIGIN);
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
  });

  test('a CORS preflight carries them too', async () => {
    const res = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/me',
      headers: { origin: MINI_APP_ORIGIN, 'access-control-request-method': 'DELETE' },
    });
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(MINI_APP_ORIGIN);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  test('the posters pages keep their own CSP, with the other headers', async () => {
    const res = await get('/posters');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toBe(POSTER_PAGES_CSP);
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  test('Swagger UI has a CSP that lets its own scripts and styles run, and nothing else', async () => {
    const res = await get('/docs/');
    expect(res.statusCode).toBe(200);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).toMatch(/style-src 'self'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('HSTS', () => {
  test('sent when the API is published over HTTPS', async () => {
    const t = await createTestApp({ env: { PUBLIC_BASE_URL: 'https://api.laocai.example' } });
    try {
      const res = await t.app.inject({ method: 'GET', url: '/healthz' });
      expect(res.headers['strict-transport-security']).toMatch(/^max-age=\d{7,}/);
    } finally {
      await t.close();
    }
  });
});

describe('OPENAPI_DOCS', () => {
  test('off: /docs and /docs/json answer 404', async () => {
    const t = await createTestApp({ env: { OPENAPI_DOCS: 'off' } });
    try {
      for (const url of ['/docs', '/docs/', '/docs/json', '/docs/static/index.html']) {
        const res = await t.app.inject({ method: 'GET', url });
        expect({ url, status: res.statusCode }).toEqual({ url, status: 404 });
      }
      // The API itself is unaffected.
      expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });

  test('on: /docs/json answers the OpenAPI document', async () => {
    const t = await createTestApp({ env: { OPENAPI_DOCS: 'on' } });
    try {
      const res = await t.app.inject({ method: 'GET', url: '/docs/json' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ openapi: '3.1.0', info: { title: 'Lào Cai số API' } });
    } finally {
      await t.close();
    }
  });
});

describe('request timeouts on a listening server', () => {
  let t: TestApp;
  let port: number;

  beforeAll(async () => {
    t = await createTestApp({
      env: { HTTP_HEADERS_TIMEOUT_SECONDS: '1', HTTP_REQUEST_TIMEOUT_SECONDS: '2', HTTP_CONNECTION_TIMEOUT_SECONDS: '60' },
    });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as net.AddressInfo).port;
  });

  afterAll(() => t?.close());

  /** Opens a socket, writes `sent`, then nothing: resolves with what the server wrote once it closed the socket. */
  function halfSent(sent: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1');
      let received = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (received += chunk));
      socket.on('error', reject);
      // Jest's timeout bounds the wait: without server timeouts this never resolves.
      socket.on('close', () => resolve(received));
      socket.on('connect', () => socket.write(sent));
    });
  }

  test('a request line and part of the headers, then nothing: closed after the headers timeout', async () => {
    const received = await halfSent('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: 1\r\n');
    expect(received === '' || received.startsWith('HTTP/1.1 408')).toBe(true);
  }, 10_000);

  test('a connection that sends nothing: closed too', async () => {
    const received = await halfSent('');
    expect(received === '' || received.startsWith('HTTP/1.1 408')).toBe(true);
  }, 10_000);

  test('headers, then part of the body and nothing more: closed after the request timeout', async () => {
    const body = '{"accessToken":"';
    const received = await halfSent(
      'POST /api/v1/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
        `Content-Length: 1000\r\n\r\n${body}`,
    );
    expect(received === '' || received.startsWith('HTTP/1.1 408')).toBe(true);
  }, 10_000);

  test('a whole request on the same server is answered', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(res.status).toBe(200);
  });
});
