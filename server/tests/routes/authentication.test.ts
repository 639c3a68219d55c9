// Default-deny authentication: every route needs a valid session token unless it is public by design.
import { forgeJwt, nowSeconds } from '../support/session-tokens';
import { createTestApp, TEST_JWT_SECRET, type TestApp } from '../support/test-app';
import { DEMO_CITIZENS, startZaloSandbox, type ZaloSandbox } from '../support/zalo-sandbox';

let zalo: ZaloSandbox;
let t: TestApp;
let citizenId: string;
let token: string;

beforeAll(async () => {
  zalo = await startZaloSandbox();
  t = await createTestApp({ env: zalo.env });
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/sessions',
    payload: { accessToken: await zalo.login(DEMO_CITIZENS[0]) },
  });
  ({ token } = res.json());
  citizenId = res.json().citizen.id;
});

afterAll(async () => {
  await t?.close();
  await zalo?.close();
});

const getMe = (authorization?: string) =>
  t.app.inject({ method: 'GET', url: '/api/v1/me', headers: authorization === undefined ? {} : { authorization } });

function expectUnauthenticated(res: Awaited<ReturnType<typeof getMe>>) {
  expect(res.statusCode).toBe(401);
  expect(res.json()).toEqual({ statusCode: 401, code: 'UNAUTHENTICATED', message: expect.stringMatching(/đăng nhập/) });
  expect(res.headers['www-authenticate']).toBe('Bearer');
}

function expectSignedIn(res: Awaited<ReturnType<typeof getMe>>) {
  expect(res.statusCode).toBe(200);
  expect(res.json().id).toBe(citizenId);
}

test('the issued token is accepted', async () => {
  const res = await getMe(`Bearer ${token}`);
  expect(res.statusCode).toBe(200);
  expect(res.json().id).toBe(citizenId);
});

test.each([
  ['no Authorization header', undefined],
  ['an empty header', ''],
  ['another scheme', `Basic ${Buffer.from('a:b').toString('base64')}`],
  ['a bare token without "Bearer"', 'TOKEN'],
  ['garbage', 'Bearer not.a.jwt'],
])('%s is 401 UNAUTHENTICATED', async (_case, authorization) => {
  expectUnauthenticated(await getMe(authorization?.replace('TOKEN', token)));
});

test('a token signed with another key is 401', async () => {
  const forged = forgeJwt({ sub: citizenId, iat: nowSeconds(), exp: nowSeconds() + 600 }, { secret: 'x'.repeat(40) });
  expectUnauthenticated(await getMe(`Bearer ${forged}`));
});

test('a token with a tampered payload is 401', async () => {
  const [header, , signature] = token.split('.');
  const payload = Buffer.from(JSON.stringify({ sub: '00000000-0000-4000-8000-000000000000', exp: nowSeconds() + 600 })).toString('base64url');
  expectUnauthenticated(await getMe(`Bearer ${header}.${payload}.${signature}`));
});

test('an expired token is 401, though correctly signed', async () => {
  const expired = forgeJwt({ sub: citizenId, iat: nowSeconds() - 3600, exp: nowSeconds() - 60 }, { secret: TEST_JWT_SECRET });
  expectUnauthenticated(await getMe(`Bearer ${expired}`));
  // The same claims with a future expiry pass, so it is the expiry that was refused.
  const fresh = forgeJwt({ sub: citizenId, iat: nowSeconds(), exp: nowSeconds() + 60 }, { secret: TEST_JWT_SECRET });
  expect((await getMe(`Bearer ${fresh}`)).statusCode).toBe(200);
});

