// The signed-in citizen's own data: profile, phone under consent, consents, deleting everything. The proxy runs
// against the sandbox Zalo platform over real HTTP.
import { CONSENT_TEXTS } from '@lao-cai-so/domain/consent';
import { createTestApp, type TestApp } from '../support/test-app';
import { DEMO_CITIZENS, startZaloSandbox, type ZaloSandbox } from '../support/zalo-sandbox';

type DemoCitizen = (typeof DEMO_CITIZENS)[number];

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

interface SignedIn {
  id: string;
  token: string;
  auth: { authorization: string };
  demo: DemoCitizen;
}

async function signIn(demo: DemoCitizen): Promise<SignedIn> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { accessToken: await zalo.login(demo) } });
  expect(res.statusCode).toBe(201);
  const { token, citizen } = res.json();
  return { id: citizen.id, token, auth: { authorization: `Bearer ${token}` }, demo };
}

/** Each test starts from an empty record: the demo citizens are shared by the tests of this file. */
async function signInAfresh(demo: DemoCitizen): Promise<SignedIn> {
  const old = await signIn(demo);
  expect((await t.app.inject({ method: 'DELETE', url: '/api/v1/me', headers: old.auth })).statusCode).toBe(204);
  return signIn(demo);
}

const answer = (c: SignedIn, purpose: string, payload: Record<string, unknown>) =>
  t.app.inject({ method: 'PUT', url: `/api/v1/me/consents/${purpose}`, headers: c.auth, payload });

const grant = (c: SignedIn, purpose: 'profile' | 'phone' | 'notifications') =>
  answer(c, purpose, { granted: true, textVersion: CONSENT_TEXTS[purpose].version });

async function sharePhone(c: SignedIn, phoneToken?: string) {
  const accessToken = await zalo.login(c.demo);
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/me/phone',
    headers: c.auth,
    payload: { phoneToken: phoneToken ?? (await zalo.phoneToken(accessToken)), accessToken },
  });
}

const getMe = (c: SignedIn) => t.app.inject({ method: 'GET', url: '/api/v1/me', headers: c.auth });
const consentsOf = async (c: SignedIn) =>
  (await t.app.inject({ method: 'GET', url: '/api/v1/me/consents', headers: c.auth })).json().consents as Array<
    Record<string, unknown>
  >;

async function storedPhone(id: string): Promise<string | null | undefined> {
  const { rows } = await t.db.query<{ phone: string | null }>('select phone from citizens where id = $1', [id]);
  return rows[0]?.phone;
}

test('happy path: sign in, read the consent text, grant phone and profile, share the phone, see it masked', async () => {
  const demo = DEMO_CITIZENS[0];
  const c = await signInAfresh(demo);

  const consents = await consentsOf(c);
  expect(consents.map((consent) => consent.purpose)).toEqual(['profile', 'phone', 'notifications']);
  const phoneConsent = consents.find((consent) => consent.purpose === 'phone');
  expect(phoneConsent).toEqual({
    purpose: 'phone',
    title: 'Số điện thoại',
    text: expect.stringMatching(/số điện thoại/),
    currentTextVersion: CONSENT_TEXTS.phone.version,
    granted: false,
    textVersion: null,
    grantedAt: null,
    withdrawnAt: null,
    renewalNeeded: false,
  });

  const granted = await answer(c, 'phone', { granted: true, textVersion: phoneConsent?.currentTextVersion });
  expect(granted.statusCode).toBe(200);
  expect(granted.json()).toMatchObject({ purpose: 'phone', granted: true, textVersion: CONSENT_TEXTS.phone.version, withdrawnAt: null });
  expect(Date.now() - Date.parse(granted.json().grantedAt)).toBeLessThan(60_000);

  const shared = await sharePhone(c);
  expect(shared.statusCode).toBe(200);
  expect(shared.json()).toEqual({
    id: c.id,
    name: null,
    avatar: null,
    phone: { number: demo.phone, masked: `•••• ••• ${demo.phone.slice(-3)}` },
  });
  expect(await storedPhone(c.id)).toBe(demo.phone);

  expect((await grant(c, 'profile')).statusCode).toBe(200);
  await signIn(demo);
  const me = await getMe(c);
  expect(me.statusCode).toBe(200);
  expect(me.headers['cache-control']).toBe('no-store');
  expect(me.json()).toEqual({
    id: c.id,
    name: demo.name,
    avatar: demo.avatar,
    phone: { number: demo.phone, masked: '•••• ••• 101' },
  });
});

test('sharing the phone without the phone consent is 403 CONSENT_REQUIRED and stores nothing', async () => {
  const c = await signInAfresh(DEMO_CITIZENS[1]);
  const res = await sharePhone(c);
  expect(res.statusCode).toBe(403);
  expect(res.json()).toEqual({ statusCode: 403, code: 'CONSENT_REQUIRED', message: expect.any(String) });
  expect(await storedPhone(c.id)).toBeNull();
});

