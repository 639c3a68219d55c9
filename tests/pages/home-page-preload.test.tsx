// The home screen's popular procedures when index.html preloaded them (vite.config.ts adds the preload): the app takes that
// response instead of waiting for its HTTP client.
// A file of its own: recoil keeps a selector's settled value for the whole module registry.
import { screen, within } from '@testing-library/react';
import { installFakeApi, type FakeApi } from '../support/fake-api';
import { paged, popularProcedures } from '../support/catalog-fixtures';
import { renderAt } from '../support/render-app';

const PRELOADED_URL = 'http://api.test/api/v1/procedures?pageSize=8';

let api: FakeApi;
let link: HTMLLinkElement;
const originalFetch = globalThis.fetch;
const fetchMock = jest.fn();

beforeEach(async () => {
  api = await installFakeApi();
  api.get('/api/v1/procedures', () => ({ status: 200, body: paged(popularProcedures.slice(0, 1)) }));
  link = document.createElement('link');
  link.rel = 'preload';
  link.as = 'fetch';
  link.href = PRELOADED_URL;
  link.crossOrigin = 'anonymous';
  document.head.append(link);
  globalThis.fetch = fetchMock as unknown as typeof fetch;
});

afterEach(() => {
  link.remove();
  globalThis.fetch = originalFetch;
});

const popularNames = async () => {
  const list = await screen.findByRole('list', { name: 'Thủ tục được dùng nhiều' });
  return within(list)
    .getAllByRole('link')
    .map((item) => item.querySelector('.card-title')?.textContent);
};

it('lists the popular procedures from the preloaded response, without a second request', async () => {
  fetchMock.mockResolvedValue({ ok: true, status: 200, json: async () => paged(popularProcedures) });
  renderAt('/');
  expect(await popularNames()).toEqual(['Đăng ký kết hôn', 'Đăng ký khai sinh', 'Đăng ký thường trú']);
  expect(fetchMock).toHaveBeenCalledTimes(1);
  expect(fetchMock.mock.calls[0][0]).toBe(PRELOADED_URL);
  expect(api.requestsTo('/api/v1/procedures')).toHaveLength(0);
});
