// The home screen's popular procedures when index.html preloaded them and that request failed: the app asks again
// through its HTTP client. (The preload that succeeds is home-page-preload.test.tsx.)
import { popularNames, setUpPreloadedProcedures } from '../support/preloaded-procedures';
import { renderAt } from '../support/render-app';

const { fetchMock, api } = setUpPreloadedProcedures();

it('asks again through the API client when the preloaded request failed', async () => {
  fetchMock.mockResolvedValue({ ok: false, status: 503, json: async () => ({ code: 'UNAVAILABLE' }) });
  renderAt('/');
  expect(await popularNames()).toEqual(['Đăng ký kết hôn']);
  expect(fetchMock).toHaveBeenCalledTimes(1);
  expect(api().requestsTo('/api/v1/procedures')[0].params).toEqual({ pageSize: 8 });
});