test('a phone token used twice is 400 PHONE_TOKEN_INVALID, and a withdrawn number is not restored by replaying it', async () => {
  const c = await signInAfresh(DEMO_CITIZENS[2]);
  await grant(c, 'phone');
  const accessToken = await zalo.login(c.demo);
  const phoneToken = await zalo.phoneToken(accessToken);
  expect((await sharePhone(c, phoneToken)).statusCode).toBe(200);

  const withdrawn = await answer(c, 'phone', { granted: false });
  expect(withdrawn.json()).toMatchObject({ granted: false, withdrawnAt: expect.any(String) });
  expect(await storedPhone(c.id)).toBeNull();
  await grant(c, 'phone');

  const replay = await sharePhone(c, phoneToken);
  expect(replay.statusCode).toBe(400);
  expect(replay.json()).toEqual({ statusCode: 400, code: 'PHONE_TOKEN_INVALID', message: expect.any(String) });
  expect(await storedPhone(c.id)).toBeNull();
});

test('a phone token older than two minutes is 400 PHONE_TOKEN_INVALID and stores nothing', async () => {
  const c = await signInAfresh(DEMO_CITIZENS[3]);
  await grant(c, 'phone');
  const accessToken = await zalo.login(c.demo);
  const phoneToken = await zalo.phoneToken(accessToken);
  zalo.advance(121_000);
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/me/phone', headers: c.auth, payload: { phoneToken, accessToken } });
  expect(res.statusCode).toBe(400);
  expect(res.json().code).toBe('PHONE_TOKEN_INVALID');
  expect(await storedPhone(c.id)).toBeNull();
});

test('a made-up phone token is 400, an expired access token 401 ZALO_TOKEN_INVALID, Zalo down 503', async () => {
  const c = await signInAfresh(DEMO_CITIZENS[4]);
  await grant(c, 'phone');
  expect((await sharePhone(c, 'made-up')).json().code).toBe('PHONE_TOKEN_INVALID');

  const accessToken = await zalo.login(c.demo);
  const phoneToken = await zalo.phoneToken(accessToken);
  await zalo.expireToken(accessToken);
  const expired = await t.app.inject({ method: 'POST', url: '/api/v1/me/phone', headers: c.auth, payload: { phoneToken, accessToken } });
  expect(expired.statusCode).toBe(401);
  expect(expired.json().code).toBe('ZALO_TOKEN_INVALID');

  await zalo.addFault({ mode: 'http-500', path: '/v2.0/me/info' });
  const down = await sharePhone(c);
  expect(down.statusCode).toBe(503);
  expect(down.json().code).toBe('ZALO_UNAVAILABLE');
  expect(await storedPhone(c.id)).toBeNull();
});

test('a missing phoneToken or accessToken is 400', async () => {
  const c = await signInAfresh(DEMO_CITIZENS[4]);
  for (const payload of [{ accessToken: 'a' }, { phoneToken: 'p' }, {}]) {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/me/phone', headers: c.auth, payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
  }
});

