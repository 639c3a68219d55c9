import { waitFor } from '@testing-library/react';
import { ApiError, apiGet, REQUEST_TIMEOUT_MS } from '@/lib/api-client';
import { installFakeApi, type FakeApi } from '../support/fake-api';

let api: FakeApi;
beforeEach(async () => {
  api = await installFakeApi();
});

async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    return error as ApiError;
  }
  throw new Error('expected the request to fail');
}

describe('api client', () => {
  it('returns the JSON body and sends the query parameters', async () => {
    api.get('/api/v1/things', { status: 200, body: { ok: true } });
    await expect(apiGet('/api/v1/things', { params: { q: 'khai sinh' } })).resolves.toEqual({ ok: true });
    expect(api.requests[0].params).toEqual({ q: 'khai sinh' });
  });

  it("keeps the proxy's own code and Vietnamese message", async () => {
    api.get('/api/v1/procedures/:code', {
      status: 404,
      body: { statusCode: 404, code: 'PROCEDURE_NOT_FOUND', message: 'Không tìm thấy thủ tục.' },
    });
    const error = await failureOf(apiGet('/api/v1/procedures/9.999'));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, code: 'PROCEDURE_NOT_FOUND', message: 'Không tìm thấy thủ tục.' });
  });

  it('gives a Vietnamese fallback when a 5xx has no body', async () => {
    api.get('/api/v1/things', { status: 502, body: '<html>Bad gateway</html>' });
    const error = await failureOf(apiGet('/api/v1/things'));
    expect(error).toMatchObject({ status: 502, code: 'SERVER_ERROR' });
    expect(error.message).toBe('Hệ thống đang gặp sự cố. Hãy thử lại sau ít phút.');
  });

  it('turns a network failure into NETWORK_ERROR', async () => {
    api.get('/api/v1/things', { networkError: true });
    const error = await failureOf(apiGet('/api/v1/things'));
    expect(error).toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
    expect(error.message).toMatch(/kết nối mạng/);
  });

  it('turns a timeout into TIMEOUT and uses a finite timeout', async () => {
    api.get('/api/v1/things', { timeout: true });
    const error = await failureOf(apiGet('/api/v1/things'));
    expect(error).toMatchObject({ status: 0, code: 'TIMEOUT' });
    expect(error.message).toMatch(/quá lâu/);
    expect(REQUEST_TIMEOUT_MS).toBeGreaterThan(0);
  });

  it('reports an aborted request as cancelled and tells the server side', async () => {
    api.get('/api/v1/things', () => new Promise(() => {}));
    const controller = new AbortController();
    const pending = failureOf(apiGet('/api/v1/things', { signal: controller.signal }));
    await waitFor(() => expect(api.requests).toHaveLength(1));
    controller.abort();
    const error = await pending;
    expect(error.isCancelled).toBe(true);
    expect(api.requests[0].aborted).toBe(true);
  });
});
