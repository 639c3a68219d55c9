import {
  GIANG_THI_MY,
  type RunningSandbox,
  TAN_LAO_SAN,
  getPhone,
  json,
  login,
  phoneToken,
  startTestSandbox,
} from '../support/sandbox-server';

describe('GET /v2.0/me/info (phone number from a getPhoneNumber token)', () => {
  let sandbox: RunningSandbox;
  beforeEach(async () => {
    sandbox = await startTestSandbox();
  });
  afterEach(() => sandbox.close());

  it('answers the verified phone in 84… form for the token owner', async () => {
    const token = await login(sandbox.baseUrl, GIANG_THI_MY);
    const code = await phoneToken(sandbox.baseUrl, token);

    const response = await getPhone(sandbox.baseUrl, token, code);
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({ error: 0, message: 'Success', data: { number: '84912000101' } });
  });

  it('accepts a phone code only once', async () => {
    const token = await login(sandbox.baseUrl, GIANG_THI_MY);
    const code = await phoneToken(sandbox.baseUrl, token);
    expect((await json(await getPhone(sandbox.baseUrl, token, code))).error).toBe(0);

    const again = await getPhone(sandbox.baseUrl, token, code);
    expect(again.status).toBe(200);
    const body = await json(again);
    expect(body.error).toBe(-201);
    expect(body).not.toHaveProperty('data');
  });

  it('accepts a phone code for 2 minutes and not after', async () => {
    const token = await login(sandbox.baseUrl, GIANG_THI_MY);
    const early = await phoneToken(sandbox.baseUrl, token);
    const late = await phoneToken(sandbox.baseUrl, token);

    sandbox.clock.advance(2 * 60 * 1000 - 1);
    expect((await json(await getPhone(sandbox.baseUrl, token, early))).data).toEqual({ number: '84912000101' });

    sandbox.clock.advance(1);
    const body = await json(await getPhone(sandbox.baseUrl, token, late));
    expect(body.error).toBe(-201);
    expect(body.message).toMatch(/expired/);
  });

  it('refuses a phone code with another user token', async () => {
    const giang = await login(sandbox.baseUrl, GIANG_THI_MY);
    const tan = await login(sandbox.baseUrl, TAN_LAO_SAN);
    const giangsCode = await phoneToken(sandbox.baseUrl, giang);

    const body = await json(await getPhone(sandbox.baseUrl, tan, giangsCode));
    expect(body.error).toBe(-201);
    expect(body).not.toHaveProperty('data');
    // The refused attempt does not burn the code for its owner.
    expect((await json(await getPhone(sandbox.baseUrl, giang, giangsCode))).data).toEqual({ number: '84912000101' });
  });

  it.each([
    ['a wrong secret_key', 'not-the-app-secret'],
    ['an empty secret_key', ''],
  ])('answers error -104 for %s and keeps the code usable', async (_label, secretKey) => {
    const token = await login(sandbox.baseUrl, GIANG_THI_MY);
    const code = await phoneToken(sandbox.baseUrl, token);

    const response = await getPhone(sandbox.baseUrl, token, code, secretKey);
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body.error).toBe(-104);
    expect(body).not.toHaveProperty('data');
    expect((await json(await getPhone(sandbox.baseUrl, token, code))).error).toBe(0);
  });

  it('answers error -201 for a code the sandbox never issued', async () => {
    const token = await login(sandbox.baseUrl, GIANG_THI_MY);
    const body = await json(await getPhone(sandbox.baseUrl, token, 'made-up-code'));
    expect(body.error).toBe(-201);
  });

  it('answers 452 when the access token has expired, even with a fresh code', async () => {
    const token = await login(sandbox.baseUrl, GIANG_THI_MY);
    sandbox.clock.advance(3600 * 1000 - 60 * 1000);
    const code = await phoneToken(sandbox.baseUrl, token);
    sandbox.clock.advance(60 * 1000);

    const body = await json(await getPhone(sandbox.baseUrl, token, code));
    expect(body.error).toBe(452);
    expect(body).not.toHaveProperty('data');
  });
});
