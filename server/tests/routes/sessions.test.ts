// Sign in with Zalo: POST /api/v1/sessions against the sandbox Zalo platform over real HTTP.
import { createTestApp, type TestApp } from '../support/test-app';
import { DEMO_CITIZENS, startZaloSandbox, type ZaloSandbox } from '../support/zalo-sandbox';

let zalo: ZaloSandbox;
let t: TestApp;

beforeAll(async () => {
  zalo = await startZaloSandbox();
  t = await createTestApp({ env: zalo.env });
});

afterEach(() => zalo.clearFaults());

afterAll(async () => {
  await t?.close();
  await zalo?.close();
});

const signIn = (accessToken: unknown) =>
  t.app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { accessToken } });

async function citizenRows(zaloUserId: string) {
  const { rows } = await t.db.query('select * from citizens where zalo_user_id = $1', [zaloUserId]);
  return rows;
}

test('a Zalo token from the sandbox gives a session token that GET /me accepts', async () => {
  const citizen = DEMO_CITIZENS[1];
  const res = await signIn(await zalo.login(citizen));
  expect(res.statusCode).toBe(201);
  expect(res.headers['cache-control']).toBe('no-store');
  const body = res.json();
  expect(body).toEqual({
    token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
    expiresAt: expect.any(String),
    citizen: { id: expect.stringMatching(/^[0-9a-f-]{36}$/), name: null, avatar: null },
  });
  const ttlMs = Date.parse(body.expiresAt) - Date.now();
  expect(ttlMs).toBeGreaterThan(1790_000);
  expect(ttlMs).toBeLessThanOrEqual(1800_000);

  const claims = JSON.parse(Buffer.from(body.token.split('.')[1], 'base64url').toString());
  expect(claims.sub).toBe(body.citizen.id);
  expect(JSON.parse(Buffer.from(body.token.split('.')[0], 'base64url').toString()).alg).toBe('HS256');
  expect(body.token).not.toContain(citizen.phone);
  expect(JSON.stringify(claims)).not.toMatch(new RegExp(`${citizen.phone}|${citizen.id}`));

  const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${body.token}` } });
  expect(me.statusCode).toBe(200);
  expect(me.json()).toEqual({ id: body.citizen.id, name: null, avatar: null, phone: null });

  const rows = await citizenRows(citizen.id);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ id: body.citizen.id, zalo_user_id: citizen.id, name: null, avatar: null, phone: null });
});

test('signing in again finds the same citizen and moves last_seen_at', async () => {
  const citizen = DEMO_CITIZENS[2];
  const first = (await signIn(await zalo.login(citizen))).json();
  const [before] = await citizenRows(citizen.id);
  const second = (await signIn(await zalo.login(citizen))).json();
  const [after] = await citizenRows(citizen.id);
  expect(second.citizen.id).toBe(first.citizen.id);
  expect(new Date(after.last_seen_at as string).getTime()).toBeGreaterThan(new Date(before.last_seen_at as string).getTime());
  expect(await citizenRows(citizen.id)).toHaveLength(1);
});

test('name and avatar come from Zalo once the profile consent is granted, and are kept only while it is', async () => {
  const citizen = DEMO_CITIZENS[3];
  const { token } = (await signIn(await zalo.login(citizen))).json();
  const auth = { authorization: `Bearer ${token}` };
  const consents = (await t.app.inject({ method: 'GET', url: '/api/v1/me/consents', headers: auth })).json().consents;
  const profile = consents.find((c: { purpose: string }) => c.purpose === 'profile');
  const granted = await t.app.inject({
    method: 'PUT',
    url: '/api/v1/me/consents/profile',
    headers: auth,
    payload: { granted: true, textVersion: profile.currentTextVersion },
  });
  expect(granted.statusCode).toBe(200);

  const again = (await signIn(await zalo.login(citizen))).json();
  expect(again.citizen).toEqual({ id: again.citizen.id, name: citizen.name, avatar: citizen.avatar });
  expect((await citizenRows(citizen.id))[0]).toMatchObject({ name: citizen.name, avatar: citizen.avatar });
});

test('a made-up token is 401 ZALO_TOKEN_INVALID and records nobody', async () => {
  const before = await t.db.query('select count(*)::int as n from citizens');
  const res = await signIn('made-up-token');
  expect(res.statusCode).toBe(401);
  expect(res.json()).toEqual({ statusCode: 401, code: 'ZALO_TOKEN_INVALID', message: expect.stringMatching(/Zalo/) });
  const after = await t.db.query('select count(*)::int as n from citizens');
  expect(after.rows[0]).toEqual(before.rows[0]);
});

test('an expired Zalo token is 401 ZALO_TOKEN_INVALID and records nobody', async () => {
  const citizen = DEMO_CITIZENS[4];
  const accessToken = await zalo.login(citizen);
  await zalo.expireToken(accessToken);
  const res = await signIn(accessToken);
  expect(res.statusCode).toBe(401);
  expect(res.json().code).toBe('ZALO_TOKEN_INVALID');
  expect(await citizenRows(citizen.id)).toHaveLength(0);
});

test('a token that outlived its hour is refused too', async () => {
  const citizen = DEMO_CITIZENS[4];
  const accessToken = await zalo.login(citizen);
  zalo.advance(3601_000);
  const res = await signIn(accessToken);
  expect(res.json().code).toBe('ZALO_TOKEN_INVALID');
  expect(await citizenRows(citizen.id)).toHaveLength(0);
});

test('Zalo answering HTTP 500 is 503 ZALO_UNAVAILABLE and records nobody', async () => {
  const citizen = DEMO_CITIZENS[5];
  const accessToken = await zalo.login(citizen);
  await zalo.addFault({ mode: 'http-500' });
  const res = await signIn(accessToken);
  expect(res.statusCode).toBe(503);
  expect(res.json()).toEqual({ statusCode: 503, code: 'ZALO_UNAVAILABLE', message: expect.any(String) });
  expect(await citizenRows(citizen.id)).toHaveLength(0);
});

test('a transient Zalo failure is retried and the sign-in succeeds', async () => {
  await zalo.addFault({ mode: 'error', error: -32, times: 1 });
  const res = await signIn(await zalo.login(DEMO_CITIZENS[5]));
  expect(res.statusCode).toBe(201);
});

test('Zalo that cannot be reached at all is 503 ZALO_UNAVAILABLE', async () => {
  const offline = await createTestApp({ env: { ...zalo.env, ZALO_GRAPH_URL: 'http://127.0.0.1:9', ZALO_RETRIES: '0' } });
  try {
    const res = await offline.app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { accessToken: 'x' } });
    expect(res.statusCode).toBe(503);
    expect(res.json().code).toBe('ZALO_UNAVAILABLE');
  } finally {
    await offline.close();
  }
});

test('a missing, empty, oversized or structured token is 400 and never reaches Zalo', async () => {
  // Were Zalo asked, the answer would be 503.
  await zalo.addFault({ mode: 'http-500' });
  for (const payload of [{}, { accessToken: '' }, { accessToken: 'x'.repeat(2049) }, { accessToken: { a: 1 } }]) {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/sessions', payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
  }
});
