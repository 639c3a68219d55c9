import { screen, within } from '@testing-library/react';
import { deferred, installFakeApi, type FakeApi } from '../support/fake-api';
import { paged, popularProcedures } from '../support/catalog-fixtures';
import { renderAt } from '../support/render-app';

let api: FakeApi;
beforeEach(async () => {
  api = await installFakeApi();
});

// A file of its own: recoil keeps a selector's settled value (or error) for the whole module registry.
describe('home page when the proxy cannot be reached', () => {
  it('shows a skeleton, then a Vietnamese message, and "Thử lại" loads the list once the network is back', async () => {
    const failure = deferred();
    api.get('/api/v1/procedures', () => failure.promise);
    const { user } = renderAt('/');
    expect(screen.getByRole('status')).toHaveTextContent('Đang tải…');
    failure.release({ networkError: true });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Chưa tải được dữ liệu');
    expect(alert).toHaveTextContent('Không kết nối được tới máy chủ. Hãy kiểm tra kết nối mạng rồi thử lại.');

    api.get('/api/v1/procedures', { status: 200, body: paged(popularProcedures) });
    await user.click(within(alert).getByRole('button', { name: 'Thử lại' }));

    const list = await screen.findByRole('list', { name: 'Thủ tục được dùng nhiều' });
    expect(within(list).getAllByRole('link')).toHaveLength(3);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('lets a failed search be retried', async () => {
    api.get('/api/v1/procedures', ({ params }) =>
      params.q ? { status: 503, body: {} } : { status: 200, body: paged(popularProcedures) },
    );
    const { user } = renderAt('/');
    await user.type(screen.getByRole('searchbox', { name: 'Tìm thủ tục hành chính' }), 'khai sinh');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Hệ thống đang gặp sự cố. Hãy thử lại sau ít phút.');

    api.get('/api/v1/procedures', { status: 200, body: paged(popularProcedures.slice(1, 2)) });
    await user.click(within(alert).getByRole('button', { name: 'Thử lại' }));
    const results = await screen.findByRole('list', { name: 'Kết quả tìm kiếm' });
    expect(within(results).getByRole('link')).toHaveTextContent('Đăng ký khai sinh');
  });
});
