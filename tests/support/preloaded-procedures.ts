// The home screen's popular procedures as index.html preloads them (vite.config.ts adds the preload), for the tests
// of what the app does with that response. Each outcome needs a file of its own: recoil keeps a selector's settled
// value for the whole module registry.
import { screen, within } from '@testing-library/react';
import { installFakeApi, type FakeApi } from './fake-api';
import { paged, popularProcedures } from './catalog-fixtures';

export const PRELOADED_URL = 'http://api.test/api/v1/procedures?pageSize=8';

/**
 * Before each test: the page has index.html's preload link, `fetch` (what the app reads the preload with) is the
 * returned mock, and the fake proxy answers the app's own request with one procedure; after it, the page's link and
 * fetch are as they were.
 */
export function setUpPreloadedProcedures(): { fetchMock: jest.Mock; api: () => FakeApi } {
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

  return { fetchMock, api: () => api };
}

/** The names in the home screen's "Thủ tục được dùng nhiều" list, once it shows. */
export async function popularNames() {
  const list = await screen.findByRole('list', { name: 'Thủ tục được dùng nhiều' });
  return within(list)
    .getAllByRole('link')
    .map((item) => item.querySelector('.card-title')?.textContent);
}
