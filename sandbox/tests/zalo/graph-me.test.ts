import {
  APP_SECRET,
  GIANG_THI_MY,
  type RunningSandbox,
  getMe,
  json,
  login,
  postJson,
  proofOf,
  startTestSandbox,
} from '../support/sandbox-server';

describe('GET /v2.0/me (verify a user token)', () => {
  let sandbox: RunningSandbox;
  beforeEach(async () => {
    sandbox = await startTestSandbox({ zalo: { accessTokenTtlSeconds: 3600 } });
  });
  afterEach(() => sandbox.close());

  it('answers the user id, name and picture of a valid token with a valid appsecret_proof', async () => {
    const token = await login(sandbox.baseUrl, GIANG_THI_MY);
    const response = await getMe(sandbox.baseUrl, token);

    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body).toEqual({
      error: 0,
      message: 'Success',
      id: GIANG_THI_MY,
      name: 'Giàng Thị Mỷ',
      picture: { data: { url: expect.stringMatching(/^data:image\/svg\+xml/) } },
    });
    expect(typeof body.id).toBe('string');
  });

  it('answers only the requested fields', async () => {
    const token = await login(sandbox.baseUrl, GIANG_THI_MY);
    const body = await json(await getMe(sandbox.baseUrl, token, { fields: 'id' }));
    expect(body).toEqual({ error: 0, message: 'Success', id: GIANG_THI_MY });
  });

  it('does not tell two users apart by anything but their token', async () => {
    const giang = await login(sandbox.baseUrl, GIANG_THI_MY);
    const tan = await login(sandbox.baseUrl, '5127480036519872210');
    expect((await json(await getMe(sandbox.baseUrl, giang))).name).toBe('Giàng Thị Mỷ');
    expect((await json(await getMe(sandbox.baseUrl, tan))).name).toBe('Tẩn Láo San');
  });

  it.each([
    ['an unknown token', 'not-a-token-the-sandbox-issued'],
    ['an empty token', ''],
  ])('answers HTTP 200 with error 452 for %s', async (_label, token) => {
    const response = await getMe(sandbox.baseUrl, token);
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body.error).toBe(452);
    expect(body).not.toHaveProperty('id');
  });

  it('rejects a token sent as "Bearer <token>" with 452: Zalo wants it bare', async () => {
    const token = await login(sandbox.baseUrl, GIANG_THI_MY);
    const bearer = `Bearer ${token}`;
    const body = await json(await getMe(sandbox.baseUrl, bearer, { proof: proofOf(bearer) }));
    expect(body.error).toBe(452);
  });

  it('accepts a token until its lifetime ends and answers 452 from then on', async () => {
    const token = await login(sandbox.baseUrl, GIANG_THI_MY);
    sandbox.clock.advance(3600 * 1000 - 1);
    expect((await json(await getMe(sandbox.baseUrl, token))).error).toBe(0);

    sandbox.clock.advance(1);
    const body = await json(await getMe(sandbox.baseUrl, token));
    expect(body.error).toBe(452);
    expect(body).not.toHaveProperty('id');
  });

  it('answers 452 once the control API has expired the token', async () => {
    const token = await login(sandbox.baseUrl, GIANG_THI_MY);
    const expire = await postJson(`${sandbox.baseUrl}/sandbox/control/zalo/expire-token`, { accessToken: token });
    expect(expire.status).toBe(204);
    expect((await json(await getMe(sandbox.baseUrl, token))).error).toBe(452);
  });

  it('answers error -124 when appsecret_proof is missing', async () => {
    const token = await login(sandbox.baseUrl, GIANG_THI_MY);
    const response = await getMe(sandbox.baseUrl, token, { proof: null });
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body.error).toBe(-124);
    expect(body).not.toHaveProperty('id');
  });

  it.each([
    ['made with another secret', (token: string) => proofOf(token, 'some-other-secret')],
    ['made for another token', () => proofOf('another-token', APP_SECRET)],
    ['sent as base64 instead of hex', (token: string) => Buffer.from(proofOf(token), 'hex').toString('base64')],
  ])('answers error -124 for a proof %s', async (_label, makeProof) => {
    const token = await login(sandbox.baseUrl, GIANG_THI_MY);
    const body = await json(await getMe(sandbox.baseUrl, token, { proof: makeProof(token) }));
    expect(body.error).toBe(-124);
    expect(body).not.toHaveProperty('name');
  });

  it('accepts the proof in upper-case hex', async () => {
    const token = await login(sandbox.baseUrl, GIANG_THI_MY);
    const body = await json(await getMe(sandbox.baseUrl, token, { proof: proofOf(token).toUpperCase() }));
    expect(body.error).toBe(0);
  });
});
