import { GIANG_THI_MY, getMe, json, login, postJson } from '../support/sandbox-server';
import { APP_ID, type NotifySandbox, OA_TOKENS, startNotifySandbox, zbsBody } from './notify-support';

describe('OA token refresh (POST /v4/oa/access_token)', () => {
  let sandbox: NotifySandbox;
  beforeEach(async () => {
    sandbox = await startNotifySandbox({ oaAccessTokenTtlSeconds: undefined }); // Zalo's 25 h
  });
  afterEach(() => sandbox.close());

  const zbsError = async (accessToken: string, trackingId: string) =>
    (await json(await sandbox.sendZbs(zbsBody({ tracking_id: trackingId }), accessToken))).error as number;

  it('gives a new pair for the refresh token (form-urlencoded); the new access token works, the old one no longer', async () => {
    const response = await sandbox.refresh(OA_TOKENS.refreshToken);
    expect(response.status).toBe(200);
    const pair = await json(response);
    expect(pair).toEqual({ access_token: expect.any(String), refresh_token: expect.any(String), expires_in: '90000' });
    expect(pair.access_token).not.toBe(OA_TOKENS.accessToken);
    expect(pair.refresh_token).not.toBe(OA_TOKENS.refreshToken);

    expect(await zbsError(pair.access_token, 'new')).toBe(0);
    expect(await zbsError(OA_TOKENS.accessToken, 'old')).toBe(-124);
    expect(await json(await sandbox.control('GET', '/oa-token'))).toMatchObject({
      accessToken: pair.access_token,
      refreshToken: pair.refresh_token,
      refreshes: 1,
    });
  });

  it('-14014: a refresh token works once; a repeat or an unknown one is refused and changes nothing', async () => {
    const pair = await json(await sandbox.refresh(OA_TOKENS.refreshToken));
    for (const refreshToken of [OA_TOKENS.refreshToken, 'never-issued']) {
      const response = await sandbox.refresh(refreshToken);
      expect(response.status).toBe(200);
      expect(await json(response)).toEqual({ error: -14014, error_name: 'Invalid refresh token', error_description: expect.any(String) });
    }
    // The refused attempts left the current pair alone.
    expect(await zbsError(pair.access_token, 'still-works')).toBe(0);
    const next = await json(await sandbox.refresh(pair.refresh_token));
    expect(next.access_token).toEqual(expect.any(String));
    expect(await zbsError(pair.access_token, 'second-old')).toBe(-124);
    expect(await zbsError(next.access_token, 'second-new')).toBe(0);
  });

  it('-14002: a wrong secret_key or app_id, and the refresh token is not used up', async () => {
    for (const overrides of [{ secretKey: 'wrong-secret' }, { appId: '999' }]) {
      expect(await json(await sandbox.refresh(OA_TOKENS.refreshToken, overrides))).toEqual({
        error: -14002,
        error_name: expect.any(String),
        error_description: expect.any(String),
      });
    }
    const withoutSecret = await fetch(`${sandbox.baseUrl}/v4/oa/access_token`, {
      method: 'POST',
      body: new URLSearchParams({ app_id: APP_ID, grant_type: 'refresh_token', refresh_token: OA_TOKENS.refreshToken }),
    });
    expect((await json(withoutSecret)).error).toBe(-14002);
    expect((await json(await sandbox.refresh(OA_TOKENS.refreshToken))).access_token).toEqual(expect.any(String));
  });

  it('-14001 when grant_type is not refresh_token (our choice: the contract is silent)', async () => {
    expect((await json(await sandbox.refresh(OA_TOKENS.refreshToken, { grantType: 'authorization_code' }))).error).toBe(-14001);
    expect((await json(await sandbox.refresh(OA_TOKENS.refreshToken))).access_token).toEqual(expect.any(String));
  });

  it('a refreshed access token lives 25 h by the sandbox clock', async () => {
    const pair = await json(await sandbox.refresh(OA_TOKENS.refreshToken)); // at 2026-03-03 09:00
    sandbox.setTime('2026-03-04T09:59:59+07:00');
    expect(await zbsError(pair.access_token, 'a')).toBe(0);
    sandbox.setTime('2026-03-04T10:00:00+07:00');
    expect(await zbsError(pair.access_token, 'b')).toBe(-124);
    expect((await json(await sandbox.refresh(pair.refresh_token))).expires_in).toBe('90000');
  });

  it('control: expiring the OA access token answers -124 until a refresh (both control endpoints)', async () => {
    expect((await sandbox.control('POST', '/oa-token/expire')).status).toBe(204);
    expect(await zbsError(OA_TOKENS.accessToken, 'a')).toBe(-124);
    const pair = await json(await sandbox.refresh(OA_TOKENS.refreshToken));
    expect(await zbsError(pair.access_token, 'b')).toBe(0);

    const expired = await postJson(`${sandbox.baseUrl}/sandbox/control/zalo/expire-token`, { accessToken: pair.access_token });
    expect(expired.status).toBe(204);
    expect(await zbsError(pair.access_token, 'c')).toBe(-124);
  });

  it('keeps the urlencoded parser to this endpoint: user endpoints still take JSON only', async () => {
    const response = await fetch(`${sandbox.baseUrl}/sandbox/zalo/login`, {
      method: 'POST',
      body: new URLSearchParams({ userId: GIANG_THI_MY }),
    });
    expect(response.status).toBe(415);
    const token = await login(sandbox.baseUrl, GIANG_THI_MY);
    expect((await json(await getMe(sandbox.baseUrl, token))).id).toBe(GIANG_THI_MY);
  });
});
