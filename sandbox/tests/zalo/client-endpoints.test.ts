import {
  GIANG_THI_MY,
  MINI_APP_ORIGIN,
  type RunningSandbox,
  getMe,
  type Json,
  json,
  login,
  postJson,
  startTestSandbox,
} from '../support/sandbox-server';

describe('client stand-ins for the mini app in a browser (/sandbox/zalo)', () => {
  let sandbox: RunningSandbox;
  beforeEach(async () => {
    sandbox = await startTestSandbox();
  });
  afterEach(() => sandbox.close());

  it('lists the demo citizens with string ids, Vietnamese names and avatars, without phones', async () => {
    const response = await fetch(`${sandbox.baseUrl}/sandbox/zalo/citizens`);
    expect(response.status).toBe(200);
    const citizens = (await json(response)).citizens as Json[];

    expect(citizens.length).toBeGreaterThanOrEqual(4);
    expect(citizens.length).toBeLessThanOrEqual(6);
    for (const citizen of citizens) {
      expect(Object.keys(citizen).sort()).toEqual(['avatar', 'description', 'id', 'name']);
      expect(citizen.id).toEqual(expect.stringMatching(/^\d{15,}$/));
      expect(citizen.avatar).toEqual(expect.stringMatching(/^data:image\/svg\+xml/));
    }
    expect(citizens.map((citizen) => citizen.name)).toEqual(expect.arrayContaining(['Giàng Thị Mỷ', 'Tẩn Láo San']));
    expect(JSON.stringify(citizens)).not.toMatch(/849\d{8}/);
  });

  it('signs in a demo citizen with a token the Graph API accepts', async () => {
    const response = await postJson(`${sandbox.baseUrl}/sandbox/zalo/login`, { userId: GIANG_THI_MY });
    expect(response.status).toBe(200);
    const { accessToken } = await json(response);
    expect(accessToken.length).toBeGreaterThanOrEqual(32);

    expect((await json(await getMe(sandbox.baseUrl, accessToken))).id).toBe(GIANG_THI_MY);
  });

  it('gives a different token on each sign-in', async () => {
    expect(await login(sandbox.baseUrl, GIANG_THI_MY)).not.toBe(await login(sandbox.baseUrl, GIANG_THI_MY));
  });

  it('answers 404 UNKNOWN_CITIZEN in the project error shape for an unknown user', async () => {
    const response = await postJson(`${sandbox.baseUrl}/sandbox/zalo/login`, { userId: '1111111111111111111' });
    expect(response.status).toBe(404);
    const body = await json(response);
    expect(body).toEqual({ statusCode: 404, code: 'UNKNOWN_CITIZEN', message: expect.stringContaining('người dân') });
  });

  it('answers 400 VALIDATION_ERROR when the user id is missing or not a string', async () => {
    // A JSON number where Zalo sends a string id (its precision lost on the way, as a client would lose it).
    // eslint-disable-next-line no-loss-of-precision
    for (const body of [{}, { userId: 3368637342326461234 }]) {
      const response = await postJson(`${sandbox.baseUrl}/sandbox/zalo/login`, body);
      expect(response.status).toBe(400);
      expect((await json(response)).code).toBe('VALIDATION_ERROR');
    }
  });

  it('issues a phone token for an access token given in the header or in the body', async () => {
    const token = await login(sandbox.baseUrl, GIANG_THI_MY);
    const viaHeader = await fetch(`${sandbox.baseUrl}/sandbox/zalo/phone-token`, {
      method: 'POST',
      headers: { access_token: token },
    });
    const viaBody = await postJson(`${sandbox.baseUrl}/sandbox/zalo/phone-token`, { accessToken: token });

    expect(viaHeader.status).toBe(200);
    expect(viaBody.status).toBe(200);
    const first = (await json(viaHeader)).token;
    const second = (await json(viaBody)).token;
    expect(first).toEqual(expect.any(String));
    expect(second).toEqual(expect.any(String));
    expect(first).not.toBe(second);
  });

  it('answers 401 INVALID_ACCESS_TOKEN for a phone token without a live access token', async () => {
    const token = await login(sandbox.baseUrl, GIANG_THI_MY);
    sandbox.clock.advance(3600 * 1000);
    for (const response of [
      await postJson(`${sandbox.baseUrl}/sandbox/zalo/phone-token`, { accessToken: token }),
      await postJson(`${sandbox.baseUrl}/sandbox/zalo/phone-token`, {}),
    ]) {
      expect(response.status).toBe(401);
      expect(await json(response)).toEqual({ statusCode: 401, code: 'INVALID_ACCESS_TOKEN', message: expect.any(String) });
    }
  });

  it('lets the mini app origin call it from a browser (CORS preflight)', async () => {
    const response = await fetch(`${sandbox.baseUrl}/sandbox/zalo/phone-token`, {
      method: 'OPTIONS',
      headers: {
        origin: MINI_APP_ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,access_token',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(MINI_APP_ORIGIN);
    expect(response.headers.get('access-control-allow-headers')).toMatch(/access_token/);
  });

  it('does not let other origins read its answers', async () => {
    const response = await fetch(`${sandbox.baseUrl}/sandbox/zalo/citizens`, { headers: { origin: 'http://evil.example' } });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});
