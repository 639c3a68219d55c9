import {
  GIANG_THI_MY,
  type RunningSandbox,
  getMe,
  json,
  getPhone,
  login,
  phoneToken,
  postJson,
  startTestSandbox,
} from '../support/sandbox-server';

describe('fault injection (/sandbox/control/zalo/faults)', () => {
  let sandbox: RunningSandbox;
  let token: string;
  const addFault = (fault: Record<string, unknown>) => postJson(`${sandbox.baseUrl}/sandbox/control/zalo/faults`, fault);
  const clearFaults = () => fetch(`${sandbox.baseUrl}/sandbox/control/zalo/faults`, { method: 'DELETE' });

  beforeEach(async () => {
    sandbox = await startTestSandbox();
    token = await login(sandbox.baseUrl, GIANG_THI_MY);
  });
  afterEach(() => sandbox.close());

  it('slow: holds the answer for delayMs, then answers normally', async () => {
    expect((await addFault({ mode: 'slow', delayMs: 300, times: 1 })).status).toBe(201);

    const started = performance.now();
    const body = await json(await getMe(sandbox.baseUrl, token));
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(body).toMatchObject({ error: 0, id: GIANG_THI_MY });
  });

  it('slow: a caller with a shorter timeout gives up, and the server still closes at once', async () => {
    await addFault({ mode: 'slow', delayMs: 60_000 });
    await expect(
      fetch(`${sandbox.baseUrl}/v2.0/me?fields=id`, { headers: { access_token: token }, signal: AbortSignal.timeout(100) }),
    ).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  it('http-500: answers HTTP 500 with a non-JSON body until cleared', async () => {
    await addFault({ mode: 'http-500' });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const response = await getMe(sandbox.baseUrl, token);
      expect(response.status).toBe(500);
      expect(response.headers.get('content-type')).toMatch(/text\/html/);
    }

    expect((await clearFaults()).status).toBe(204);
    expect((await getMe(sandbox.baseUrl, token)).status).toBe(200);
  });

  it('http-error: answers the given HTTP status', async () => {
    await addFault({ mode: 'http-error', status: 429, times: 1 });
    expect((await getMe(sandbox.baseUrl, token)).status).toBe(429);
    expect((await getMe(sandbox.baseUrl, token)).status).toBe(200);
  });

  it('error with times: answers HTTP 200 with that Zalo error code for the first N calls only', async () => {
    await addFault({ mode: 'error', error: -32, times: 2 });

    for (let attempt = 0; attempt < 2; attempt += 1) {
      const response = await getMe(sandbox.baseUrl, token);
      expect(response.status).toBe(200);
      expect(await json(response)).toEqual({ error: -32, message: expect.any(String) });
    }
    expect(await json(await getMe(sandbox.baseUrl, token))).toMatchObject({ error: 0, id: GIANG_THI_MY });
    expect((await json(await fetch(`${sandbox.baseUrl}/sandbox/control/zalo/faults`))).faults).toEqual([]);
  });

  it('path: affects only the named API', async () => {
    await addFault({ mode: 'error', error: -100, message: 'Unknown error', path: '/v2.0/me/info' });

    expect((await json(await getMe(sandbox.baseUrl, token))).error).toBe(0);
    const code = await phoneToken(sandbox.baseUrl, token);
    expect(await json(await getPhone(sandbox.baseUrl, token, code))).toEqual({ error: -100, message: 'Unknown error' });
  });

  it('does not consume a phone code while a fault answers instead of the API', async () => {
    await addFault({ mode: 'http-500', path: '/v2.0/me/info', times: 1 });
    const code = await phoneToken(sandbox.baseUrl, token);
    expect((await getPhone(sandbox.baseUrl, token, code)).status).toBe(500);
    expect((await json(await getPhone(sandbox.baseUrl, token, code))).data).toEqual({ number: '84912000101' });
  });

  it('applies faults in the order they were added and lists them', async () => {
    await addFault({ mode: 'error', error: -32, times: 1 });
    await addFault({ mode: 'error', error: -216, times: 1 });
    const listed = (await json(await fetch(`${sandbox.baseUrl}/sandbox/control/zalo/faults`))).faults;
    expect(listed.map((fault: { error: number }) => fault.error)).toEqual([-32, -216]);

    expect((await json(await getMe(sandbox.baseUrl, token))).error).toBe(-32);
    expect((await json(await getMe(sandbox.baseUrl, token))).error).toBe(-216);
    expect((await json(await getMe(sandbox.baseUrl, token))).error).toBe(0);
  });

  it('does not fault the client stand-ins or the control API', async () => {
    await addFault({ mode: 'http-500' });
    expect((await fetch(`${sandbox.baseUrl}/sandbox/zalo/citizens`)).status).toBe(200);
    expect((await fetch(`${sandbox.baseUrl}/sandbox/control/zalo/faults`)).status).toBe(200);
  });

  it.each([
    [{ mode: 'explode' }],
    [{ mode: 'slow' }],
    [{ mode: 'error' }],
    [{ mode: 'error', error: 0 }],
    [{ mode: 'http-500', times: 0 }],
    [{ mode: 'http-500', path: 'v2.0/me' }],
  ])('refuses an invalid fault %j with 400 VALIDATION_ERROR', async (fault) => {
    const response = await addFault(fault);
    expect(response.status).toBe(400);
    expect(await json(response)).toMatchObject({ statusCode: 400, code: 'VALIDATION_ERROR' });
    expect((await getMe(sandbox.baseUrl, token)).status).toBe(200);
  });

  it('expire-token: answers 404 UNKNOWN_ACCESS_TOKEN for a token it never issued', async () => {
    const response = await postJson(`${sandbox.baseUrl}/sandbox/control/zalo/expire-token`, { accessToken: 'nope' });
    expect(response.status).toBe(404);
    expect((await json(response)).code).toBe('UNKNOWN_ACCESS_TOKEN');
  });
});
