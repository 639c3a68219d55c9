import { screen } from '@testing-library/react';
import type { FakeApi } from '../support/fake-api';
import { withIdentityProxy } from '../support/session';
import { installApplicationProxy, renderApp } from '../features/applications/support';

let api: FakeApi;
withIdentityProxy((fake) => {
  ({ api } = fake);
  installApplicationProxy(api);
});

describe('the procedure, fetched once', () => {
  it('serves the catalogue page and the form from one answer of the proxy', async () => {
    const { user } = renderApp('/procedures/1.001193');
    await user.click(await screen.findByRole('link', { name: 'Nộp hồ sơ trực tuyến' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Nơi nộp hồ sơ' })).toBeInTheDocument();
    expect(api.requestsTo('/api/v1/procedures/1.001193')).toHaveLength(1);
  });
});