describe('a correctly signed token outside the session lifetime is 401, DELETE /me included, and deletes nothing', () => {
  const tenYears = 10 * 365 * 24 * 3600;
  test.each([
    ['without exp', () => ({ sub: citizenId, iat: nowSeconds() })],
    ['without iat', () => ({ sub: citizenId, exp: nowSeconds() + 600 })],
    ['without sub', () => ({ iat: nowSeconds(), exp: nowSeconds() + 600 })],
    ['with a 10-year exp', () => ({ sub: citizenId, iat: nowSeconds(), exp: nowSeconds() + tenYears })],
    ['with exp - iat one second over the session lifetime', () => ({ sub: citizenId, iat: nowSeconds(), exp: nowSeconds() + t.config.session.ttlSeconds + 1 })],
    ['issued long ago with a far exp', () => ({ sub: citizenId, iat: nowSeconds() - tenYears, exp: nowSeconds() + 600 })],
    ['with iat in the future', () => ({ sub: citizenId, iat: nowSeconds() + 3600, exp: nowSeconds() + 3600 + 600 })],
  ])('%s', async (_name, claims) => {
    const bad = forgeJwt(claims(), { secret: TEST_JWT_SECRET });
    expectUnauthenticated(await getMe(`Bearer ${bad}`));
    expectUnauthenticated(await t.app.inject({ method: 'DELETE', url: '/api/v1/me', headers: { authorization: `Bearer ${bad}` } }));
    // Nothing was deleted: the citizen's own issued token still works.
    expectSignedIn(await getMe(`Bearer ${token}`));
  });

  test('a token at exactly the session lifetime, with iat a little ahead (clock skew), still works', async () => {
    const iat = nowSeconds() + 30;
    const edge = forgeJwt({ sub: citizenId, iat, exp: iat + t.config.session.ttlSeconds }, { secret: TEST_JWT_SECRET });
    expectSignedIn(await getMe(`Bearer ${edge}`));
  });
});

test('alg none is 401', async () => {
  const unsigned = forgeJwt({ sub: citizenId, iat: nowSeconds(), exp: nowSeconds() + 600 }, { alg: 'none' });
  expectUnauthenticated(await getMe(`Bearer ${unsigned}`));
});

test('another HMAC algorithm with the right key is 401: the algorithm is pinned to HS256', async () => {
  const hs512 = forgeJwt({ sub: citizenId, iat: nowSeconds(), exp: nowSeconds() + 600 }, { secret: TEST_JWT_SECRET, alg: 'HS512' });
  expectUnauthenticated(await getMe(`Bearer ${hs512}`));
});

test('a correctly signed token for nobody, or with a malformed subject, is 401', async () => {
  for (const sub of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', 42]) {
    const other = forgeJwt({ sub, iat: nowSeconds(), exp: nowSeconds() + 600 }, { secret: TEST_JWT_SECRET });
    expectUnauthenticated(await getMe(`Bearer ${other}`));
  }
});

