import { waitFor } from '@testing-library/react';
import { getMe } from '@/features/profile/api/get-me';
import { getSessionState, startSession } from '@/state/session';
import { ApiError } from '@/lib/api-client';
import type { FakeApi } from '../support/fake-api';
import type { IdentityProxy } from '../support/fake-identity-proxy';
import { withIdentityProxy } from '../support/session';
import { zmpSdkMock } from '../support/zmp-sdk-mock';

let api: FakeApi;
let proxy: IdentityProxy;
withIdentityProxy((fake) => ({ api, proxy } = fake));

async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    return error as ApiError;
  }
  throw new Error('expected the request to fail');
}

const sessionRequests = () => api.requestsTo('/api/v1/sessions');
const meRequests = () => api.requestsTo('/api/v1/me');

describe('signing in', () => {
  it('exchanges a Zalo access token for a session, without any Zalo prompt, and sends it as Bearer afterwards', async () => {
    await expect(startSession()).resolves.toBe('session-1');
    expect(sessionRequests()).toHaveLength(1);
    expect(sessionRequests()[0].body).toEqual({ accessToken: 'zalo-access-1' });
    expect(sessionRequests()[0].headers.authorization).toBeUndefined();
    expect(zmpSdkMock.prompts).toEqual([]);

    await getMe();
    expect(meRequests()[0].headers.authorization).toBe('Bearer session-1');
  });

  it('keeps the session in storage with its expiry, so reopening the app needs no new Zalo token', async () => {
    await startSession();
    const stored = JSON.parse(zmpSdkMock.storage.get('lao-cai-so:session') ?? '{}') as Record<string, unknown>;
    expect(stored).toMatchObject({ token: 'session-1', citizenId: expect.any(String) });
    expect(stored.expiresAt).toBeGreaterThan(Date.now());

    await expect(startSession()).resolves.toBe('session-1');
    expect(zmpSdkMock.accessTokensIssued).toBe(1);
    expect(sessionRequests()).toHaveLength(1);
  });

  it('signs in anew when the stored session has expired', async () => {
    zmpSdkMock.storage.set(
      'lao-cai-so:session',
      JSON.stringify({ token: 'old-session', citizenId: 'c', expiresAt: Date.now() - 1000 }),
    );
    await expect(startSession()).resolves.toBe('session-1');
    expect(sessionRequests()).toHaveLength(1);
  });

  it('makes a signed-in request wait for the sign-in in progress instead of going out without a token', async () => {
    const started = startSession();
    const me = getMe();
    await started;
    await me;
    expect(meRequests()).toHaveLength(1);
    expect(meRequests()[0].headers.authorization).toBe('Bearer session-1');
  });

  it('is signed out, with the reason, when Zalo cannot be reached', async () => {
    zmpSdkMock.accessTokenError = { code: -2000, message: 'not in Zalo' };
    await expect(startSession()).resolves.toBeNull();
    expect(getSessionState()).toEqual({ status: 'signed-out', reason: 'zalo-unavailable' });
    expect(sessionRequests()).toHaveLength(0);

    const error = await failureOf(getMe());
    expect(error).toMatchObject({ status: 401, code: 'SIGNED_OUT' });
    expect(error.message).toMatch(/đăng nhập lại/);
    expect(meRequests()).toHaveLength(0);
  });

  it('is signed out when the proxy refuses the Zalo token, or answers ZALO_UNAVAILABLE', async () => {
    proxy.refusedAccessTokens.add('zalo-access-1');
    await startSession();
    expect(getSessionState()).toEqual({ status: 'signed-out', reason: 'rejected' });

    api.post('/api/v1/sessions', {
      status: 503,
      body: { statusCode: 503, code: 'ZALO_UNAVAILABLE', message: 'Chưa kết nối được với Zalo.' },
    });
    await startSession();
    expect(getSessionState()).toEqual({ status: 'signed-out', reason: 'zalo-unavailable' });
  });
});

describe('when the proxy refuses the session token', () => {
  it('renews the session once with a new Zalo token and retries the request once', async () => {
    await startSession();
    proxy.validTokens.clear();

    await expect(getMe()).resolves.toMatchObject({ phone: null });
    expect(sessionRequests().map((request) => request.body)).toEqual([
      { accessToken: 'zalo-access-1' },
      { accessToken: 'zalo-access-2' },
    ]);
    expect(meRequests().map((request) => request.headers.authorization)).toEqual([
      'Bearer session-1',
      'Bearer session-2',
    ]);
    expect(getSessionState()).toMatchObject({ status: 'signed-in', token: 'session-2' });
  });

  it('renews only once for several requests refused together', async () => {
    await startSession();
    proxy.validTokens.clear();

    await Promise.all([getMe(), getMe(), getMe()]);
    expect(sessionRequests()).toHaveLength(2);
    expect(meRequests()).toHaveLength(6);
    expect(meRequests().slice(3).every((request) => request.headers.authorization === 'Bearer session-2')).toBe(true);
  });

  it('signs out with a Vietnamese message when the renewed token is refused too, without trying again', async () => {
    await startSession();
    api.get('/api/v1/me', {
      status: 401,
      body: { statusCode: 401, code: 'UNAUTHENTICATED', message: 'Phiên đăng nhập đã hết hạn hoặc không hợp lệ.' },
    });

    const error = await failureOf(getMe());
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 'SIGNED_OUT' });
    expect(error.message).toBe(
      'Bạn chưa đăng nhập hoặc phiên đăng nhập đã hết hạn. Hãy mở trang Cá nhân để đăng nhập lại.',
    );
    expect(meRequests()).toHaveLength(2);
    expect(sessionRequests()).toHaveLength(2);
    await waitFor(() => expect(getSessionState()).toEqual({ status: 'signed-out', reason: 'expired' }));
    expect(zmpSdkMock.storage.has('lao-cai-so:session')).toBe(false);
  });

  it('signs out when the renewal itself fails', async () => {
    await startSession();
    proxy.validTokens.clear();
    zmpSdkMock.accessTokenError = { code: -2000 };

    await expect(failureOf(getMe())).resolves.toMatchObject({ status: 401, code: 'SIGNED_OUT' });
    expect(meRequests()).toHaveLength(1);
    expect(getSessionState()).toEqual({ status: 'signed-out', reason: 'zalo-unavailable' });
  });

  it('never sends the session token to public endpoints', async () => {
    await startSession();
    api.get('/api/v1/procedures', { status: 200, body: { items: [], total: 0, page: 1, pageSize: 20 } });
    const { apiGet } = await import('@/lib/api-client');
    await apiGet('/api/v1/procedures');
    expect(api.requestsTo('/api/v1/procedures')[0].headers.authorization).toBeUndefined();
  });
});
