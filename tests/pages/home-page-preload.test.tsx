// The home screen's popular procedures when index.html preloaded them: the app takes that response instead of waiting
// for its HTTP client. (The failed preload is home-page-preload-failed.test.tsx.)
import { paged, popularProcedures } from '../support/catalog-fixtures';
import { PRELOADED_URL, popularNames, setUpPreloadedProcedures } from '../support/preloaded-procedures';
import { renderAt } from '../support/render-app';

const { fetchMock, api } = setUpPreloadedProcedures();

it('lists the popular procedures from the preloaded response, without a second request', async () => {
  fetchMock.mockResolvedValue({ ok: true, status: 200, json: async () => paged(popularProcedures) });
  renderAt('/');
  expect(await popularNames()).toEqual(['Đăng ký kết hôn', 'Đăng ký khai sinh', 'Đăng ký thường trú']);
  expect(fetchMock).toHaveBeenCalledTimes(1);
  expect(fetchMock.mock.calls[0][0]).toBe(PRELOADED_URL);
  expect(api().requestsTo('/api/v1/procedures')).toHaveLength(0);
});