test('public routes answer without a token; unknown routes stay 404', async () => {
  expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  expect((await t.app.inject({ method: 'GET', url: '/api/v1/procedures' })).statusCode).toBe(200);
  expect((await t.app.inject({ method: 'GET', url: '/docs/json' })).statusCode).toBe(200);
  expect((await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' })).json().code).toBe('NOT_FOUND');
});

test('a CORS preflight to a protected route is answered without a token', async () => {
  const res = await t.app.inject({
    method: 'OPTIONS',
    url: '/api/v1/me',
    headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
  });
  expect(res.statusCode).toBe(204);
  expect(res.headers['access-control-allow-origin']).toBe('http://localhost:3000');
});

// The convention: a route is either on this short list of public-by-design routes, or it refuses a request
// without a session token. A new route fails this test until it is one or the other.
const PUBLIC_BY_DESIGN = [
  /^(GET|HEAD) \/healthz$/,
  /^(GET|HEAD) \/readyz$/,
  /^(GET|HEAD) \/docs(\/.*)?$/,
  /^(GET|HEAD) \/api\/v1\/procedures(\/:code)?$/,
  /^(GET|HEAD) \/api\/v1\/offices(\/:code)?$/,
  // QR codes and printable posters of the one-stop desks (routes/office-posters.test.ts).
  /^(GET|HEAD) \/api\/v1\/offices\/(:code\/(qr\.svg|qr\.png|poster\.pdf)|posters\.pdf)$/,
  // The HTML pages where commune staff find and download those posters (routes/poster-pages.test.ts).
  /^(GET|HEAD) \/posters(\/:code|\/\*)?$/,
  /^POST \/api\/v1\/sessions$/,
  // Authenticated by its HMAC signature instead (routes/webhooks.test.ts).
  /^POST \/api\/v1\/webhooks\/one-stop$/,
  // Anyone with a receipt slip; rate-limited per address (routes/lookup.test.ts).
  /^(GET|HEAD) \/api\/v1\/lookup$/,
  // Zalo's delivery receipts, authenticated by X-ZEvent-Signature (routes/zalo-webhooks.test.ts).
  /^POST \/api\/v1\/webhooks\/zalo$/,
];

// Routes with their own guard instead of a citizen session: each must refuse a request without its credential, with
// its own code (and a citizen's session token is no substitute).
const OWN_GUARD: Array<{ pattern: RegExp; code: string }> = [
  // Operators' key, X-Operator-Key = OPERATOR_API_KEY (routes/notifications.test.ts).
  { pattern: /^(GET|HEAD) \/api\/v1\/admin\/.+$/, code: 'OPERATOR_KEY_INVALID' },
];

test('every route is public by design or refuses an unauthenticated request', async () => {
  const routes = t.app.routeInventory.filter((route) => route.method !== 'OPTIONS' || route.url !== '*');
  expect(routes.length).toBeGreaterThan(10);
  expect(routes).toEqual(expect.arrayContaining([{ method: 'GET', url: '/api/v1/me' }, { method: 'DELETE', url: '/api/v1/me' }]));

  const unexpectedlyOpen: string[] = [];
  const publicRoutes: string[] = [];
  const guardedRoutes: string[] = [];
  for (const { method, url } of routes) {
    const name = `${method} ${url}`;
    if (PUBLIC_BY_DESIGN.some((pattern) => pattern.test(name))) {
      publicRoutes.push(name);
      continue;
    }
    const concreteUrl = url.replace(/:[a-z]+/gi, 'x').replace('*', 'x');
    const guard = OWN_GUARD.find(({ pattern }) => pattern.test(name));
    if (guard) {
      guardedRoutes.push(name);
      for (const headers of [{}, { authorization: `Bearer ${token}` }]) {
        const res = await t.app.inject({ method: method as 'GET', url: concreteUrl, headers });
        if (res.statusCode !== 401 || (method !== 'HEAD' && res.json().code !== guard.code)) unexpectedlyOpen.push(`${name} → ${res.statusCode}`);
      }
      continue;
    }
    const res = await t.app.inject({ method: method as 'GET', url: concreteUrl, payload: method === 'GET' || method === 'HEAD' ? undefined : {} });
    // HEAD answers carry no body: the status and the challenge header tell.
    const refused = res.statusCode === 401 && res.headers['www-authenticate'] === 'Bearer';
    if (!refused || (method !== 'HEAD' && res.json().code !== 'UNAUTHENTICATED')) unexpectedlyOpen.push(`${name} → ${res.statusCode}`);
  }
  expect(unexpectedlyOpen).toEqual([]);
  expect(publicRoutes).toEqual(expect.arrayContaining(['POST /api/v1/sessions', 'GET /healthz', 'GET /api/v1/procedures']));
  expect(guardedRoutes).toEqual(expect.arrayContaining(['GET /api/v1/admin/notifications/stats']));
});

test('the OpenAPI document shows bearer security and a 401 on every protected route, none on public ones', async () => {
  const { paths } = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json() as {
    paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, unknown> }>>;
  };
  const protectedOps = [
    ['get', '/api/v1/me'],
    ['delete', '/api/v1/me'],
    ['post', '/api/v1/me/phone'],
    ['get', '/api/v1/me/consents'],
    ['put', '/api/v1/me/consents/{purpose}'],
  ];
  for (const [method, path] of protectedOps) {
    expect(paths[path][method].security).toEqual([{ bearerAuth: [] }]);
    expect(paths[path][method].responses).toHaveProperty('401');
  }
  expect(paths['/api/v1/sessions'].post.security).toEqual([]);
  expect(paths['/api/v1/procedures'].get.security).toEqual([]);
});