describe('consents', () => {
  test('withdrawing the profile consent deletes name and avatar; the history keeps both grants', async () => {
    const c = await signInAfresh(DEMO_CITIZENS[5]);
    await grant(c, 'profile');
    await signIn(c.demo);
    expect((await getMe(c)).json()).toMatchObject({ name: c.demo.name, avatar: c.demo.avatar });

    const res = await answer(c, 'profile', { granted: false });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ purpose: 'profile', granted: false, textVersion: CONSENT_TEXTS.profile.version });
    expect((await getMe(c)).json()).toMatchObject({ name: null, avatar: null });
    const { rows } = await t.db.query('select name, avatar from citizens where id = $1', [c.id]);
    expect(rows[0]).toEqual({ name: null, avatar: null });

    // Signing in again without the consent brings nothing back.
    await signIn(c.demo);
    expect((await getMe(c)).json()).toMatchObject({ name: null, avatar: null });

    await grant(c, 'profile');
    const history = await t.db.query<{ withdrawn_at: Date | null }>(
      `select withdrawn_at from consents where citizen_id = $1 and purpose = 'profile' order by granted_at`,
      [c.id],
    );
    expect(history.rows.map((row) => row.withdrawn_at === null)).toEqual([false, true]);
  });

  test('answering the same twice records one grant', async () => {
    const c = await signInAfresh(DEMO_CITIZENS[0]);
    await grant(c, 'notifications');
    const second = await grant(c, 'notifications');
    expect(second.statusCode).toBe(200);
    expect((await answer(c, 'notifications', { granted: false })).statusCode).toBe(200);
    expect((await answer(c, 'notifications', { granted: false })).statusCode).toBe(200);
    const { rows } = await t.db.query(`select * from consents where citizen_id = $1 and purpose = 'notifications'`, [c.id]);
    expect(rows).toHaveLength(1);
  });

  test('an outdated text version is 409 CONSENT_TEXT_OUTDATED and records nothing', async () => {
    const c = await signInAfresh(DEMO_CITIZENS[1]);
    const res = await answer(c, 'phone', { granted: true, textVersion: '2020-01-01' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({ statusCode: 409, code: 'CONSENT_TEXT_OUTDATED', message: expect.any(String) });
    expect((await consentsOf(c)).find((consent) => consent.purpose === 'phone')).toMatchObject({ granted: false });
  });

  test('a grant of an older text is still in force but asks for renewal; renewing keeps the data', async () => {
    const c = await signInAfresh(DEMO_CITIZENS[2]);
    // As if the citizen had agreed before the current text was published.
    await t.db.query(`insert into consents (citizen_id, purpose, text_version) values ($1, 'phone', '2025-06-01')`, [
      c.id,
    ]);
    expect((await consentsOf(c)).find((consent) => consent.purpose === 'phone')).toMatchObject({
      granted: true,
      textVersion: '2025-06-01',
      renewalNeeded: true,
    });
    expect((await sharePhone(c)).statusCode).toBe(200);
    const renewed = await grant(c, 'phone');
    expect(renewed.json()).toMatchObject({ granted: true, textVersion: CONSENT_TEXTS.phone.version, renewalNeeded: false });
    expect(await storedPhone(c.id)).toBe(c.demo.phone);
    const { rows } = await t.db.query(`select text_version, withdrawn_at from consents where citizen_id = $1 and purpose = 'phone' order by granted_at`, [c.id]);
    expect(rows).toEqual([
      { text_version: '2025-06-01', withdrawn_at: expect.anything() },
      { text_version: CONSENT_TEXTS.phone.version, withdrawn_at: null },
    ]);
  });

  test('granting without a text version is 400; an unknown purpose is 404 CONSENT_PURPOSE_NOT_FOUND', async () => {
    const c = await signInAfresh(DEMO_CITIZENS[3]);
    const missing = await answer(c, 'phone', { granted: true });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().code).toBe('VALIDATION_FAILED');
    const unknown = await answer(c, 'marketing', { granted: true, textVersion: 'x' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('CONSENT_PURPOSE_NOT_FOUND');
    const notBoolean = await answer(c, 'phone', { granted: 'yes' });
    expect(notBoolean.statusCode).toBe(400);
  });
});

test('one citizen never sees or changes another citizen’s data', async () => {
  const a = await signInAfresh(DEMO_CITIZENS[4]);
  const b = await signInAfresh(DEMO_CITIZENS[5]);
  await grant(a, 'phone');
  expect((await sharePhone(a)).statusCode).toBe(200);

  const bMe = (await getMe(b)).json();
  expect(bMe).toMatchObject({ id: b.id, phone: null });
  expect(JSON.stringify(bMe)).not.toContain(a.demo.phone);
  expect((await consentsOf(b)).find((consent) => consent.purpose === 'phone')).toMatchObject({ granted: false });

  // B's withdrawal touches only B's record.
  await grant(b, 'phone');
  expect((await answer(b, 'phone', { granted: false })).statusCode).toBe(200);
  expect(await storedPhone(a.id)).toBe(a.demo.phone);
  expect((await getMe(a)).json().phone.number).toBe(a.demo.phone);

  // A's Zalo tokens presented in B's session cannot put A's number into B's record.
  await grant(b, 'phone');
  const aAccessToken = await zalo.login(a.demo);
  const aPhoneToken = await zalo.phoneToken(aAccessToken);
  const crossed = await t.app.inject({
    method: 'POST',
    url: '/api/v1/me/phone',
    headers: b.auth,
    payload: { phoneToken: aPhoneToken, accessToken: aAccessToken },
  });
  expect(crossed.statusCode).toBe(403);
  expect(crossed.json().code).toBe('ZALO_ACCOUNT_MISMATCH');
  expect(await storedPhone(b.id)).toBeNull();
});

test('DELETE /me deletes the citizen and everything of theirs; the session token stops working', async () => {
  const c = await signInAfresh(DEMO_CITIZENS[0]);
  await grant(c, 'phone');
  await grant(c, 'profile');
  expect((await sharePhone(c)).statusCode).toBe(200);

  const res = await t.app.inject({ method: 'DELETE', url: '/api/v1/me', headers: c.auth });
  expect(res.statusCode).toBe(204);
  expect(res.body).toBe('');
  expect((await t.db.query('select 1 from citizens where id = $1', [c.id])).rows).toHaveLength(0);
  expect((await t.db.query('select 1 from consents where citizen_id = $1', [c.id])).rows).toHaveLength(0);

  const after = await getMe(c);
  expect(after.statusCode).toBe(401);
  expect(after.json().code).toBe('UNAUTHENTICATED');
  expect((await t.app.inject({ method: 'DELETE', url: '/api/v1/me', headers: c.auth })).statusCode).toBe(401);

  // Signing in again starts a new, empty record.
  const again = await signIn(c.demo);
  expect(again.id).not.toBe(c.id);
  expect((await getMe(again)).json()).toEqual({ id: again.id, name: null, avatar: null, phone: null });
});
