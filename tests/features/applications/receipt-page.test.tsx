import { screen } from '@testing-library/react';
import { installFakeApi, type FakeApi } from '../../support/fake-api';
import { installIdentityProxy } from '../../support/fake-identity-proxy';
import { endSessionAfterEachTest } from '../../support/session';
import { renderApp } from './support';

endSessionAfterEachTest();

let api: FakeApi;
beforeEach(async () => {
  api = await installFakeApi();
  installIdentityProxy(api);
});

describe('receipt page opened later (e.g. after a reload)', () => {
  it('reads the application from the proxy, signed in', async () => {
    api.get('/api/v1/applications/:id', ({ pathParams }) => ({
      status: 200,
      body: { id: pathParams.id, reference: 'K7QH2M9X', status: 'received', createdAt: '2026-11-22T09:05:00.000Z' },
    }));
    renderApp('/applications/app-7');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Đã gửi — đang chuyển tới Bộ phận một cửa' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Mã tham chiếu' })).toHaveTextContent('K7QH2M9X');
    expect(screen.getByText('16:05 22/11/2026')).toBeInTheDocument();
    expect(api.requestsTo('/api/v1/applications/app-7')[0].headers.authorization).toBe('Bearer session-1');
  });

  it('says so when the application is not the citizen\'s or does not exist', async () => {
    api.get('/api/v1/applications/:id', {
      status: 404,
      body: { statusCode: 404, code: 'APPLICATION_NOT_FOUND', message: 'Không tìm thấy hồ sơ.' },
    });
    renderApp('/applications/someone-else');
    expect(await screen.findByRole('heading', { level: 1, name: 'Không tìm thấy hồ sơ' })).toBeInTheDocument();
  });
});
